import type { Artwork, Stage } from '@gallery/contracts';
import { createArtwork, uploadStages } from './support/artworks';
import { png } from './support/images';
import { appModes } from './support/modes';
import { connect, cookieOf, disconnectAll, type ClientSocket } from './support/sockets';
import { TestApp } from './support/test-app';

/** Collects stage:updated events until `done` says enough. */
function until(
  socket: ClientSocket,
  done: (seen: (Stage & { albumId: string })[]) => boolean,
  timeoutMs = 20_000,
) {
  const seen: (Stage & { albumId: string })[] = [];
  return new Promise<(Stage & { albumId: string })[]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only saw ${JSON.stringify(seen.map((s) => s.status))}`)),
      timeoutMs,
    );
    socket.on('stage:updated', (stage) => {
      seen.push(stage);
      if (done(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

describe.each(appModes())('live stage status — %s', (_name, options) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(options);
  });
  afterAll(async () => {
    disconnectAll();
    await app.close();
  });

  it('an upload reaches the painter and a watching viewer as stage:updated until ready; others hear nothing', async () => {
    const painter = app.client();
    await painter.register('turner');
    const viewer = app.client();
    await viewer.register('ruskin');
    const bystander = app.client();
    await bystander.register('bystander');
    const album: Artwork = await createArtwork(painter, 'Rain, steam and speed');

    const own = await connect(app, cookieOf(painter));
    const watching = await connect(app, cookieOf(viewer));
    const idle = await connect(app, cookieOf(bystander));
    expect(await watching.emitWithAck('album:watch', { albumId: album.id })).toEqual({ ok: true });
    const ready = (seen: Stage[]) => seen.some((s) => s.status === 'ready');
    const heardByOwner = until(own, ready);
    const heardByViewer = until(watching, ready);
    let bystanderHeard = 0;
    idle.on('stage:updated', () => bystanderHeard++);

    const res = await uploadStages(painter, album.id, [{ body: await png(900, 600), name: 'one.png' }]);
    expect(res.status).toBe(201);
    const stageId = (res.body.stages as Stage[])[0]!.id;
    for (const seen of [await heardByOwner, await heardByViewer]) {
      const last = seen.at(-1)!;
      expect(last).toMatchObject({
        id: stageId,
        albumId: album.id,
        status: 'ready',
        image: { width: 900, height: 600 },
      });
    }
    expect(bystanderHeard).toBe(0);
  });
});
