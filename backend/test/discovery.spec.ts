import type { Artwork, ArtworkCard, Page, SearchResult } from '@gallery/contracts';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

describe.each(appModes())('discovery — %s', (_name, options) => {
  let app: TestApp;
  let anna: TestClient;
  let viewer: TestClient;
  const ids: Record<string, string> = {};

  /** An artwork with one ready stage of the given colour (so it has a cover and a palette). */
  async function artwork(c: TestClient, title: string, color: string, extra: object = {}): Promise<Artwork> {
    const album = await createArtwork(c, title, extra);
    await uploadStages(c, album.id, [{ body: await png(200, 150, color), name: `${title}.png` }]);
    return settled(c, album.id);
  }

  const search = async (q: string) =>
    (await viewer.get(`/api/search?q=${encodeURIComponent(q)}`)).body as SearchResult;
  const explore = async (query: string) =>
    (await viewer.get(`/api/albums?${query}`)).body as Page<ArtworkCard>;

  beforeAll(async () => {
    app = await TestApp.start(options);
    anna = app.client();
    await anna.register('anna', 'correct horse', 'Anna Ancher');
    for (const [u, d] of [
      ['annabelle', 'Belle'],
      ['joanna_k', 'Jo Anna'],
      ['zoe_p', 'Zoë Pelletier'],
    ])
      await app.client().register(u!, 'correct horse', d);
    viewer = app.client();
    await viewer.register('viewer');
    ids.cafe = (await artwork(anna, 'Café at Night', '#e2a400', { description: 'Terrace, gaslight' })).id;
    ids.red = (await artwork(anna, 'Crimson study', '#d01010')).id;
    ids.blue = (await artwork(anna, 'Blue harbour', '#1040d0')).id;
    ids.hidden = (await artwork(anna, 'Hidden harbour', '#1040d0', { visibility: 'unlisted' })).id;
    const staged = await artwork(anna, 'Portrait', '#808080');
    await anna.patch(`/api/albums/${staged.id}/stages/${staged.stages[0]!.id}`, {
      title: 'Underpainting in umber',
    });
    ids.portrait = staged.id;
  });
  afterAll(() => app.close());

  describe('search', () => {
    it('finds painters: exact username first, then usernames starting with it, then name words', async () => {
      expect((await search('anna')).users.map((u) => u.username)).toEqual(['anna', 'annabelle', 'joanna_k']);
    });

    it('ignores case and accents both ways', async () => {
      for (const q of ['CAFE', 'café', 'cafe night', 'Cafe'])
        expect((await search(q)).albums.map((a) => a.id)).toEqual([ids.cafe]);
      expect((await search('zoe')).users.map((u) => u.username)).toEqual(['zoe_p']);
    });

    it('finds artworks by description and by stage titles, and by a 2-letter prefix', async () => {
      expect((await search('gaslight')).albums.map((a) => a.id)).toEqual([ids.cafe]);
      expect((await search('underpaint')).albums.map((a) => a.id)).toEqual([ids.portrait]);
      expect((await search('cr')).albums.map((a) => a.id)).toContain(ids.red);
    });

    it('carries the cover thumbnail and placeholder with each artwork', async () => {
      const [card] = (await search('crimson')).albums;
      expect(card!.cover).toMatchObject({
        thumbUrl: expect.stringMatching(/\.webp$/),
        placeholder: expect.any(String),
      });
      expect(card!.owner.username).toBe('anna');
    });

    it('never finds unlisted or deleted artworks', async () => {
      expect((await search('harbour')).albums.map((a) => a.id)).toEqual([ids.blue]);
      const gone = await artwork(anna, 'Vanishing point', '#20a020');
      expect((await search('vanishing')).albums).toHaveLength(1);
      await anna.delete(`/api/albums/${gone.id}`);
      expect((await search('vanishing')).albums).toEqual([]);
    });

    it('treats quotes, SQL and FULLTEXT operators as plain text', async () => {
      for (const q of [`cafe' OR 1=1 --`, '"cafe"', '+cafe -night', 'cafe*', '(cafe)', 'café~ @night']) {
        const res = await viewer.get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        for (const a of (res.body as SearchResult).albums) expect(a.title).toBe('Café at Night');
      }
      expect(await search('+-*"()~@')).toEqual({ albums: [], users: [] });
    });

    it('refuses an empty, missing or 101-character q with 400', async () => {
      for (const url of ['/api/search?q=', '/api/search', `/api/search?q=${'a'.repeat(101)}`]) {
        const res = await viewer.get(url);
        expect(res.status).toBe(400);
        expect(res.body.message).toEqual(expect.arrayContaining(['q must be 1 to 100 characters']));
      }
      expect((await viewer.get(`/api/search?q=${'a'.repeat(100)}`)).status).toBe(200);
    });

    it('ranks more-liked artworks first when the match is as good', async () => {
      const a = await artwork(anna, 'Lighthouse one', '#303030');
      const b = await artwork(anna, 'Lighthouse two', '#303030');
      await viewer.put(`/api/albums/${a.id}/like`);
      expect((await search('lighthouse')).albums.map((x) => x.id)).toEqual([a.id, b.id]);
    });

    it('puts the best match first even when far more works match than one answer holds', async () => {
      // MySQL reads only the first matches InnoDB hands over (no ORDER BY): this pins that they
      // come best first. The best one is the newest, so an order by row would leave it out.
      for (let i = 0; i < 70; i++) await createArtwork(anna, `Quay study ${i}`, { description: 'Boats.' });
      const best = await createArtwork(anna, 'Quay, quay, quay', { description: 'The quay at dawn.' });
      const found = (await search('quay')).albums.map((x) => x.id);
      expect(found).toHaveLength(20);
      expect(found[0]).toBe(best.id);
      // A frequent word's answer follows visibility changes, deletes and the other words of the query.
      const quay = async (q = 'quay') => (await search(q)).albums.map((x) => x.id);
      const hidden = found.slice(1, 6);
      for (const id of hidden)
        expect((await anna.patch(`/api/albums/${id}`, { visibility: 'unlisted' })).status).toBe(200);
      let now = await quay();
      expect(now).toHaveLength(20);
      expect(now[0]).toBe(best.id);
      for (const id of hidden) expect(now).not.toContain(id);
      await anna.patch(`/api/albums/${hidden[0]}`, { visibility: 'public' });
      expect(await quay()).toContain(hidden[0]);
      expect(await quay('quay dawn')).toEqual([best.id]);
      expect(await quay('boats qua')).not.toContain(best.id);
      expect(await quay('boats qua')).toHaveLength(20);
      expect((await quay('qua'))[0]).toBe(best.id);
      await anna.delete(`/api/albums/${best.id}`);
      now = await quay();
      expect(now).toHaveLength(20);
      expect(now).not.toContain(best.id);
      expect(await quay('quay dawn')).toEqual([]);
    });
  });

  describe('explore', () => {
    it('lists public works with a cover, newest first, without duplicates or gaps while new ones arrive', async () => {
      const first = await explore('sort=recent&limit=2');
      expect(first.items).toHaveLength(2);
      const all = (await explore('sort=recent&limit=100')).items.map((a) => a.id);
      expect(all).not.toContain(ids.hidden);
      const fresh = await artwork(anna, 'Arrived between pages', '#aa5500');
      const seen = first.items.map((a) => a.id);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await explore(`sort=recent&limit=2&cursor=${cursor}`);
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(all);
      expect((await explore('limit=1')).items[0]!.id).toBe(fresh.id);
    });

    it('ranks popular works by likes weighted by age', async () => {
      await viewer.put(`/api/albums/${ids.red}/like`);
      await anna.put(`/api/albums/${ids.red}/like`);
      const popular = (await explore('sort=popular&limit=100')).items.map((a) => a.id);
      expect(popular.indexOf(ids.red!)).toBeLessThan(popular.indexOf(ids.blue!));
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<ArtworkCard> = await explore(
          `sort=popular&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        pages.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toEqual(popular);
    });

    it('filters by hue within ±15°, around the circle too, and leaves other colours out', async () => {
      const near = async (hue: number) => (await explore(`hue=${hue}&limit=100`)).items.map((a) => a.id);
      expect(await near(0)).toContain(ids.red);
      expect(await near(355)).toContain(ids.red);
      expect(await near(0)).not.toContain(ids.blue);
      expect(await near(228)).toContain(ids.blue);
      expect(await near(228)).not.toContain(ids.red);
      expect(await near(228)).not.toContain(ids.hidden);
      expect(await near(120)).not.toContain(ids.red);
    });

    it.each([
      ['sort=best', 'sort must be recent or popular'],
      ['hue=360', 'hue must be a whole number from 0 to 359'],
      ['hue=red', 'hue must be a whole number from 0 to 359'],
      ['limit=101', 'limit must not be greater than 100'],
      ['cursor=garbage', 'cursor is not valid; pass nextCursor from the previous page'],
    ])('refuses %s with 400', async (query, message) => {
      const res = await viewer.get(`/api/albums?${query}`);
      expect(res.status).toBe(400);
      expect([res.body.message].flat()).toContain(message);
    });
  });

  describe('likes and favourites', () => {
    it('counts 50 concurrent likes from 50 people exactly', async () => {
      const album = await createArtwork(anna, 'Crowd pleaser');
      const fans = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const c = app.client();
          await c.register(`fan_${i}`);
          return c;
        }),
      );
      const results = await Promise.all(fans.map((c) => c.put(`/api/albums/${album.id}/like`)));
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(((await viewer.get(`/api/albums/${album.id}`)).body as Artwork).likeCount).toBe(50);
    }, 60_000);

    it('is idempotent: repeated likes count once, unlike twice is still zero', async () => {
      const album = await createArtwork(anna, 'Once');
      for (let i = 0; i < 3; i++)
        expect((await viewer.put(`/api/albums/${album.id}/like`)).body).toEqual({
          likeCount: 1,
          likedByMe: true,
        });
      expect(((await viewer.get(`/api/albums/${album.id}`)).body as Artwork).likedByMe).toBe(true);
      expect(((await anna.get(`/api/albums/${album.id}`)).body as Artwork).likedByMe).toBe(false);
      for (let i = 0; i < 2; i++)
        expect((await viewer.delete(`/api/albums/${album.id}/like`)).body).toEqual({
          likeCount: 0,
          likedByMe: false,
        });
    });

    it('keeps my favourites, newest first, and drops works their painter hid', async () => {
      const a = await artwork(anna, 'Fav one', '#113355');
      const b = await artwork(anna, 'Fav two', '#553311');
      expect((await viewer.put(`/api/albums/${a.id}/favorite`)).body).toEqual({
        favoriteCount: 1,
        favoritedByMe: true,
      });
      await viewer.put(`/api/albums/${b.id}/favorite`);
      await viewer.put(`/api/albums/${b.id}/favorite`);
      const mine = async () =>
        ((await viewer.get('/api/users/me/favorites')).body as Page<ArtworkCard>).items.map((x) => x.id);
      expect(await mine()).toEqual([b.id, a.id]);
      await anna.patch(`/api/albums/${b.id}`, { visibility: 'unlisted' });
      expect(await mine()).toEqual([a.id]);
      expect((await viewer.delete(`/api/albums/${a.id}/favorite`)).body).toEqual({
        favoriteCount: 0,
        favoritedByMe: false,
      });
      expect(await mine()).toEqual([]);
    });

    it("marks cards with the viewer's own like and favourite, everywhere cards are listed", async () => {
      const album = await artwork(anna, 'Marked moor', '#30a060');
      await viewer.put(`/api/albums/${album.id}/like`);
      await viewer.put(`/api/albums/${album.id}/favorite`);
      const card = async (c: TestClient, path: string) =>
        ((await c.get(path)).body as Page<ArtworkCard>).items.find((a) => a.id === album.id);
      const lists = ['/api/albums?limit=100', '/api/albums?sort=popular&limit=100', '/api/users/anna/albums'];
      for (const path of lists) {
        expect(await card(viewer, path)).toMatchObject({ likedByMe: true, favoritedByMe: true });
        expect(await card(anna, path)).toMatchObject({ likedByMe: false, favoritedByMe: false });
        expect(await card(app.client(), path)).toMatchObject({ likedByMe: false, favoritedByMe: false });
      }
      expect(await card(viewer, '/api/users/me/favorites')).toMatchObject({ likedByMe: true });
      const found = (await search('marked moor')).albums[0];
      expect(found).toMatchObject({ id: album.id, likedByMe: true, favoritedByMe: true });
      await viewer.delete(`/api/albums/${album.id}/like`);
      expect(await card(viewer, lists[0]!)).toMatchObject({ likedByMe: false, favoritedByMe: true });
    });

    it('answers 404 for an unlisted work of someone else and 401 when signed out', async () => {
      expect((await viewer.put(`/api/albums/${ids.hidden}/like`)).status).toBe(404);
      expect((await viewer.put(`/api/albums/${ids.hidden}/favorite`)).status).toBe(404);
      expect((await app.client().put(`/api/albums/${ids.red}/like`)).status).toBe(401);
      expect((await app.client().get('/api/users/me/favorites')).status).toBe(401);
    });
  });

  describe('follows and feed', () => {
    it('follows a painter: counts on both profiles, the feed has their works by latest activity', async () => {
      const painter = app.client();
      await painter.register('hopper');
      const older = await artwork(painter, 'Nighthawks', '#204060');
      const newer = await artwork(painter, 'Automat', '#604020');
      const reader = app.client();
      await reader.register('reader');
      expect((await reader.put('/api/users/hopper/follow')).body).toEqual({
        followerCount: 1,
        followedByMe: true,
      });
      expect((await reader.put('/api/users/HOPPER/follow')).body).toEqual({
        followerCount: 1,
        followedByMe: true,
      });
      expect((await reader.get('/api/users/hopper')).body).toMatchObject({
        followerCount: 1,
        followedByMe: true,
        albumCount: 2,
      });
      expect((await reader.get('/api/users/reader')).body).toMatchObject({ followingCount: 1 });
      const feed = async () =>
        ((await reader.get('/api/feed')).body as Page<ArtworkCard>).items.map((a) => a.id);
      expect(await feed()).toEqual([newer.id, older.id]);
      // A new stage bumps the older work to the top.
      await uploadStages(painter, older.id, [{ body: await png(120, 90, '#999900'), name: 'more.png' }]);
      expect(await feed()).toEqual([older.id, newer.id]);
      expect((await reader.delete('/api/users/hopper/follow')).body).toEqual({
        followerCount: 0,
        followedByMe: false,
      });
      expect(await feed()).toEqual([]);
    });

    it('refuses following yourself (400) and an unknown painter (404)', async () => {
      const res = await anna.put('/api/users/anna/follow');
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('you cannot follow yourself');
      expect((await anna.put('/api/users/nobody_at_all/follow')).status).toBe(404);
    });
  });
});
