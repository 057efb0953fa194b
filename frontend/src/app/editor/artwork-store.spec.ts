import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Artwork, Stage } from '@gallery/contracts';
import { NEVER } from 'rxjs';

import { Realtime } from '../realtime/realtime';
import { album, image, stage } from '../testing/artworks';
import { AUTOSAVE_MS, ArtworkStore } from './artwork-store';
import { StageUploads } from './stage-uploads';

const STAGES = [stage('s1', 0, { title: 'Sketch' }), stage('s2', 1), stage('s3', 2)];

/** Lets awaited promises (HTTP answers turned into promises) run to their end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

function setUp(initial: Artwork = album(STAGES)) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      ArtworkStore,
      StageUploads,
      // The socket is not what these specs are about.
      { provide: Realtime, useValue: { stageUpdates: () => NEVER } },
    ],
  });
  const store = TestBed.inject(ArtworkStore);
  store.open(initial);
  return { store, http: TestBed.inject(HttpTestingController) };
}

function ids(stages: readonly Stage[]): string[] {
  return stages.map((s) => s.id);
}

describe('ArtworkStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    jest.useRealTimers();
  });

  describe('reordering', () => {
    it('shows the new order at once and saves exactly that order', async () => {
      const { store, http } = setUp();
      const done = store.moveStage(2, 0);

      expect(ids(store.stages())).toEqual(['s3', 's1', 's2']);
      expect(store.stages().map((s) => s.position)).toEqual([0, 1, 2]);
      const request = http.expectOne({ method: 'PUT', url: '/api/albums/art-1/stages/order' });
      expect(request.request.body).toEqual({ stageIds: ['s3', 's1', 's2'] });

      request.flush([stage('s3', 0), stage('s1', 1), stage('s2', 2)]);
      await done;
      expect(ids(store.stages())).toEqual(['s3', 's1', 's2']);
      expect(store.problem()).toBeNull();
    });

    it('puts the old order back and says why when the api refuses', async () => {
      const { store, http } = setUp();
      const done = store.moveStage(0, 2);
      expect(ids(store.stages())).toEqual(['s2', 's3', 's1']);

      http
        .expectOne('/api/albums/art-1/stages/order')
        .flush(
          { statusCode: 400, error: 'Bad Request', message: 'stageIds must be exactly the current stages' },
          { status: 400, statusText: 'Bad Request' },
        );
      await done;

      expect(ids(store.stages())).toEqual(['s1', 's2', 's3']);
      expect(store.stages().map((s) => s.position)).toEqual([0, 1, 2]);
      expect(store.problem()).toBe(
        'The new order couldn’t be saved, so it was put back. StageIds must be exactly the current stages.',
      );
    });

    it('keeps text typed meanwhile when rolling back', async () => {
      const { store, http } = setUp();
      const done = store.moveStage(1, 0);
      store.editStage('s2', { title: 'Second thoughts' });
      http.expectOne('/api/albums/art-1/stages/order').flush(null, { status: 0, statusText: 'offline' });
      await done;
      expect(ids(store.stages())).toEqual(['s1', 's2', 's3']);
      expect(store.stages()[1].title).toBe('Second thoughts');
      expect(store.problem()).toMatch(/^The new order couldn’t be saved, so it was put back\. Can’t reach/);
    });

    it('rolls back only the latest of two quick moves', async () => {
      const { store, http } = setUp();
      const first = store.moveStage(0, 1); // s2 s1 s3
      const second = store.moveStage(2, 0); // s3 s2 s1
      const [one, two] = http.match('/api/albums/art-1/stages/order');
      expect(two.request.body).toEqual({ stageIds: ['s3', 's2', 's1'] });
      one.flush(null, { status: 500, statusText: 'Server Error' });
      await first;
      expect(ids(store.stages())).toEqual(['s3', 's2', 's1']);
      expect(store.problem()).toBeNull();
      two.flush([]);
      await second;
      expect(ids(store.stages())).toEqual(['s3', 's2', 's1']);
    });

    it('ignores moves outside the list', async () => {
      const { store, http } = setUp();
      await store.moveStage(0, 0);
      await store.moveStage(2, 3);
      await store.moveStage(-1, 0);
      http.expectNone('/api/albums/art-1/stages/order');
      expect(ids(store.stages())).toEqual(['s1', 's2', 's3']);
    });
  });

  describe('autosave', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));

    it('saves a stage once the painter pauses, with everything typed since', async () => {
      const { store, http } = setUp();
      store.editStage('s2', { title: 'Fi' });
      jest.advanceTimersByTime(AUTOSAVE_MS - 100);
      store.editStage('s2', { title: 'First wash' });
      store.editStage('s2', { note: 'Thin ultramarine,\nleft to dry.' });
      expect(store.stages()[1].title).toBe('First wash');
      http.expectNone({ method: 'PATCH' });

      jest.advanceTimersByTime(AUTOSAVE_MS);
      const request = http.expectOne({ method: 'PATCH', url: '/api/albums/art-1/stages/s2' });
      expect(request.request.body).toEqual({ title: 'First wash', note: 'Thin ultramarine,\nleft to dry.' });
      expect(store.saves()['s2']?.state).toBe('saving');
      request.flush(stage('s2', 1, { title: 'First wash' }));
      await settle();
      expect(store.saves()['s2']).toEqual({ state: 'saved', message: null });
    });

    it('keeps each stage on its own timer', () => {
      const { store, http } = setUp();
      store.editStage('s1', { kind: 'draft' });
      jest.advanceTimersByTime(AUTOSAVE_MS / 2);
      store.editStage('s3', { kind: 'final' });
      jest.advanceTimersByTime(AUTOSAVE_MS / 2);
      http.expectOne('/api/albums/art-1/stages/s1').flush(stage('s1', 0));
      http.expectNone('/api/albums/art-1/stages/s3');
      jest.advanceTimersByTime(AUTOSAVE_MS / 2);
      http.expectOne('/api/albums/art-1/stages/s3').flush(stage('s3', 2));
    });

    it('saves what was typed for one artwork before another opens in the same editor', () => {
      const { store, http } = setUp();
      store.editStage('s1', { note: 'Half done' });
      store.open(album([stage('t1', 0)], { id: 'art-2' }));
      const request = http.expectOne({ method: 'PATCH', url: '/api/albums/art-1/stages/s1' });
      expect(request.request.body).toEqual({ note: 'Half done' });
      request.flush(stage('s1', 0));
      jest.advanceTimersByTime(AUTOSAVE_MS * 2);
      http.expectNone({ method: 'PATCH' });
      expect(ids(store.stages())).toEqual(['t1']);
    });

    it('does not save an empty title, and says so', () => {
      const { store, http } = setUp();
      store.editDetails({ title: '   ' });
      jest.advanceTimersByTime(AUTOSAVE_MS * 2);
      http.expectNone({ method: 'PATCH' });
      expect(store.saves()['details']).toEqual({ state: 'failed', message: 'An artwork needs a title.' });

      store.editDetails({ title: 'Harbour at dusk ' });
      jest.advanceTimersByTime(AUTOSAVE_MS);
      const request = http.expectOne({ method: 'PATCH', url: '/api/albums/art-1' });
      expect(request.request.body).toEqual({ title: 'Harbour at dusk' });
      request.flush(album(STAGES, { title: 'Harbour at dusk' }));
    });
  });

  describe('uploads', () => {
    function png(name: string): File {
      return new File(['png'], name, { type: 'image/png' });
    }

    it('reports progress and appends the new stages', async () => {
      const { store, http } = setUp();
      const done = store.upload([png('colour.png'), new File(['hi'], 'notes.txt', { type: 'text/plain' })]);
      expect(store.rejected()).toEqual([{ name: 'notes.txt', reason: 'notes.txt is not an image.' }]);

      const request = http.expectOne({ method: 'POST', url: '/api/albums/art-1/stages' });
      expect((request.request.body as FormData).getAll('files').map((f) => (f as File).name)).toEqual([
        'colour.png',
      ]);
      expect(request.request.reportProgress).toBe(true);
      request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 160 });
      expect(store.uploads()).toEqual([
        expect.objectContaining({ label: 'colour.png', loaded: 40, total: 160, state: 'uploading' }),
      ]);
      expect(store.uploading()).toBe(true);

      request.flush({ stages: [stage('s4', 3, { status: 'pending', image: null })] });
      await done;
      expect(ids(store.stages())).toEqual(['s1', 's2', 's3', 's4']);
      expect(store.uploads()[0].state).toBe('done');
      expect(store.busy()).toBe(true);
    });

    it('sends 20 files a request, one request after the other', async () => {
      const { store, http } = setUp(album([]));
      const files = Array.from({ length: 23 }, (_, i) => png(`p${i}.png`));
      const done = store.upload(files);
      expect(store.uploads().map((u) => [u.files, u.state])).toEqual([
        [20, 'uploading'],
        [3, 'waiting'],
      ]);

      const first = http.expectOne('/api/albums/art-1/stages');
      expect((first.request.body as FormData).getAll('files')).toHaveLength(20);
      first.flush({ stages: [] });
      await settle();
      const second = http.expectOne('/api/albums/art-1/stages');
      expect((second.request.body as FormData).getAll('files')).toHaveLength(3);
      second.flush({ stages: [] });
      await done;
      expect(store.uploads().map((u) => u.state)).toEqual(['done', 'done']);
    });

    it('gives each new stage the kind its name or place suggests, and saves it', async () => {
      const { store, http } = setUp();
      const done = store.upload([
        png('couleur.png'),
        new File(['hi'], 'notes.txt', { type: 'text/plain' }),
        png('IMG_0042.png'),
      ]);
      const request = http.expectOne({ method: 'POST', url: '/api/albums/art-1/stages' });
      request.flush({
        stages: [
          stage('s4', 3, { kind: 'other', status: 'pending', image: null }),
          stage('s5', 4, { kind: 'other', status: 'pending', image: null }),
        ],
      });
      await done;

      // Named: colour. Unnamed and last of five (the refused text file does not count): final.
      expect(store.stages().map((s) => s.kind)).toEqual(['sketch', 'sketch', 'sketch', 'color', 'final']);
      const colour = http.expectOne({ method: 'PATCH', url: '/api/albums/art-1/stages/s4' });
      expect(colour.request.body).toEqual({ kind: 'color' });
      const final = http.expectOne({ method: 'PATCH', url: '/api/albums/art-1/stages/s5' });
      expect(final.request.body).toEqual({ kind: 'final' });
      colour.flush(stage('s4', 3, { kind: 'color' }));
      final.flush(stage('s5', 4, { kind: 'final' }));
      await settle();
      expect(store.saves()['s4']?.state).toBe('saved');
    });

    it('guesses the kind of a new stage that a live update showed before the upload’s answer', async () => {
      const { store, http } = setUp();
      const done = store.upload([png('detalle.png')]);
      const upload = http.expectOne({ method: 'POST', url: '/api/albums/art-1/stages' });
      const refreshed = store.refresh();
      http
        .expectOne({ method: 'GET', url: '/api/albums/art-1' })
        .flush(album([...STAGES, stage('s4', 3, { kind: 'other', status: 'processing', image: null })]));
      await refreshed;
      expect(ids(store.stages())).toEqual(['s1', 's2', 's3', 's4']);

      upload.flush({ stages: [stage('s4', 3, { kind: 'other', status: 'pending', image: null })] });
      await done;
      expect(store.stages()[3].kind).toBe('detail');
      const patch = http.expectOne({ method: 'PATCH', url: '/api/albums/art-1/stages/s4' });
      expect(patch.request.body).toEqual({ kind: 'detail' });
      patch.flush(stage('s4', 3, { kind: 'detail' }));
      await settle();
    });

    it('leaves a stage that was already there as it is', async () => {
      const { store, http } = setUp();
      const done = store.upload([png('final.png')]);
      http
        .expectOne({ method: 'POST', url: '/api/albums/art-1/stages' })
        .flush({ stages: [stage('s2', 1, { kind: 'other' })] });
      await done;
      http.expectNone({ method: 'PATCH' });
      expect(ids(store.stages())).toEqual(['s1', 's2', 's3']);
    });

    it('shows the api’s reason when it refuses a batch', async () => {
      const { store, http } = setUp();
      const done = store.upload([png('photo.png')]);
      http.expectOne('/api/albums/art-1/stages').flush(
        {
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: 'photo.png: This file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF)',
        },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
      await done;
      expect(store.uploads()[0]).toEqual(
        expect.objectContaining({
          state: 'failed',
          error: 'Photo.png: This file is not a supported image (JPEG, PNG, WebP, AVIF, GIF, TIFF).',
        }),
      );
      expect(ids(store.stages())).toEqual(['s1', 's2', 's3']);
    });
  });

  describe('live updates', () => {
    it('takes the server’s processing result and keeps the painter’s unsaved text', () => {
      const { store, http } = setUp(album([stage('s1', 0, { status: 'processing', image: null })]));
      store.editStage('s1', { title: 'Under-painting' });
      store.applyServerStage(stage('s1', 0, { status: 'ready', image: image('s1'), title: '' }));

      expect(store.stages()[0]).toEqual(
        expect.objectContaining({ status: 'ready', image: image('s1'), title: 'Under-painting' }),
      );
      // A finished stage may have become the cover: the album is fetched again.
      http.expectOne({ method: 'GET', url: '/api/albums/art-1' }).flush(album(STAGES));
    });
  });
});
