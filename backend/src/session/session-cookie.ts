import { SESSION_COOKIE } from '@gallery/contracts';

const NAMED = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE.replace(/\./g, '\\.')}=`);

/**
 * Whether a Cookie header carries the session cookie, by name as cookie parsing reads it. The one
 * test for "signed out" wherever a signed-out answer may be shared (the read cache keeps and
 * serves by it, server rendering picks pages by it), so both sides always agree.
 */
export function carriesSessionCookie(header: string | undefined): boolean {
  return !!header && NAMED.test(header);
}
