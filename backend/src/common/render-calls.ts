import { randomBytes } from 'node:crypto';
import type { Request } from 'express';

/**
 * The api calls a server-side render makes (backend/src/web/ssr.ts) reach this process over
 * loopback, so they all come from 127.0.0.1. They carry this header, `<secret> <visitor ip>`, with
 * a secret only this process knows, so the rate limits count them against the visitor whose page
 * is rendered — as when the visitor's browser makes the same calls — rather than against one
 * loopback address shared by every render.
 */
export const RENDER_CALL_HEADER = 'x-gallery-render';

const SECRET = randomBytes(18).toString('base64url');

/** The header's value for a render of a page asked for by `visitorIp`. */
export function renderCallHeader(visitorIp: string): string {
  return `${SECRET} ${visitorIp}`;
}

/** The visitor a call is made for, when it is one of this process's renders; else null. */
export function renderCallVisitor(req: Pick<Request, 'headers'>): string | null {
  const value = req.headers[RENDER_CALL_HEADER];
  if (typeof value !== 'string') return null;
  const space = value.indexOf(' ');
  return space > 0 && value.slice(0, space) === SECRET ? value.slice(space + 1) || null : null;
}
