import type { Artwork, Provenance, ProvenanceJwk } from '@gallery/contracts';
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { verifyProvenance } from '../src/common/provenance-signature';
import { canonicalJson } from '../src/common/canonical-json';
import { MediaStorage } from '../src/storage/media-storage';
import { StageEntity } from '../src/stages/stage.entity';
import { createArtwork, settled, uploadStages } from './support/artworks';
import { jpegFromKrita, png } from './support/images';
import { appModes } from './support/modes';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every leaf of the signed part of the record, with a copy of the record where it differs by one byte. */
function tamperedCopies(record: Provenance): [string, Record<string, unknown>][] {
  const copies: [string, Record<string, unknown>][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
      return;
    }
    if (path[0] === 'signedAt') return; // not covered by the manifest (see docs/api.md)
    const copy = structuredClone(record) as unknown as Record<string, unknown>;
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    const old = parent[last];
    if (typeof old === 'number') parent[last] = old + 1;
    else if (typeof old === 'string' && old.length) {
      const c = old.charCodeAt(old.length - 1);
      parent[last] = old.slice(0, -1) + String.fromCharCode(c === 65 ? 66 : 65);
    } else parent[last] = old === null ? 'x' : null;
    copies.push([path.join('.'), copy]);
  };
  walk(record, []);
  return copies;
}

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by UTF-16 code units and writes numbers as ECMAScript does', () => {
    // RFC 8785 §3.2.3 sorting example and §3.2.2.3 number forms.
    expect(
      canonicalJson({
        '\u20ac': 'Euro',
        '\r': 'CR',
        '\ufb33': 'Hebrew',
        '1': 'One',
        '\u{1f600}': 'Emoji',
        '\u0080': 'Control',
        '\u00f6': 'o',
      }),
    ).toBe(
      '{"\\r":"CR","1":"One","\u0080":"Control","\u00f6":"o","\u20ac":"Euro","\u{1f600}":"Emoji","\ufb33":"Hebrew"}',
    );
    expect(canonicalJson({ b: [1e21, 1e-7, -0, Number('333333333.33333329'), null, true], a: 'x' })).toBe(
      '{"a":"x","b":[1e+21,1e-7,0,333333333.3333333,null,true]}',
    );
  });
});

describe.each(appModes())('provenance — %s', (_name, options) => {
  let app: TestApp;
  let painter: TestClient;
  let viewer: TestClient;
  let keys: ProvenanceJwk[];
  let album: Artwork;
  let files: { body: Buffer; name: string }[];
  beforeAll(async () => {
    app = await TestApp.start(options);
    painter = app.client();
    await painter.register('provenant');
    viewer = app.client();
    files = [
      { body: await png(640, 480, '#c0392b'), name: 'sketch.png' },
      { body: await jpegFromKrita(), name: 'final.jpg' },
    ];
    album = await createArtwork(painter, 'Signed process');
    expect((await uploadStages(painter, album.id, files)).status).toBe(201);
    album = await settled(painter, album.id);
    keys = ((await viewer.get('/api/provenance/keys')).body as { keys: ProvenanceJwk[] }).keys;
  });
  afterAll(() => app.close());

  const record = async (c = viewer) => {
    const res = await c.get(`/api/albums/${album.id}/provenance`);
    expect(res.status).toBe(200);
    return res.body as Provenance;
  };

  it('lists every stage in order with facts taken from the uploaded bytes, and verifies with Node crypto alone', async () => {
    const r = await record();
    expect(r.albumId).toBe(album.id);
    expect(r.owner.username).toBe('provenant');
    expect(r.stages.map((s) => s.sha256)).toEqual(files.map((f) => sha256(f.body)));
    expect(r.stages.map((s) => [s.position, s.bytes, s.width, s.height])).toEqual([
      [0, files[0]!.body.length, 640, 480],
      [1, files[1]!.body.length, 640, 480],
    ]);
    expect(r.stages[0]).toMatchObject({ capturedAt: null, software: null });
    expect(r.stages[1]).toMatchObject({ capturedAt: '2024-03-05T14:22:10.000Z', software: 'Krita 5.2' });
    expect(r.publicKey).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(r.keyId).toBe(keys[0]!.kid);
    expect(r.keyId).toBe(
      createHash('sha256').update(Buffer.from(r.publicKey.x, 'base64url')).digest('hex').slice(0, 16),
    );
    expect(verifyProvenance(r as unknown as Record<string, unknown>, keys)).toEqual({
      ok: true,
      keyId: r.keyId,
    });
  });

  it('stores the original byte for byte: the SHA-256 of the stored object is the record’s', async () => {
    const r = await record();
    const storage = app.get(MediaStorage);
    for (const stage of r.stages) {
      const row = await app.get(DataSource).getRepository(StageEntity).findOneByOrFail({ id: stage.id });
      const { body } = await storage.get(row.originalKey);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      expect(sha256(Buffer.concat(chunks))).toBe(stage.sha256);
    }
  });

  it('breaks when any byte of any signed field changes', async () => {
    const r = await record();
    const copies = tamperedCopies(r);
    expect(copies.length).toBeGreaterThan(20);
    for (const [path, copy] of copies) {
      expect({ path, ok: verifyProvenance(copy, keys).ok }).toEqual({ path, ok: false });
    }
  });

  it('signs a new, valid record after a reorder', async () => {
    const before = await record();
    const ids = [...album.stages].reverse().map((s) => s.id);
    expect((await painter.put(`/api/albums/${album.id}/stages/order`, { stageIds: ids })).status).toBe(200);
    const after = await record();
    expect(after.stages.map((s) => s.id)).toEqual(ids);
    expect(after.manifestSha256).not.toBe(before.manifestSha256);
    expect(verifyProvenance(after as unknown as Record<string, unknown>, keys).ok).toBe(true);
    expect(verifyProvenance(before as unknown as Record<string, unknown>, keys).ok).toBe(true);
  });

  it('hides unlisted works from others (404) but not from their painter', async () => {
    const hidden = await createArtwork(painter, 'Private process', { visibility: 'unlisted' });
    expect((await viewer.get(`/api/albums/${hidden.id}/provenance`)).status).toBe(404);
    expect((await painter.get(`/api/albums/${hidden.id}/provenance`)).status).toBe(200);
    expect((await viewer.get('/api/albums/nope/provenance')).status).toBe(404);
  });
});

describe('provenance key rotation and the offline verifier', () => {
  const pem = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  };

  it('keeps old records verifiable after a rotation, and `npm run verify` names each file’s stage', async () => {
    const oldKey = pem();
    const newKey = pem();
    const image = await jpegFromKrita(320, 240);
    const sign = async (env: Record<string, string>) => {
      const app = await TestApp.start({ database: 'sqlite', env });
      try {
        const c = app.client();
        await c.register('rotator');
        const a = await createArtwork(c, 'Rotation');
        await uploadStages(c, a.id, [
          { body: image, name: 'a.jpg' },
          { body: await png(), name: 'b.png' },
        ]);
        await settled(c, a.id);
        const r = (await c.get(`/api/albums/${a.id}/provenance`)).body as Provenance;
        const set = (await c.get('/api/provenance/keys')).body as { keys: ProvenanceJwk[] };
        return { r, set };
      } finally {
        await app.close();
      }
    };
    const before = await sign({ PROVENANCE_PRIVATE_KEY: oldKey.privateKey });
    const after = await sign({
      PROVENANCE_PRIVATE_KEY: newKey.privateKey,
      PROVENANCE_OLD_PUBLIC_KEYS: oldKey.publicKey.replace(/\n/g, '\\n'),
    });
    expect(after.set.keys.map((k) => k.kid)).toEqual([after.r.keyId, before.r.keyId]);
    expect(after.r.keyId).not.toBe(before.r.keyId);
    expect(verifyProvenance(before.r as unknown as Record<string, unknown>, after.set.keys).ok).toBe(true);
    expect(verifyProvenance(after.r as unknown as Record<string, unknown>, after.set.keys).ok).toBe(true);
    // A key nobody published does not vouch for anything.
    expect(verifyProvenance(before.r as unknown as Record<string, unknown>, [after.set.keys[0]!]).ok).toBe(
      false,
    );

    const dir = mkdtempSync(join(tmpdir(), 'gallery-verify-'));
    writeFileSync(join(dir, 'record.json'), JSON.stringify(before.r));
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(after.set));
    writeFileSync(join(dir, 'final.jpg'), image);
    const tsx = join(__dirname, '../../node_modules/.bin/tsx');
    const cli = join(__dirname, '../src/cli/verify.ts');
    const out = execFileSync(tsx, [cli, 'record.json', 'keys.json', 'final.jpg'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: dir },
    });
    expect(out).toMatch(/^valid: .*2 stages, signed by key/m);
    expect(out).toMatch(/final\.jpg: stage 1 of 2 .*Krita 5\.2/);
    const tampered = {
      ...before.r,
      stages: before.r.stages.map((s, i) => (i ? s : { ...s, bytes: s.bytes + 1 })),
    };
    writeFileSync(join(dir, 'record.json'), JSON.stringify(tampered));
    expect(() =>
      execFileSync(tsx, [cli, 'record.json'], { cwd: dir, env: { ...process.env, INIT_CWD: dir } }),
    ).toThrow();
  });
});
