import type { Artwork, Message, Conversation, Me } from '@gallery/contracts';
import sharp from 'sharp';
import { bytes, createArtwork, settled, uploadStages } from './support/artworks';
import { jpegWithGps, png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/** Make, Artist and GPS, as a phone (or a painter's camera) writes them. */
function jpegWithExif(width = 900, height = 700): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#7d3c98' } })
    .withExif({
      IFD0: { Make: 'X', Artist: 'Y' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .jpeg()
    .toBuffer();
}

/** Fails unless the image a viewer can fetch carries no EXIF, XMP or IPTC. */
async function expectNoMetadata(c: TestClient, url: string): Promise<sharp.Metadata> {
  const res = await bytes(c, url);
  expect(res.status).toBe(200);
  const meta = await sharp(res.body).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  return meta;
}

describe.each(appModes())('privacy of uploaded images — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let stranger: TestClient;
  let album: Artwork;
  let original: Buffer;

  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('vermeer');
    stranger = app.client();
    await stranger.register('stranger');
    album = await createArtwork(painter, 'View of Delft');
    original = await jpegWithExif();
    expect((await uploadStages(painter, album.id, [{ body: original, name: 'delft.jpg' }])).status).toBe(201);
    album = await settled(painter, album.id);
    expect(album.stages[0]!.status).toBe('ready');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('never serves an original through the media route, signed out, signed in, or as its owner', async () => {
    const thumbUrl = album.stages[0]!.image!.thumbUrl;
    const guessed = thumbUrl.replace('/thumbs/', '/originals/').replace(/\.webp$/, '.jpg');
    expect(guessed).toContain('/originals/');
    for (const c of [app.client(), stranger, painter]) {
      const res = await c.get(guessed);
      expect(res.status).toBe(404);
      expect(res.headers['cache-control'] ?? '').not.toMatch(/public/);
    }
    // The same answer as for a key that holds nothing.
    const absent = await app.client().get('/api/media/originals/nothing/here.jpg');
    expect(absent.status).toBe(404);
  });

  it('lets the owner, and only the owner, download the original, privately', async () => {
    const stage = album.stages[0]!;
    const path = `/api/albums/${album.id}/stages/${stage.id}/original`;
    expect((await app.client().get(path)).status).toBe(401);
    expect([403, 404]).toContain((await stranger.get(path)).status);

    const direct = await painter.get(path).redirects(0);
    if (options.s3) {
      expect(direct.status).toBe(302);
      const location = String(direct.headers.location);
      expect(location).toMatch(/X-Amz-Signature=/);
      expect(location).toMatch(/X-Amz-Expires=\d+/);
      expect(Number(/X-Amz-Expires=(\d+)/.exec(location)![1])).toBeLessThanOrEqual(900);
      expect(direct.headers['cache-control']).toBe('private, no-store');
    } else {
      expect(direct.status).toBe(200);
      expect(direct.headers['cache-control']).toBe('private, no-store');
      expect(direct.headers['content-type']).toBe('image/jpeg');
    }
    let body: Buffer;
    if (options.s3) {
      const signed = await fetch(String(direct.headers.location));
      expect(signed.status).toBe(200);
      expect(signed.headers.get('cache-control')).toBe('private, no-store');
      body = Buffer.from(await signed.arrayBuffer());
      // (s3rver answers unsigned reads too, so that the bucket refuses them is not testable here.)
    } else {
      body = (await bytes(painter, path)).body;
    }
    expect(Buffer.compare(body, original)).toBe(0);
  });

  it('never hands out a URL for an original anywhere in the api', async () => {
    const answers = [
      await painter.get(`/api/albums/${album.id}`),
      await app.client().get(`/api/albums/${album.id}`),
      await app.client().get('/api/albums'),
    ];
    for (const res of answers) expect(JSON.stringify(res.body)).not.toContain('originals/');
  });

  it('strips EXIF, XMP and IPTC from previews and thumbnails', async () => {
    const image = album.stages[0]!.image!;
    await expectNoMetadata(app.client(), image.previewUrl);
    await expectNoMetadata(app.client(), image.thumbUrl);
  });

  it('strips EXIF, XMP and IPTC from avatars', async () => {
    const res = await painter.upload('put', '/api/users/me/avatar', 'file', [
      { body: await jpegWithGps(), name: 'me.jpg' },
    ]);
    expect(res.status).toBe(200);
    await expectNoMetadata(app.client(), (res.body as Me).avatarUrl!);
  });

  it('keeps a chat photo a JPEG at its size, and a PNG a PNG, with metadata stripped from both and their thumbnails', async () => {
    const id = ((await painter.post('/api/chat/direct', { username: 'stranger' })).body as Conversation).id;
    const photo = await painter.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
      { body: await jpegWithExif(2400, 1800), name: 'studio.jpeg' },
    ]);
    expect(photo.status).toBe(201);
    const jpeg = (photo.body as Message).attachment!;
    expect(jpeg).toMatchObject({ mime: 'image/jpeg', width: 2400, height: 1800 });
    expect(jpeg.name).toMatch(/\.jpe?g$/);
    const meta = await expectNoMetadata(stranger, jpeg.url);
    expect(meta).toMatchObject({ format: 'jpeg', width: 2400, height: 1800 });
    await expectNoMetadata(stranger, jpeg.thumbUrl!);

    const drawing = await painter.upload('post', `/api/chat/conversations/${id}/attachments`, 'file', [
      { body: await png(640, 480), name: 'sketch.png' },
    ]);
    expect(drawing.status).toBe(201);
    const pngAttachment = (drawing.body as Message).attachment!;
    expect(pngAttachment).toMatchObject({ mime: 'image/png', name: 'sketch.png', width: 640, height: 480 });
    expect((await expectNoMetadata(stranger, pngAttachment.url)).format).toBe('png');
  });
});
