import { DataSource } from 'typeorm';
import { hueHits, type HueHit } from '../src/artworks/hue-search';
import { createArtwork } from './support/artworks';
import { databaseKinds } from './support/adapters';
import { TestApp } from './support/test-app';

/**
 * The colour browse's paging on both databases, with palettes written directly so that many
 * artworks have several colours inside one ±15° window: each artwork must come once, at its
 * heaviest colour in the window, with no page repeating or skipping one.
 */
describe.each(databaseKinds())('hue paging — %s', (database) => {
  let app: TestApp;
  let db: DataSource;
  /** albumId → its colours as [hue, weight]. */
  const palettes = new Map<string, [number, number][]>();

  beforeAll(async () => {
    app = await TestApp.start({ database });
    db = app.get(DataSource);
    const painter = app.client();
    await painter.register('hue_painter');
    for (let i = 0; i < 30; i++) {
      const { id } = await createArtwork(painter, `Palette ${i}`);
      // Three colours near red (two of them in most windows), one far away; weights interleave
      // across artworks, so the walks' top rows are full of artworks' lighter colours.
      const colors: [number, number][] = [
        [(355 + i) % 360, 0.3 + i / 100],
        [(2 + i) % 360, 0.31 + i / 100],
        [(8 + (i % 5)) % 360, 0.2 + (i % 7) / 50],
        [200, 0.9],
      ];
      palettes.set(id, colors);
      for (const [rank, [hue, weight]] of colors.entries())
        await db.query(
          database === 'mysql'
            ? 'INSERT INTO `album_palette` (`albumId`, `rank`, `hue`, `weight`) VALUES (?, ?, ?, ?)'
            : 'INSERT INTO "album_palette" ("albumId", "rank", "hue", "weight") VALUES (?, ?, ?, ?)',
          [id, rank, hue, weight],
        );
    }
  });
  afterAll(() => app.close());

  /** What the browse should list for `hue`: each artwork at its best colour in the window. */
  function expected(hue: number): HueHit[] {
    const near = (h: number) => Math.min(Math.abs(h - hue), 360 - Math.abs(h - hue)) <= 15;
    return [...palettes]
      .flatMap(([albumId, colors]) => {
        const weights = colors.filter(([h]) => near(h)).map(([, w]) => w);
        return weights.length ? [{ albumId, weight: Math.max(...weights) }] : [];
      })
      .sort((a, b) => b.weight - a.weight || (a.albumId < b.albumId ? 1 : -1));
  }

  async function allPages(hue: number, size: number): Promise<HueHit[]> {
    const seen: HueHit[] = [];
    let cursor: { weight: number; albumId: string } | null = null;
    for (;;) {
      const hits = await hueHits(db.manager, hue, size + 1, cursor);
      seen.push(...hits.slice(0, size));
      if (hits.length <= size) return seen;
      cursor = seen.at(-1)!;
    }
  }

  it.each([0, 3, 5, 9, 20, 350])(
    'lists every artwork near hue %i once, heaviest first, across pages',
    async (hue) => {
      const want = expected(hue);
      expect(want.length).toBeGreaterThan(5);
      for (const size of [1, 4, 25]) expect(await allPages(hue, size)).toEqual(want);
    },
  );

  it('finds nothing where no artwork has a colour', async () => {
    expect(await hueHits(db.manager, 120, 25, null)).toEqual([]);
  });
});
