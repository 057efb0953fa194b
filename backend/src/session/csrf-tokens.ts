import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** HttpOnly random value that anonymous tokens are bound to until there is a signed-in session. */
export const PRE_SESSION_COOKIE = 'gallery.presession';

/** Makes and checks tokens bound to a session id (`session:…`) or a pre-session (`pre:…`). */
export function csrfTokens(secret: string) {
  const sign = (binding: string, nonce: string) =>
    createHmac('sha256', secret)
      .update(`gallery-csrf!${binding.length}!${binding}!${nonce.length}!${nonce}`)
      .digest('base64url');
  const mint = (binding: string) => {
    const nonce = randomBytes(18).toString('base64url');
    return `${nonce}.${sign(binding, nonce)}`;
  };
  const validFor = (token: string | undefined, binding: string): boolean => {
    if (!token) return false;
    const dot = token.indexOf('.');
    if (dot <= 0) return false;
    return sameToken(token.slice(dot + 1), sign(binding, token.slice(0, dot)));
  };
  return { mint, validFor };
}

/** A pre-session value the middleware accepts (anything else is replaced by a fresh one). */
export const PRE_SESSION_VALUE = /^[A-Za-z0-9_-]{20,64}$/;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
