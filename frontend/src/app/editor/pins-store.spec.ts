import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Pin } from '@gallery/contracts';
import { NEVER } from 'rxjs';

import { Realtime } from '../realtime/realtime';
import { album, stage } from '../testing/artworks';
import { ArtworkStore } from './artwork-store';
import { PIN_MOVE_SAVE_MS, PinsStore, pinBody, pointInBox } from './pins-store';
import { StageUploads } from './stage-uploads';

const PINS_URL = '/api/albums/art-1/stages/s1/pins';

function pin(id: string, x: number, y: number, body: string): Pin {
  return { id, stageId: 's1', x, y, body, createdAt: '2026-05-02T11:00:00.000Z' };
}

/** Lets awaited promises (HTTP answers turned into promises) run to their end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

function setUp(pins: Pin[] = [pin('p1', 0.2, 0.3, 'the boat'), pin('p2', 0.7, 0.4, 'the sun')]) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      ArtworkStore,
      StageUploads,
      PinsStore,
      { provide: Realtime, useValue: { stageUpdates: () => NEVER } },
    ],
  });
  const artwork = TestBed.inject(ArtworkStore);
  artwork.open(album([stage('s1', 0, { pins }), stage('s2', 1)]));
  const shown = () => artwork.stages()[0].pins;
  return { pins: TestBed.inject(PinsStore), shown, http: TestBed.inject(HttpTestingController) };
}

const refused = { status: 500, statusText: 'Server Error' };

describe('pointInBox', () => {
  const box = { left: 100, top: 50, width: 400, height: 300 };

  it('turns a click into 0..1 of the image box, from its top left corner', () => {
    expect(pointInBox({ clientX: 200, clientY: 200 }, box)).toEqual({ x: 0.25, y: 0.5 });
    expect(pointInBox({ clientX: 100, clientY: 50 }, box)).toEqual({ x: 0, y: 0 });
    expect(pointInBox({ clientX: 500, clientY: 350 }, box)).toEqual({ x: 1, y: 1 });
  });

  it('rounds to four places', () => {
    expect(pointInBox({ clientX: 100 + 400 / 3, clientY: 50 + 100 }, box)).toEqual({ x: 0.3333, y: 0.3333 });
  });

  it('is null outside the box or for a box without size', () => {
    expect(pointInBox({ clientX: 99, clientY: 200 }, box)).toBeNull();
    expect(pointInBox({ clientX: 200, clientY: 351 }, box)).toBeNull();
    expect(pointInBox({ clientX: 0, clientY: 0 }, { left: 0, top: 0, width: 0, height: 0 })).toBeNull();
  });
});

describe('pinBody', () => {
  it('trims and keeps 1 to 1000 characters', () => {
    expect(pinBody('  glaze  ')).toBe('glaze');
    expect(pinBody('   ')).toBeNull();
    expect(pinBody('a'.repeat(1000))).toHaveLength(1000);
    expect(pinBody('a'.repeat(1001))).toBeNull();
  });
});

describe('PinsStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    jest.useRealTimers();
  });

  describe('pinning a note', () => {
    it('shows the pin at once, then takes the saved one', async () => {
      const { pins, shown, http } = setUp([]);
      const done = pins.add('s1', { x: 0.25, y: 0.5 }, '  warm light here ');

      expect(shown()).toHaveLength(1);
      expect(shown()[0]).toMatchObject({ x: 0.25, y: 0.5, body: 'warm light here' });
      expect(pins.isPending(shown()[0].id)).toBe(true);
      const request = http.expectOne({ method: 'POST', url: PINS_URL });
      expect(request.request.body).toEqual({ x: 0.25, y: 0.5, body: 'warm light here' });

      const saved = pin('p9', 0.25, 0.5, 'warm light here');
      request.flush(saved);
      expect(await done).toEqual(saved);
      expect(shown()).toEqual([saved]);
      expect(pins.problem()).toBeNull();
    });

    it('takes the pin away again and says why when the api refuses', async () => {
      const { pins, shown, http } = setUp();
      const done = pins.add('s1', { x: 0.5, y: 0.5 }, 'one more');
      expect(shown()).toHaveLength(3);

      http
        .expectOne(PINS_URL)
        .flush(
          { statusCode: 400, message: 'body must be 1 to 1000 characters' },
          { status: 400, statusText: 'Bad' },
        );
      expect(await done).toBeNull();
      expect(shown().map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(pins.problem()).toEqual({
        stageId: 's1',
        message: 'Couldn’t pin the note. Body must be 1 to 1000 characters.',
      });
    });

    it('sends nothing for an empty note', async () => {
      const { pins, shown, http } = setUp([]);
      expect(await pins.add('s1', { x: 0.5, y: 0.5 }, '   ')).toBeNull();
      http.expectNone(PINS_URL);
      expect(shown()).toEqual([]);
    });
  });

  describe('editing and deleting', () => {
    it('shows the new note at once and saves it', async () => {
      const { pins, shown, http } = setUp();
      const done = pins.edit('s1', 'p2', 'the sun, glazed');
      expect(shown()[1].body).toBe('the sun, glazed');
      const request = http.expectOne({ method: 'PATCH', url: `${PINS_URL}/p2` });
      expect(request.request.body).toEqual({ body: 'the sun, glazed' });
      request.flush(pin('p2', 0.7, 0.4, 'the sun, glazed'));
      expect(await done).toBe(true);
      expect(shown()[1].body).toBe('the sun, glazed');
    });

    it('puts the old note back when the edit is refused', async () => {
      const { pins, shown, http } = setUp();
      const done = pins.edit('s1', 'p1', 'a rowing boat');
      http.expectOne(`${PINS_URL}/p1`).flush(null, refused);
      expect(await done).toBe(false);
      expect(shown()[0].body).toBe('the boat');
      expect(pins.problem()?.message).toMatch(/^Couldn’t save the note, so the old one is back\./);
    });

    it('removes a pin at once and deletes it', async () => {
      const { pins, shown, http } = setUp();
      const done = pins.remove('s1', 'p1');
      expect(shown().map((p) => p.id)).toEqual(['p2']);
      http
        .expectOne({ method: 'DELETE', url: `${PINS_URL}/p1` })
        .flush(null, { status: 204, statusText: 'No Content' });
      expect(await done).toBe(true);
      expect(shown().map((p) => p.id)).toEqual(['p2']);
    });

    it('brings a pin back in its place when the delete is refused', async () => {
      const { pins, shown, http } = setUp();
      const done = pins.remove('s1', 'p1');
      http.expectOne(`${PINS_URL}/p1`).flush(null, { status: 0, statusText: 'offline' });
      expect(await done).toBe(false);
      expect(shown().map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(pins.problem()?.message).toMatch(/^Couldn’t delete the pin, so it is back\. Can’t reach/);
    });

    it('leaves a pin alone while the api has not answered for it', async () => {
      const { pins, shown, http } = setUp([]);
      const adding = pins.add('s1', { x: 0.1, y: 0.1 }, 'new');
      const pendingId = shown()[0].id;
      expect(await pins.remove('s1', pendingId)).toBe(false);
      expect(await pins.edit('s1', pendingId, 'changed')).toBe(false);
      pins.nudge('s1', pendingId, 1, 0);
      expect(shown()[0]).toMatchObject({ x: 0.1, body: 'new' });
      http.expectOne(PINS_URL).flush(pin('p5', 0.1, 0.1, 'new'));
      await adding;
    });
  });

  describe('moving', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));

    it('nudges at once and saves the last place of a run of key presses once', async () => {
      const { pins, shown, http } = setUp();
      pins.nudge('s1', 'p1', 1, 0);
      pins.nudge('s1', 'p1', 1, 0);
      pins.nudge('s1', 'p1', 0, -5);
      expect(shown()[0]).toMatchObject({ x: 0.22, y: 0.25 });
      http.expectNone(`${PINS_URL}/p1`);

      jest.advanceTimersByTime(PIN_MOVE_SAVE_MS);
      const request = http.expectOne({ method: 'PATCH', url: `${PINS_URL}/p1` });
      expect(request.request.body).toEqual({ x: 0.22, y: 0.25 });
      request.flush(pin('p1', 0.22, 0.25, 'the boat'));
      await settle();
      expect(pins.problem()).toBeNull();
    });

    it('stays inside the image', () => {
      const { pins, shown, http } = setUp();
      pins.move('s1', 'p2', { x: 1.4, y: -0.2 });
      expect(shown()[1]).toMatchObject({ x: 1, y: 0 });
      jest.advanceTimersByTime(PIN_MOVE_SAVE_MS);
      http.expectOne(`${PINS_URL}/p2`).flush(pin('p2', 1, 0, 'the sun'));
    });

    it('goes back to where it was saved when the move is refused', async () => {
      const { pins, shown, http } = setUp();
      pins.move('s1', 'p1', { x: 0.6, y: 0.6 });
      pins.nudge('s1', 'p1', 1, 1);
      jest.advanceTimersByTime(PIN_MOVE_SAVE_MS);
      http.expectOne(`${PINS_URL}/p1`).flush(null, refused);
      await settle();
      expect(shown()[0]).toMatchObject({ x: 0.2, y: 0.3 });
      expect(pins.problem()).toEqual({
        stageId: 's1',
        message: expect.stringMatching(/^Couldn’t move the pin, so it went back\./),
      });
    });
  });
});
