/**
 * Gallery accounts for the sockets, made the way the web app makes them: a GET to any /api
 * route hands out the XSRF-TOKEN cookie, every POST echoes it in X-XSRF-TOKEN, and registering
 * signs the new account in (the gallery.sid session cookie the sockets then present).
 */

const SESSION_COOKIE = 'gallery.sid';
/** What a signed-out visitor's XSRF token is bound to (backend auth/csrf.ts). */
const PRE_SESSION_COOKIE = 'gallery.presession';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export function cookieValue(res: Response, name: string): string | null {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return line ? line.slice(name.length + 1).split(';', 1)[0]! : null;
}

/**
 * The double-submit token with the pre-session cookie it is bound to before sign-in; one pair
 * serves every registration (each registration then signs in with its own session).
 */
async function csrfToken(baseUrl: string): Promise<{ token: string; preSession: string }> {
  const res = await fetch(`${baseUrl}/api/health`);
  await res.arrayBuffer();
  const token = cookieValue(res, CSRF_COOKIE);
  const preSession = cookieValue(res, PRE_SESSION_COOKIE);
  if (!token || !preSession) throw new Error('GET /api/health set no XSRF-TOKEN or pre-session cookie');
  return { token, preSession };
}

/** Registers `username`; returns the Cookie header its sockets send. */
async function register(
  baseUrl: string,
  { token, preSession }: { token: string; preSession: string },
  username: string,
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `${PRE_SESSION_COOKIE}=${preSession}; ${CSRF_COOKIE}=${token}`,
      [CSRF_HEADER]: decodeURIComponent(token),
    },
    body: JSON.stringify({ username, password: 'correct horse battery', displayName: `Bench ${username}` }),
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${body}`);
  const session = cookieValue(res, SESSION_COOKIE);
  if (!session) throw new Error(`register ${username}: no ${SESSION_COOKIE} cookie`);
  return `${SESSION_COOKIE}=${session}`;
}

/**
 * `count` accounts, `concurrency` registrations at a time: each costs an argon2 hash (~40 ms of
 * one core here), so more in flight only queues inside the api. Returns their Cookie headers.
 */
export async function registerUsers(
  baseUrl: string,
  count: number,
  concurrency: number,
  onProgress: (done: number) => void,
): Promise<string[]> {
  return (await registerAccounts(baseUrl, count, concurrency, onProgress)).map((a) => a.cookie);
}

/** registerUsers() with each account's username (chat-groups names the members of its groups). */
export async function registerAccounts(
  baseUrl: string,
  count: number,
  concurrency: number,
  onProgress: (done: number) => void,
): Promise<{ username: string; cookie: string }[]> {
  const token = await csrfToken(baseUrl);
  const prefix = `fan${Date.now().toString(36)}`;
  const accounts = new Array<{ username: string; cookie: string }>(count);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const username = `${prefix}_${i}`;
      accounts[i] = { username, cookie: await register(baseUrl, token, username) };
      if (++done % 100 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return accounts;
}
