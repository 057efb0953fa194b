import sharp from 'sharp';
import { sleep } from '../chat-fanout/proc';
import { ApiClient } from './client';

export interface ReadData {
  artworkId: string;
  painter: string;
  viewerCookie: string;
}

/**
 * What a busy painter's page looks like: one artwork of 20 ready stages, 30 more public works by
 * three painters (explore, search, the painter's page), and a viewer who follows them (feed) and
 * has liked a few. Everything through the api, so rows, files and counters are real.
 */
export async function seed(base: string): Promise<ReadData> {
  const painters = ['harbour_painter', 'marina_v', 'ochre_studio'];
  const clients: ApiClient[] = [];
  for (const name of painters) {
    const c = new ApiClient(base);
    await c.request('POST', '/api/auth/register', { username: name, password: 'long enough pw' });
    clients.push(c);
  }
  const main = clients[0]!;
  const artwork = await main.request<{ id: string }>('POST', '/api/albums', {
    title: 'Harbour at dusk',
    description: 'From the first sketch to the final glaze, over six weeks.',
  });
  for (let batch = 0; batch < 5; batch++) await upload(main, artwork.id, batch * 4, 4);
  for (let i = 0; i < 30; i++) {
    const c = clients[i % clients.length]!;
    const a = await c.request<{ id: string }>('POST', '/api/albums', { title: `Harbour study ${i}` });
    await upload(c, a.id, 100 + i * 2, 2);
  }
  await waitReady(main, artwork.id, 20);
  const viewer = new ApiClient(base);
  await viewer.request('POST', '/api/auth/register', { username: 'reader_v', password: 'long enough pw' });
  for (const name of painters) await viewer.request('PUT', `/api/users/${name}/follow`);
  await viewer.request('PUT', `/api/albums/${artwork.id}/like`);
  return { artworkId: artwork.id, painter: painters[0]!, viewerCookie: viewer.cookieHeader };
}

async function upload(c: ApiClient, albumId: string, first: number, count: number): Promise<void> {
  const form = new FormData();
  for (let i = first; i < first + count; i++) {
    form.append(
      'files',
      new Blob([new Uint8Array(await png(320, 240, i))], { type: 'image/png' }),
      `stage-${i}.png`,
    );
  }
  await c.request('POST', `/api/albums/${albumId}/stages`, form);
}

async function waitReady(c: ApiClient, albumId: string, stages: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const a = await c.request<{ stages: { status: string }[] }>('GET', `/api/albums/${albumId}`);
    if (a.stages.length === stages && a.stages.every((s) => s.status === 'ready')) return;
    await sleep(500);
  }
  throw new Error('stages never became ready');
}

/** A distinct PNG per seed (uploads dedupe by SHA-256), made by sharp. */
function png(width: number, height: number, seed: number): Promise<Buffer> {
  const background = { r: (seed * 37) & 255, g: (seed * 11 + 90) & 255, b: (seed * 5 + 60) & 255 };
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}
