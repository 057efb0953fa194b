import { registerUsers } from '../chat-fanout/users';
import { connect, count } from './db';

/** One painter in this many is blocked by the blocking viewer: about 10 % of the works. */
const BLOCK_EVERY = 10;

export interface Viewer {
  /** Goes into the scenario name: "explore recent p1, signed in (…)". */
  name: string;
  /** The Cookie header its requests send. */
  headers: Record<string, string>;
}

/**
 * Two signed-in viewers for the explore scenarios, registered the way the web app does it: one
 * who blocked nobody, and one who blocked every BLOCK_EVERY-th painter (rows put straight into
 * user_blocks). A signed-in explore page carries the block clause either way (see
 * ExploreService); the second also has its colour pages refilled. `remove` deletes both accounts
 * (their blocks cascade), so a kept database stays as seeded.
 */
export async function signedInViewers(
  baseUrl: string,
  databaseUrl: string,
): Promise<{ viewers: Viewer[]; hiddenShare: number; remove: () => Promise<void> }> {
  const cookies = await registerUsers(baseUrl, 2, 1, () => {});
  const ids: string[] = [];
  for (const cookie of cookies) {
    const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET /api/auth/me: ${res.status}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const conn = await connect(databaseUrl);
  try {
    await conn.query(
      'INSERT INTO `user_blocks` (`blockerId`, `blockedId`, `createdAt`) ' +
        "SELECT ?, `id`, ? FROM `users` WHERE `username` LIKE 'painter\\_%' AND CRC32(`id`) % ? = 0",
      [ids[1], Date.now(), BLOCK_EVERY],
    );
    const blocked = await count(conn, 'SELECT COUNT(*) FROM `user_blocks` WHERE `blockerId` = ?', [ids[1]]);
    const hidden = await count(
      conn,
      "SELECT COUNT(*) FROM `albums` a JOIN `user_blocks` b ON b.`blockedId` = a.`ownerId` AND b.`blockerId` = ? WHERE a.`visibility` = 'public'",
      [ids[1]],
    );
    const total = await count(conn, "SELECT COUNT(*) FROM `albums` WHERE `visibility` = 'public'");
    return {
      viewers: [
        { name: 'signed in, no blocks', headers: { cookie: cookies[0]! } },
        { name: `signed in, ${blocked} blocked`, headers: { cookie: cookies[1]! } },
      ],
      hiddenShare: hidden / Math.max(1, total),
      remove: async () => {
        const c = await connect(databaseUrl);
        try {
          await c.query('DELETE FROM `users` WHERE `id` IN (?)', [ids]);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await conn.end();
  }
}
