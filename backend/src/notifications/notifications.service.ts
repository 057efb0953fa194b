import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATION_TYPES,
  ROOMS,
  type ArtworkCard,
  type Notification,
  type NotificationPage,
  type NotificationSettings,
  type NotificationType,
  type UserSummary,
} from '@gallery/contracts';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { ArtworkCards } from '../artworks/artwork-cards';
import { decodeCursor, encodeCursor, keysetAfter } from '../common/cursor';
import { uuidv7 } from '../common/uuidv7';
import { dialectSql, placeholders } from '../database/dialect';
import { isUniqueViolation } from '../database/errors';
import { RealtimeEmitter } from '../realtime/realtime-emitter';
import { UserEntity } from '../users/user.entity';
import { UserMapper } from '../users/user.mapper';
import { NotificationEntity, NotificationSettingsEntity } from './notification.entity';

/** Actor ids kept per row (newest first); actorCount keeps counting past it. */
const MAX_ACTORS = 20;
/** Actors shown per notification. */
const SHOWN_ACTORS = 3;
/** Followers told per insert in a fan-out. */
export const FAN_OUT_BATCH = 500;

export interface NotifyInput {
  recipientId: string;
  type: NotificationType;
  actorId: string;
  albumId?: string | null;
  commentId?: string | null;
}

/**
 * Stores notifications, grouped while unread, and delivers them live (`notification` and the new
 * `notification:count` to the recipient's sockets). Runs in the api and in workers (fan-out jobs).
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cards: ArtworkCards,
    private readonly users: UserMapper,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** Records that `actorId` did `type` (to `albumId`), grouped with the unread ones like it. */
  async notify(input: NotifyInput): Promise<void> {
    if (input.recipientId === input.actorId) return;
    if (!(await this.wants(input.recipientId, input.type))) return;
    const groupKey = `${input.type}:${input.albumId ?? '-'}`;
    let id: string | null = null;
    for (let attempt = 0; attempt < 5 && !id; attempt++) {
      id = await this.db
        .transaction((tx) => this.upsert(tx, input, groupKey))
        .catch((err: unknown) => {
          // Two actors at once both inserted (or, on MariaDB, deadlocked on the gap lock of the
          // row neither found): the loser goes round again and updates.
          if (isUniqueViolation(err) || isDeadlock(err)) return null;
          throw err;
        });
    }
    if (!id) return;
    const row = await this.db.manager.findOneByOrFail(NotificationEntity, { id });
    const [notification] = await this.present([row], input.recipientId);
    this.realtime.toRooms([ROOMS.user(input.recipientId)], 'notification', notification!);
    this.realtime.toRooms([ROOMS.user(input.recipientId)], 'notification:count', {
      unreadCount: await this.unreadCount(input.recipientId),
    });
  }

  private async upsert(tx: EntityManager, input: NotifyInput, groupKey: string): Promise<string> {
    const now = Date.now();
    const query = tx
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.recipientId = :recipientId AND n.groupKey = :groupKey', {
        recipientId: input.recipientId,
        groupKey,
      });
    if (tx.connection.options.type === 'mysql') query.setLock('pessimistic_write');
    const existing = await query.getOne();
    if (!existing) {
      const id = uuidv7(now);
      await tx.insert(NotificationEntity, {
        id,
        recipientId: input.recipientId,
        type: input.type,
        albumId: input.albumId ?? null,
        commentId: input.commentId ?? null,
        actorIds: JSON.stringify([input.actorId]),
        actorCount: 1,
        groupKey,
        read: false,
        createdAt: now,
        updatedAt: now,
      });
      return id;
    }
    const actors = JSON.parse(existing.actorIds) as string[];
    const known = actors.includes(input.actorId);
    await tx.update(
      NotificationEntity,
      { id: existing.id },
      {
        actorIds: JSON.stringify(
          [input.actorId, ...actors.filter((a) => a !== input.actorId)].slice(0, MAX_ACTORS),
        ),
        actorCount: existing.actorCount + (known ? 0 : 1),
        commentId: input.commentId ?? existing.commentId,
        updatedAt: now,
      },
    );
    return existing.id;
  }

  /**
   * Tells every follower of the painter (who has not turned it off) about a new artwork: pages
   * through the follows by follower id and inserts a batch at a time. Idempotent: a retried job
   * skips the rows an earlier attempt wrote (same group key).
   */
  async fanOutNewArtwork(albumId: string, painterId: string): Promise<number> {
    const db = this.db;
    const groupKey = `new-artwork:${albumId}`;
    const [card] = await this.cards.byIds([albumId], null);
    if (!card) return 0;
    const painter = await db.manager.findOneBy(UserEntity, { id: painterId });
    if (!painter) return 0;
    const actor = this.users.summary(painter);
    let after = '';
    const told: string[][] = [];
    for (;;) {
      // SQLite answers synchronously: without a real yield between batches the whole fan-out would
      // run as one chain of microtasks and starve every request that arrives meanwhile.
      await yieldToEventLoop();
      const followers: { id: string }[] = await db.query(
        dialectSql(
          db,
          'SELECT f."followerId" AS "id" FROM "follows" f LEFT JOIN "notification_settings" s ON s."userId" = f."followerId" ' +
            `WHERE f."followeeId" = ? AND f."followerId" > ? AND (s."disabled" IS NULL OR s."disabled" NOT LIKE '%new-artwork%') ` +
            'ORDER BY f."followerId" LIMIT ?',
        ),
        [painterId, after, FAN_OUT_BATCH],
      );
      if (!followers.length) break;
      after = followers.at(-1)!.id;
      const now = Date.now();
      const rows = followers.map((f) => ({
        id: uuidv7(now),
        recipientId: f.id,
        type: 'new-artwork' as const,
        albumId,
        commentId: null,
        actorIds: JSON.stringify([painterId]),
        actorCount: 1,
        groupKey,
        read: false,
        createdAt: now,
        updatedAt: now,
      }));
      await db.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().execute();
      told.push(rows.map((r) => r.recipientId));
      if (followers.length < FAN_OUT_BATCH) break;
    }
    // Stored first, then delivered: the rows (what a reload shows) are all there as soon as possible.
    for (const recipients of told) {
      await yieldToEventLoop();
      await this.deliverBatch(recipients, groupKey, actor, card);
    }
    return told.reduce((n, batch) => n + batch.length, 0);
  }

  /** Live delivery of a fan-out batch: each recipient's row and new unread count. */
  private async deliverBatch(
    recipients: string[],
    groupKey: string,
    actor: UserSummary,
    card: ArtworkCard,
  ): Promise<void> {
    const list = placeholders(recipients.length);
    const [rows, counts] = await Promise.all([
      this.db.manager.find(NotificationEntity, { where: { recipientId: In(recipients), groupKey } }),
      this.db.query(
        dialectSql(
          this.db,
          `SELECT "recipientId", COUNT(*) AS "n" FROM "notifications" WHERE "recipientId" IN (${list}) AND "read" = ? GROUP BY "recipientId"`,
        ),
        [...recipients, 0],
      ) as Promise<{ recipientId: string; n: number | string }[]>,
    ]);
    const unread = new Map(counts.map((c) => [c.recipientId, Number(c.n)]));
    for (const row of rows) {
      const room = [ROOMS.user(row.recipientId)];
      this.realtime.toRooms(room, 'notification', this.shape(row, [actor], card));
      this.realtime.toRooms(room, 'notification:count', { unreadCount: unread.get(row.recipientId) ?? 0 });
    }
  }

  /** Newest first (by last activity), with the unread count. */
  async list(userId: string, limit: number, cursor?: string): Promise<NotificationPage> {
    const at = cursor ? decodeCursor(cursor) : null;
    const sql =
      'SELECT "id" FROM "notifications" WHERE "recipientId" = ? ' +
      (at ? `AND ${keysetAfter('"updatedAt"', '"id"')} ` : '') +
      'ORDER BY "updatedAt" DESC, "id" DESC LIMIT ?';
    const ids: { id: string }[] = await this.db.query(dialectSql(this.db, sql), [
      userId,
      ...(at ? [at.value, at.value, at.id] : []),
      limit + 1,
    ]);
    const page = ids.slice(0, limit).map((r) => r.id);
    const rows = page.length ? await this.db.manager.findBy(NotificationEntity, { id: In(page) }) : [];
    rows.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
    const last = rows.at(-1);
    return {
      items: await this.present(rows, userId),
      nextCursor: ids.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
      unreadCount: await this.unreadCount(userId),
    };
  }

  /** Marks these (or all) read; they stop gathering new actors. Tells the user's other tabs. */
  async markRead(userId: string, ids?: string[]): Promise<{ unreadCount: number }> {
    if (!ids || ids.length) {
      await this.db
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ read: true, groupKey: null })
        .where('recipientId = :userId AND read = 0', { userId })
        .andWhere(ids ? 'id IN (:...ids)' : '1 = 1', ids ? { ids } : {})
        .execute();
    }
    const unreadCount = await this.unreadCount(userId);
    this.realtime.toRooms([ROOMS.user(userId)], 'notification:count', { unreadCount });
    return { unreadCount };
  }

  unreadCount(userId: string): Promise<number> {
    return this.db.manager.countBy(NotificationEntity, { recipientId: userId, read: false });
  }

  async settings(userId: string): Promise<NotificationSettings> {
    const row = await this.db.manager.findOneBy(NotificationSettingsEntity, { userId });
    const off = new Set((row?.disabled ?? '').split(',').filter(Boolean));
    return Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, !off.has(t)])) as NotificationSettings;
  }

  async updateSettings(
    userId: string,
    changes: Partial<NotificationSettings>,
  ): Promise<NotificationSettings> {
    const next = { ...(await this.settings(userId)), ...changes };
    const disabled = NOTIFICATION_TYPES.filter((t) => next[t] === false).join(',');
    await this.db.manager.upsert(NotificationSettingsEntity, { userId, disabled }, ['userId']);
    return this.settings(userId);
  }

  private async wants(userId: string, type: NotificationType): Promise<boolean> {
    const row = await this.db.manager.findOneBy(NotificationSettingsEntity, { userId });
    return !row || !row.disabled.split(',').includes(type);
  }

  /** Rows to API shapes: the first few actors and the artwork's card, in two queries. */
  private async present(rows: NotificationEntity[], viewerId: string): Promise<Notification[]> {
    const actorIds = new Set(
      rows.flatMap((r) => (JSON.parse(r.actorIds) as string[]).slice(0, SHOWN_ACTORS)),
    );
    const albumIds = [...new Set(rows.map((r) => r.albumId).filter((id): id is string => !!id))];
    const [users, cards] = await Promise.all([
      actorIds.size ? this.db.manager.findBy(UserEntity, { id: In([...actorIds]) }) : [],
      this.visibleCards(albumIds, viewerId),
    ]);
    const userById = new Map(users.map((u) => [u.id, this.users.summary(u)]));
    const cardById = new Map(cards.map((c) => [c.id, c]));
    return rows.map((r) =>
      this.shape(
        r,
        (JSON.parse(r.actorIds) as string[])
          .slice(0, SHOWN_ACTORS)
          .map((id) => userById.get(id))
          .filter((u): u is UserSummary => !!u),
        r.albumId ? (cardById.get(r.albumId) ?? null) : null,
      ),
    );
  }

  /** Cards of the artworks the viewer may still see (one made unlisted since drops to null). */
  private async visibleCards(albumIds: string[], viewerId: string): Promise<ArtworkCard[]> {
    if (!albumIds.length) return [];
    const visible: { id: string }[] = await this.db.query(
      dialectSql(
        this.db,
        `SELECT "id" FROM "albums" WHERE "id" IN (${placeholders(albumIds.length)}) AND ("visibility" = 'public' OR "ownerId" = ?)`,
      ),
      [...albumIds, viewerId],
    );
    return this.cards.byIds(
      visible.map((a) => a.id),
      viewerId,
    );
  }

  private shape(r: NotificationEntity, actors: UserSummary[], album: ArtworkCard | null): Notification {
    return {
      id: r.id,
      type: r.type,
      // Who moderated stays private: a resolved report names no one.
      actors: r.type === 'report-resolved' ? [] : actors,
      actorCount: r.type === 'report-resolved' ? 0 : r.actorCount,
      album,
      commentId: r.commentId,
      read: r.read,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }

  logFailure(what: string, err: unknown): void {
    this.logger.warn(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function isDeadlock(err: unknown): boolean {
  const code = err instanceof QueryFailedError ? (err.driverError as { code?: string }).code : undefined;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
