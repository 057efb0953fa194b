import { Store, type SessionData } from 'express-session';
import { LessThan, type Repository } from 'typeorm';
import { dialectSql, toDate } from '../database/dialect';
import type { SessionEntity } from './session.entity';
import { readRows } from '../database/plain-reads';

type Callback<T = void> = (err?: unknown, value?: T | null) => void;

/** Sessions without a cookie expiry (browser-session cookies) are kept server-side this long. */
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 15 * 60 * 1000;
const TOUCH_EVERY_MS = 60_000;
const MAX_TOUCHED = 50_000;

/**
 * express-session store on the app's own database, for the embedded mode: sessions survive
 * restarts with nothing but the SQLite file (works on MySQL too).
 */
export class DatabaseSessionStore extends Store {
  private readonly pruneTimer: NodeJS.Timeout;
  /** When each session was last touched here (bounded: cleared when it grows past MAX_TOUCHED). */
  private readonly touched = new Map<string, number>();
  /**
   * Every signed-in request reads its session: one plain statement, since TypeORM's findOneBy
   * (query building and hydration) cost more CPU than the read itself (bench/read).
   */
  private readonly getSql: string;

  constructor(private readonly sessions: Repository<SessionEntity>) {
    super();
    this.getSql = dialectSql(sessions.manager, 'SELECT "data", "expiresAt" FROM "sessions" WHERE "sid" = ?');
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  override get(sid: string, callback: Callback<SessionData>): void {
    readRows<{ data: string; expiresAt: Date | string }>(this.sessions.manager, this.getSql, [sid])
      .then(([row]) => {
        if (!row || toDate(row.expiresAt).getTime() <= Date.now()) return callback(null, null);
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch(callback);
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    const row = { sid, data: JSON.stringify(session), expiresAt: expiry(session) };
    this.sessions
      .upsert(row, ['sid'])
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  /**
   * Rolling sessions touch on every request; a database write per page view for a new expiry a
   * few seconds later than the last one is waste. Touches of one session within TOUCH_EVERY_MS
   * are skipped, so the stored expiry trails the cookie's by at most that much.
   */
  override touch(sid: string, session: SessionData, callback?: Callback): void {
    const now = Date.now();
    if ((this.touched.get(sid) ?? 0) > now - TOUCH_EVERY_MS) return callback?.();
    if (this.touched.size >= MAX_TOUCHED) this.touched.clear();
    this.touched.set(sid, now);
    this.sessions
      .update({ sid }, { expiresAt: expiry(session) })
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.touched.delete(sid);
    this.sessions
      .delete({ sid })
      .then(() => callback?.())
      .catch((err) => callback?.(err));
  }

  /** Deletes expired rows; also called by tests. */
  async prune(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) }).catch(() => undefined);
  }

  close(): void {
    clearInterval(this.pruneTimer);
  }
}

function expiry(session: SessionData): Date {
  const expires = session.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_TTL_MS);
}
