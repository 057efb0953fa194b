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
  const stamp = Date.now().toString(36);
  const cookies = [
    await register(baseUrl, `viewer_${stamp}_a`),
    await register(baseUrl, `viewer_${stamp}_b`),
  ];
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

/** The cookies a response sets, as `name=value` pairs. */
function setCookies(res: Response): Map<string, string> {
  return new Map(
    res.headers.getSetCookie().map((c) => {
      const pair = c.split(';', 1)[0]!;
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)] as [string, string];
    }),
  );
}

/**
 * Registers `username` as the web app does: a GET hands out the pre-session cookie and the
 * XSRF-TOKEN bound to it, the POST sends both and echoes the token. Returns the session's Cookie header.
 */
async function register(baseUrl: string, username: string): Promise<string> {
  const first = await fetch(`${baseUrl}/api/health`);
  await first.arrayBuffer();
  const jar = setCookies(first);
  const token = jar.get('XSRF-TOKEN');
  if (!token) throw new Error('GET /api/health set no XSRF-TOKEN cookie');
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'X-XSRF-TOKEN': decodeURIComponent(token),
    },
    body: JSON.stringify({ username, password: 'correct horse battery', displayName: `Bench ${username}` }),
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${body}`);
  const session = setCookies(res).get('gallery.sid');
  if (!session) throw new Error(`register ${username}: no gallery.sid cookie`);
  return `gallery.sid=${session}`;
}
