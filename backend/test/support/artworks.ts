import type { Artwork, Stage } from '@gallery/contracts';
import type { TestClient } from './test-client';

/** Creates an artwork and returns it. */
export async function createArtwork(
  c: TestClient,
  title = 'Harbour at dusk',
  extra: object = {},
): Promise<Artwork> {
  const res = await c.post('/api/albums', { title, ...extra });
  if (res.status !== 201) throw new Error(`create album: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Artwork;
}

/** Uploads files as stages; returns the raw response for status checks. */
export function uploadStages(c: TestClient, albumId: string, files: { body: Buffer; name: string }[]) {
  return c.upload('post', `/api/albums/${albumId}/stages`, 'files', files);
}

/** Polls the artwork until every stage is ready or failed (the pipeline runs in the background). */
export async function settled(c: TestClient, albumId: string, timeoutMs = 30_000): Promise<Artwork> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const album = (await c.get(`/api/albums/${albumId}`)).body as Artwork;
    if (album.stages.every((s: Stage) => s.status === 'ready' || s.status === 'failed')) return album;
    if (Date.now() > deadline) {
      throw new Error(`stages not settled: ${album.stages.map((s) => s.status).join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fetches a URL as bytes. */
export async function bytes(
  c: TestClient,
  url: string,
): Promise<{ status: number; body: Buffer; type: string }> {
  const res = await c
    .get(url)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return { status: res.status, body: res.body as Buffer, type: String(res.headers['content-type'] ?? '') };
}

/** Waits until a URL answers 404 (objects are deleted by a background job). */
export async function goneSoon(c: TestClient, url: string, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await c.get(url)).status === 404) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
