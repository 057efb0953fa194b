/**
 * The groups of the benchmark, made through the api like the web app makes them: each user is in
 * the same number of groups, drawn by a seeded shuffle so every run gets the same memberships.
 */
import { CSRF_COOKIE, CSRF_HEADER, cookieValue } from '../chat-fanout/users';

export interface Group {
  id: string;
  /** Indexes into the accounts (and sockets), the creator (and sender) first. */
  members: number[];
}

/** mulberry32: a tiny seeded generator, enough for a reproducible shuffle. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `groups` groups of `size` out of `users` people: rounds of a shuffled list cut into groups, so
 * everyone is in groups × size / users of them and no group has anyone twice.
 */
export function drawMemberships(users: number, groups: number, size: number, seed = 6): number[][] {
  if (size > users) throw new Error(`a group of ${size} needs at least ${size} users`);
  const next = random(seed);
  const out: number[][] = [];
  while (out.length < groups) {
    const order = Array.from({ length: users }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let at = 0; at + size <= users && out.length < groups; at += size)
      out.push(order.slice(at, at + size));
  }
  return out;
}

/** A signed-in POST: the session's XSRF token comes from a GET, as the web app's does. */
async function postAs(baseUrl: string, cookie: string, path: string, body: unknown): Promise<unknown> {
  const probe = await fetch(`${baseUrl}/api/health`, { headers: { cookie } });
  await probe.arrayBuffer();
  const token = cookieValue(probe, CSRF_COOKIE);
  if (!token) throw new Error('GET /api/health set no XSRF-TOKEN cookie');
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `${cookie}; ${CSRF_COOKIE}=${token}`,
      [CSRF_HEADER]: decodeURIComponent(token),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** Creates the groups, each by its first member; one at a time (each announces to 50 people). */
export async function createGroups(
  baseUrl: string,
  accounts: { username: string; cookie: string }[],
  memberships: number[][],
): Promise<Group[]> {
  const groups: Group[] = [];
  for (const [i, members] of memberships.entries()) {
    const [creator, ...others] = members;
    const created = (await postAs(baseUrl, accounts[creator!]!.cookie, '/api/chat/groups', {
      name: `Bench group ${i + 1}`,
      usernames: others.map((o) => accounts[o]!.username),
    })) as { id: string };
    groups.push({ id: created.id, members });
  }
  return groups;
}
