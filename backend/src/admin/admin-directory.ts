import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminStats, AdminUser, AdminUserStatus, Page } from '@gallery/contracts';
import type { DataSource } from 'typeorm';
import { dialectSql } from '../database/dialect';
import { JobQueue } from '../queue/job-queue';
import { SocketServer } from '../realtime/socket-server';
import type { UserEntity } from '../users/user.entity';
import { UserMapper } from '../users/user.mapper';
import { UsersService } from '../users/users.service';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Accounts as admins see them, and the instance's numbers. */
@Injectable()
export class AdminDirectory {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly mapper: UserMapper,
    private readonly jobs: JobQueue,
    @Optional() private readonly sockets?: SocketServer,
  ) {}

  /** Accounts whose username starts with, or display name contains, `q`; by username. */
  async list(
    q: string,
    status: AdminUserStatus | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<AdminUser>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const term = q
      .trim()
      .toLowerCase()
      .replace(/[!%_]/g, (c) => `!${c}`);
    if (term) {
      where.push(`(u."username" LIKE ? ESCAPE '!' OR LOWER(u."displayName") LIKE ? ESCAPE '!')`);
      params.push(`${term}%`, `%${term}%`);
    }
    if (status) where.push(`u."suspendedAt" IS ${status === 'suspended' ? 'NOT ' : ''}NULL`);
    if (cursor) {
      where.push(`u."username" > ?`);
      params.push(cursor);
    }
    const rows: { id: string }[] = await this.db.query(
      dialectSql(
        this.db,
        `SELECT u."id" FROM "users" u ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u."username" LIMIT ?`,
      ),
      [...params, limit + 1],
    );
    const ids = rows.slice(0, limit).map((r) => r.id);
    const found = new Map((await this.users.findByIds(ids)).map((u) => [u.id, u]));
    const items = await Promise.all(ids.map((id) => this.present(found.get(id)!)));
    return { items, nextCursor: rows.length > limit ? items.at(-1)!.username : null };
  }

  async present(user: UserEntity): Promise<AdminUser> {
    const [counts] = (await this.db.query(
      dialectSql(
        this.db,
        'SELECT (SELECT COUNT(*) FROM "albums" WHERE "ownerId" = ?) AS "albums", ' +
          `(SELECT COUNT(*) FROM "reports" WHERE ("targetKind" = 'user' AND "targetId" = ?) ` +
          `OR ("targetKind" = 'album' AND "targetId" IN (SELECT "id" FROM "albums" WHERE "ownerId" = ?))) AS "reports"`,
      ),
      [user.id, user.id, user.id],
    )) as { albums: number | string; reports: number | string }[];
    return {
      ...this.mapper.summary(user),
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      suspended:
        user.suspendedAt !== null
          ? {
              reason: user.suspendedReason ?? '',
              at: iso(user.suspendedAt)!,
              until: iso(user.suspendedUntil),
            }
          : null,
      albumCount: Number(counts?.albums ?? 0),
      reportCount: Number(counts?.reports ?? 0),
    };
  }

  async stats(): Promise<AdminStats> {
    const one = async (sql: string): Promise<number> => {
      const [row] = (await this.db.query(dialectSql(this.db, sql))) as { n: number | string | null }[];
      return Number(row?.n ?? 0);
    };
    const byStatus = (await this.db.query(
      dialectSql(this.db, 'SELECT "status", COUNT(*) AS "n" FROM "stages" GROUP BY "status"'),
    )) as { status: string; n: number | string }[];
    const stages = { pending: 0, processing: 0, ready: 0, failed: 0 };
    for (const r of byStatus) if (r.status in stages) stages[r.status as keyof typeof stages] = Number(r.n);
    const [users, suspendedUsers, artworks, hiddenArtworks, openReports, storageBytes] = await Promise.all([
      one('SELECT COUNT(*) AS "n" FROM "users"'),
      one('SELECT COUNT(*) AS "n" FROM "users" WHERE "suspendedAt" IS NOT NULL'),
      one('SELECT COUNT(*) AS "n" FROM "albums"'),
      one('SELECT COUNT(*) AS "n" FROM "albums" WHERE "hiddenAt" IS NOT NULL'),
      one(`SELECT COUNT(*) AS "n" FROM "reports" WHERE "status" = 'open'`),
      one('SELECT SUM("bytes") AS "n" FROM "stages"'),
    ]);
    return {
      users,
      suspendedUsers,
      artworks,
      hiddenArtworks,
      stages,
      openReports,
      queue: await this.jobs.counts(),
      socketsOnline: await this.socketsOnline(),
      storageBytes,
    };
  }

  /** Sockets on every instance (the Redis adapter asks the others), or this one's if they do not answer. */
  private async socketsOnline(): Promise<number> {
    const server = this.sockets?.server;
    if (!server) return 0;
    try {
      return (await server.fetchSockets()).length;
    } catch {
      return server.engine.clientsCount;
    }
  }
}
