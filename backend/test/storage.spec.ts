import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { LocalDiskStorage } from '../src/storage/local-disk.storage';
import { InvalidMediaKeyError } from '../src/storage/media-key';
import { MediaNotFoundError, type MediaStorage } from '../src/storage/media-storage';
import { S3Storage, type S3StorageConfig } from '../src/storage/s3.storage';
import { startS3rver, type TestS3 } from './support/s3rver';

const MB = 1024 * 1024;

/** One adapter under test, with whatever it needs torn down afterwards. */
interface Harness {
  storage: MediaStorage;
  /** Every file the adapter left on disk (local only): shows temp files do not linger. */
  files?: () => Promise<string[]>;
  stop(): Promise<void>;
}

async function localDisk(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'gallery-media-'));
  return {
    storage: new LocalDiskStorage(dir),
    files: async () =>
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => e.name),
    stop: () => rm(dir, { recursive: true, force: true }),
  };
}

function s3Config(s3: TestS3): S3StorageConfig {
  return {
    kind: 's3',
    bucket: s3.bucket,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    publicUrl: null,
    checksum: 'when_required',
  };
}

async function s3(): Promise<Harness> {
  const server = await startS3rver();
  const storage = new S3Storage(s3Config(server));
  return {
    storage,
    async stop() {
      storage.onModuleDestroy();
      await server.stop();
    },
  };
}

/** Random bytes in chunks of 64 KiB, hashed as they are produced, like a multipart upload arriving. */
function randomStream(bytes: number, failAfter?: number): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (failAfter !== undefined && sent >= failAfter) {
        this.destroy(new Error('client went away'));
        return;
      }
      if (sent >= bytes) {
        this.push(null);
        return;
      }
      const chunk = randomBytes(Math.min(64 * 1024, bytes - sent));
      sent += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function sha256Of(body: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Uint8Array);
    size += (chunk as Uint8Array).length;
  }
  return { sha256: hash.digest('hex'), size };
}

describe.each([
  ['local disk', localDisk],
  ['S3 (s3rver)', s3],
])('MediaStorage on %s', (_name, start) => {
  let harness: Harness;
  let storage: MediaStorage;

  beforeAll(async () => {
    harness = await start();
    storage = harness.storage;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('round-trips a Buffer with its content type and size', async () => {
    const bytes = randomBytes(3000);
    await storage.put('stages/a1/thumb.webp', bytes, 'image/webp');

    const object = await storage.get('stages/a1/thumb.webp');

    expect(object.contentType).toBe('image/webp');
    expect(object.size).toBe(3000);
    expect((await readAll(object.body)).equals(bytes)).toBe(true);
  });

  it('round-trips a small stream (shorter than one upload part)', async () => {
    const { stream, sha256 } = randomStream(100 * 1024);
    await storage.put('stages/a1/small.png', stream, 'image/png');

    const object = await storage.get('stages/a1/small.png');

    expect(object.contentType).toBe('image/png');
    expect(await sha256Of(object.body)).toEqual({ sha256: sha256(), size: 100 * 1024 });
  });

  it('round-trips a streamed 20 MB body byte for byte', async () => {
    const { stream, sha256 } = randomStream(20 * MB);
    await storage.put('originals/big.jpg', stream, 'image/jpeg');

    const object = await storage.get('originals/big.jpg');

    expect(object.size).toBe(20 * MB);
    expect(await sha256Of(object.body)).toEqual({ sha256: sha256(), size: 20 * MB });
  });

  it('keeps nothing at the key when the body stream fails midway', async () => {
    // 9 MB gets past the first 8 MB part, so S3 has a multipart upload to abort.
    const { stream } = randomStream(20 * MB, 9 * MB);

    await expect(storage.put('originals/broken.jpg', stream, 'image/jpeg')).rejects.toThrow(
      'client went away',
    );

    await expect(storage.get('originals/broken.jpg')).rejects.toBeInstanceOf(MediaNotFoundError);
    if (harness.files) expect((await harness.files()).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('reports a missing key as MediaNotFoundError', async () => {
    await expect(storage.get('stages/none/thumb.webp')).rejects.toEqual(
      new MediaNotFoundError('stages/none/thumb.webp'),
    );
  });

  it('reports a key that is only a prefix of other keys as MediaNotFoundError', async () => {
    await storage.put('prefix/inner.webp', Buffer.from('x'), 'image/webp');

    await expect(storage.get('prefix')).rejects.toBeInstanceOf(MediaNotFoundError);
  });

  it('deletes, after which get reports MediaNotFoundError', async () => {
    await storage.put('avatars/gone.webp', Buffer.from('bye'), 'image/webp');

    await storage.delete('avatars/gone.webp');

    await expect(storage.get('avatars/gone.webp')).rejects.toBeInstanceOf(MediaNotFoundError);
  });

  it('deletes a missing key without error', async () => {
    await expect(storage.delete('avatars/never-was.webp')).resolves.toBeUndefined();
  });

  it('replaces an object on overwrite', async () => {
    await storage.put('avatars/me.webp', Buffer.from('first version'), 'image/webp');
    await storage.put('avatars/me.webp', Buffer.from('second'), 'image/webp');

    const object = await storage.get('avatars/me.webp');

    expect(object.size).toBe(6);
    expect((await readAll(object.body)).toString()).toBe('second');
  });

  it('deletes every key under a prefix, and nothing beside it', async () => {
    // Fewer than one S3 list page (1000 keys): s3rver cannot truncate a listing on Node 20 (its
    // continuation tokens use a cipher OpenSSL 3 dropped); the adapter never needs a token anyway.
    const keys = Array.from({ length: 300 }, (_, i) => `tiles/p1/t_files/${i % 7}/${i}_0.webp`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((k) => storage.put(k, Buffer.from('t'), 'image/webp')));
    }
    await storage.put('tiles/p1/t.dzi', Buffer.from('<Image/>'), 'application/xml');
    await storage.put('tiles/p1/t_filesx/0/0_0.webp', Buffer.from('n'), 'image/webp');

    await storage.deletePrefix('tiles/p1/t_files/');

    for (const key of [keys[0]!, keys[299]!, keys[150]!]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(MediaNotFoundError);
    }
    expect((await storage.get('tiles/p1/t.dzi')).size).toBe(8);
    expect((await storage.get('tiles/p1/t_filesx/0/0_0.webp')).size).toBe(1);
    await expect(storage.deletePrefix('tiles/p1/t_files/')).resolves.toBeUndefined();
  }, 60_000);

  it.each([
    ['no trailing slash', 'tiles/p1'],
    ['an empty prefix', ''],
    ['the root', '/'],
    ['a parent segment', 'tiles/../'],
  ])('refuses to delete a prefix with %s', async (_label, prefix) => {
    await expect(storage.deletePrefix(prefix)).rejects.toBeInstanceOf(InvalidMediaKeyError);
  });

  it.each([
    ['an empty key', ''],
    ['an absolute key', '/etc/passwd'],
    ['a parent segment', 'stages/../../etc/passwd'],
    ['dots inside a name', 'a..b.webp'],
    ['a backslash', 'stages\\x.webp'],
    ['an empty segment', 'stages//x.webp'],
    ['a trailing slash', 'stages/'],
    ['a hidden segment', 'stages/.x.webp'],
    ['a NUL byte', 'x\u0000.webp'],
  ])('rejects %s in every operation', async (_label, key) => {
    await expect(storage.put(key, Buffer.from('x'), 'image/webp')).rejects.toBeInstanceOf(
      InvalidMediaKeyError,
    );
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidMediaKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidMediaKeyError);
    expect(() => storage.url(key)).toThrow(InvalidMediaKeyError);
  });

  it('passes check()', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
  });

  it('gives a same-origin url served by the media route', () => {
    expect(storage.url('stages/a1/thumb.webp')).toBe('/api/media/stages/a1/thumb.webp');
  });
});

describe('S3Storage against a missing bucket or a public URL', () => {
  let server: TestS3;

  beforeAll(async () => {
    server = await startS3rver();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('fails check() when the bucket does not exist', async () => {
    const storage = new S3Storage({ ...s3Config(server), bucket: 'no-such-bucket' });
    try {
      await expect(storage.check()).rejects.toThrow();
    } finally {
      storage.onModuleDestroy();
    }
  });

  it('gives the public URL when one is configured', () => {
    const storage = new S3Storage({ ...s3Config(server), publicUrl: 'https://cdn.example.com/media' });
    try {
      expect(storage.url('stages/a1/thumb.webp')).toBe('https://cdn.example.com/media/stages/a1/thumb.webp');
    } finally {
      storage.onModuleDestroy();
    }
  });
});
