/** The queries; the seeder pins the painter and tunes word frequencies so each has its intended hits. */
export const QUERIES = {
  /** In ~0.05 % of artworks (a rare word from words.ts). */
  rare: 'verdaccio',
  /** In ~9 % of artworks (title subject and description word). */
  common: 'harbour',
  /** Below InnoDB's 3-character token size: the titleNorm LIKE 'ha%' path (~8 % of titles). */
  prefix: 'ha',
  /** A painter the seeder pins (painter_00042); accented, matched accent-free. */
  painter: 'Élodie Marchand',
  /** Two common words; "at" is under the token size and dropped. */
  multi: 'harbour at dusk',
  fulltextTerms: ['verdaccio', 'harbour', 'dusk', 'elodie', 'marchand'],
} as const;

/** Cards per explore page: the api's default and what the web app asks for. */
export const PAGE = 24;
/** Pages followed before a "deep" scenario: its request is page DEEP + 1. */
export const DEEP = 20;

export interface Scenario {
  name: string;
  path: string;
  /** A signed-in viewer's Cookie header; none: signed out. */
  headers?: Record<string, string>;
}

/** A signed-in viewer the explore scenarios run again for (see viewers.ts). */
export interface ViewerHeaders {
  name: string;
  headers: Record<string, string>;
}

type Page = { items: unknown[]; nextCursor: string | null };

const search = (q: string): string => `/api/search?q=${encodeURIComponent(q)}`;

/**
 * The scenarios `only` selects, deep ones resolved by following nextCursor DEEP times against the
 * running api (only for those selected: on a slow endpoint that takes a while).
 */
export async function scenarios(
  baseUrl: string,
  only: RegExp = /./,
  viewers: ViewerHeaders[] = [],
): Promise<Scenario[]> {
  // A viewer's deep page is reached through their own cursors: their blocks change the pages.
  const deep = async (first: string, headers?: Record<string, string>): Promise<string> => {
    let path = first;
    for (let i = 0; i < DEEP; i++) {
      const page = await getJson<Page>(baseUrl + path, headers);
      if (!page.nextCursor) throw new Error(`${first}: only ${i + 1} pages`);
      path = `${first}&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    return path;
  };
  const recent = `/api/albums?sort=recent&limit=${PAGE}`;
  const popular = `/api/albums?sort=popular&limit=${PAGE}`;
  const hue0 = `/api/albums?hue=0&limit=${PAGE}`;
  const hue210 = `/api/albums?hue=210&limit=${PAGE}`;
  const all: {
    name: string;
    path: string | ((headers?: Record<string, string>) => Promise<string>);
    headers?: Record<string, string>;
  }[] = [
    { name: `search rare "${QUERIES.rare}"`, path: search(QUERIES.rare) },
    { name: `search common "${QUERIES.common}"`, path: search(QUERIES.common) },
    { name: `search prefix "${QUERIES.prefix}"`, path: search(QUERIES.prefix) },
    { name: `search painter "${QUERIES.painter}"`, path: search(QUERIES.painter) },
    { name: `search multi "${QUERIES.multi}"`, path: search(QUERIES.multi) },
    { name: 'explore recent p1', path: recent },
    { name: `explore recent p${DEEP + 1}`, path: () => deep(recent) },
    { name: 'explore popular p1', path: popular },
    { name: `explore popular p${DEEP + 1}`, path: () => deep(popular) },
    { name: 'explore hue=0 p1', path: hue0 },
    { name: `explore hue=0 p${DEEP + 1}`, path: () => deep(hue0) },
    { name: 'explore hue=210 p1', path: hue210 },
    { name: `explore hue=210 p${DEEP + 1}`, path: () => deep(hue210) },
  ];
  // Signed in, the same explore pages with the block clause (and marks): compare with the row above.
  for (const viewer of viewers)
    for (const [name, path] of [
      ['explore recent p1', recent],
      [`explore recent p${DEEP + 1}`, (h?: Record<string, string>) => deep(recent, h)],
      ['explore popular p1', popular],
      [`explore popular p${DEEP + 1}`, (h?: Record<string, string>) => deep(popular, h)],
      ['explore hue=0 p1', hue0],
      [`explore hue=0 p${DEEP + 1}`, (h?: Record<string, string>) => deep(hue0, h)],
    ] as const)
      all.push({ name: `${name}, ${viewer.name}`, path, headers: viewer.headers });
  const chosen: Scenario[] = [];
  for (const s of all.filter((s) => only.test(s.name))) {
    const path = typeof s.path === 'string' ? s.path : await s.path(s.headers);
    chosen.push({ name: s.name, path, ...(s.headers ? { headers: s.headers } : {}) });
  }
  return chosen;
}

/** What one answer holds, for the report (and to fail loudly on an empty or broken scenario). */
export async function describeAnswer(baseUrl: string, s: Scenario): Promise<string> {
  const body = await getJson<Page & { albums?: unknown[]; users?: unknown[] }>(baseUrl + s.path, s.headers);
  const shape = body.albums
    ? `${body.albums.length} artworks, ${body.users?.length ?? 0} painters`
    : `${body.items.length} cards${body.nextCursor ? ', next' : ''}`;
  if (/^0 artworks, 0|^0 cards/.test(shape)) throw new Error(`${s.name}: empty answer (${s.path})`);
  return shape;
}

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { headers: { 'x-forwarded-for': '10.78.0.1', ...headers } });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
