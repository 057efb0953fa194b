/**
 * `npm run bench -- scale`: the production layout scaled out on one machine — two apis and two
 * workers on MariaDB, a private Redis and s3rver — under uploads and chat through both apis, with
 * a worker, Redis and one api SIGKILLed in turn mid-load; then 1, 2, 3 apis for read throughput and
 * chat fan-out; then the per-unit figures of the capacity plan (docs/scaling.md).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeImages } from '../pipeline/images';
import { inLanes } from '../pipeline/pool';
import { sleep } from '../pipeline/proc';
import { measureCapacity, type Capacity } from './capacity';
import { ChatLoad, ChatUser } from './chat';
import { Balancer, Cluster } from './cluster';
import { loadSettings } from './config';
import { withUserStats } from './counters';
import { FAULTS, runFault, type FaultContext, type FaultRow } from './faults';
import { paintJpeg } from './images';
import { printCapacity, printFaults, printScale } from './report';
import { measureInstances, type ScaleRow } from './scaleout';
import { User } from './user';

export async function main(): Promise<void> {
  const settings = loadSettings();
  const cluster = await Cluster.start(settings.databaseUrl, {
    STAGE_RECOVERY_SECONDS: String(settings.stageRecoverySeconds),
  });
  process.once('SIGINT', () => void cluster.stop().finally(() => process.exit(130)));
  const db = await cluster.db();
  let restoreUserStats: (() => Promise<void>) | null = null;
  const chatRef: { load: ChatLoad | null } = { load: null };
  const setChat = (load: ChatLoad | null): void => void (chatRef.load = load);
  try {
    console.log(`scale: logs of every process in ${cluster.logDir}, database ${settings.databaseUrl}`);
    await cluster.startApi();
    await cluster.startApi();
    await cluster.startWorker();
    await cluster.startWorker();
    const balancer = new Balancer(cluster);
    let address = 0;
    const person = (name: string): User => {
      const n = address++;
      return new User(name, () => balancer.url(name), `10.88.${n >> 8}.${n & 255}`);
    };
    const home = (name: string, i: number): void =>
      balancer.assign(name, cluster.apis[i % cluster.apis.length]!.name);

    const images = await Promise.all(
      Array.from({ length: 12 }, (_, i) => paintJpeg(settings.imageWidth, settings.imageHeight, i + 1)),
    );
    console.log(
      `  ${images.length} base images of ${settings.imageWidth}×${settings.imageHeight} (~${Math.round(images[0]!.length / 1024)} KiB)`,
    );

    // Painters: their load artworks are unlisted, so no process film is re-rendered per upload
    // (a real painter adds a stage now and then, not one every two seconds).
    const painters = await inLanes(
      Array.from({ length: settings.painters }, (_, i) => i),
      2,
      async (i) => {
        const user = person(`painter_${i}`);
        home(user.username, i);
        await user.register();
        const album = await user.request<{ id: string }>('POST', '/api/albums', {
          title: `Scale study ${i}`,
          visibility: 'unlisted',
        });
        return { user, albumId: album.id };
      },
    );
    const people = await inLanes(
      Array.from({ length: settings.people }, (_, i) => i),
      2,
      async (i) => {
        const user = person(`chatter_${i}`);
        home(user.username, i);
        await user.register();
        return new ChatUser(
          i,
          user,
          (url) => balancer.nameOf(url),
          ChatLoad.receiver(() => chatRef.load),
        );
      },
    );
    for (const p of people) await p.connect();
    // One sender homed on each api, so every message has an audience on the other instance.
    const senders = [people[0]!, people[1]!];

    // The artwork the read step asks for: 12 ready stages, public.
    const reader = painters[0]!;
    const artwork = await reader.user.request<{ id: string }>('POST', '/api/albums', {
      title: 'Harbour at dusk',
    });
    for (let i = 0; i < 3; i++) {
      const form = new FormData();
      for (let j = 0; j < 4; j++)
        form.append(
          'files',
          new Blob([new Uint8Array(images[i * 4 + j]!)], { type: 'image/jpeg' }),
          `s${i}${j}.jpg`,
        );
      await reader.user.request('POST', `/api/albums/${artwork.id}/stages`, form);
    }
    await waitReady(db, artwork.id, 12);
    console.log(
      `  2 apis, 2 workers, ${painters.length} painters, ${people.length} people in the chat; faults:`,
    );

    const ctx: FaultContext = { cluster, settings, db, painters, people, senders, images, setChat };
    const faultRows: FaultRow[] = [];
    for (const { phase, fault } of FAULTS) {
      faultRows.push(await runFault(ctx, phase, fault));
      printFaults(faultRows.slice(-1));
    }
    for (const p of people) p.close();

    // Scale-out: people for the fan-out, registered once (their sessions live in Redis).
    console.log(`\n  registering ${settings.fanoutSockets} people for the fan-out…`);
    const crowd = await inLanes(
      Array.from({ length: settings.fanoutSockets }, (_, i) => i),
      4,
      async (i) => {
        const user = person(`crowd_${i}`);
        await user.register();
        return user;
      },
    );
    const scaleRows: ScaleRow[] = [];
    for (const n of settings.instances) {
      console.log(`  ${n} api(s)…`);
      scaleRows.push(await measureInstances(cluster, settings, n, artwork.id, crowd, balancer));
    }

    // Per-unit figures, in the two-api layout.
    await cluster.stopApis();
    await cluster.startApi();
    await cluster.startApi();
    restoreUserStats = await withUserStats(db);
    const room = people.map(
      (p, i) =>
        new ChatUser(
          i,
          p.user,
          (url) => balancer.nameOf(url),
          ChatLoad.receiver(() => chatRef.load),
        ),
    );
    for (const [i, p] of room.entries()) {
      home(p.user.username, i);
      await p.connect();
    }
    const photoDir = await mkdtemp(join(tmpdir(), 'gallery-scale-photos-'));
    cluster.cleanup.defer('remove photos', () => rm(photoDir, { recursive: true, force: true }));
    const photos = await makeImages(photoDir, settings.photos, 2);
    const film = await reader.user.request<{ id: string }>('POST', '/api/albums', {
      title: 'Capacity sample',
    });
    const schema = new URL(settings.databaseUrl).pathname.slice(1);
    const capacity: Capacity = await measureCapacity(
      cluster,
      db,
      schema,
      room,
      setChat,
      settings.chatSample,
      { user: reader.user, albumId: film.id },
      photos,
    );
    for (const p of room) p.close();

    console.log(`\n=== scale-out on this machine (${new Date().toISOString().slice(0, 10)}) ===`);
    console.log(
      `faults: 2 apis + 2 workers; ${settings.painters} painters × 1 upload/${settings.uploadPeriodMs / 1000} s (${settings.imageWidth}×${settings.imageHeight}); ` +
        `${settings.people} sockets, 2 senders × ${1000 / settings.chatPeriodMs} msg/s; fault after ${settings.beforeFaultMs / 1000} s, load ${settings.afterFaultMs / 1000} s more; STAGE_RECOVERY_SECONDS=${settings.stageRecoverySeconds}`,
    );
    printFaults(faultRows);
    printScale(scaleRows);
    printCapacity(capacity);
    await mkdir(join(__dirname, '../results'), { recursive: true });
    const out = join(__dirname, `../results/scale-${Date.now()}.json`);
    await writeFile(out, JSON.stringify({ settings, faultRows, scaleRows, capacity }, null, 2));
    console.log(`\nJSON: ${out}`);
  } finally {
    await restoreUserStats?.().catch(() => undefined);
    await db.end().catch(() => undefined);
    await cluster.stop();
  }
}

async function waitReady(
  db: Awaited<ReturnType<Cluster['db']>>,
  albumId: string,
  count: number,
): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const [[row]] = (await db.query(
      "SELECT COUNT(*) AS n FROM stages WHERE albumId = ? AND status = 'ready'",
      [albumId],
    )) as unknown as [[{ n: number }]];
    if (row!.n >= count) return;
    await sleep(500);
  }
  throw new Error(`artwork ${albumId}: ${count} stages never became ready`);
}

if (require.main === module) void main();
