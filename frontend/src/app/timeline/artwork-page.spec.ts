import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Artwork, Me, Profile } from '@gallery/contracts';
import { NEVER } from 'rxjs';

import { Session } from '../auth/session';
import { POLL_INTERVAL_MS } from '../artwork/live';
import { Realtime } from '../realtime/realtime';
import { album, image, stage } from '../testing/artworks';
import { ArtworkPage } from './artwork-page';

const ART = album(
  [
    stage('s1', 0, { kind: 'sketch', title: 'Lines' }),
    stage('s2', 1, { kind: 'color', note: 'Warm first.\nCool later.' }),
    stage('s3', 2, { kind: 'final', title: 'Done' }),
  ],
  { description: 'Lisbon, early.' },
);

const PAINTER: Profile = {
  ...ART.owner,
  bio: 'Paints harbours.',
  createdAt: '2026-01-01T00:00:00.000Z',
  albumCount: 3,
  followerCount: 12,
  followingCount: 1,
  followedByMe: false,
};

/** jsdom has none; `@defer (on viewport)` needs one to exist, and this one never fires. */
class QuietIntersectionObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}

describe('ArtworkPage', () => {
  beforeAll(() => {
    Object.assign(globalThis, { IntersectionObserver: QuietIntersectionObserver });
  });

  afterAll(() => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  });

  let fixture: ComponentFixture<ArtworkPage>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ArtworkPage],
      // jsdom has no IntersectionObserver for `@defer (on viewport)`; tests render blocks by hand.
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Realtime, useValue: { stageUpdates: () => NEVER, albumEvents: () => NEVER } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // The comments panel loads its own list; its spec covers it.
    http.match((r) => r.url.endsWith('/comments'));
    http.verify();
    jest.useRealTimers();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function open(
    route: { id?: string; code?: string; stage?: string; compare?: string; mode?: string },
    answer: Artwork = ART,
  ): Promise<void> {
    fixture = TestBed.createComponent(ArtworkPage);
    for (const [name, value] of Object.entries(route)) {
      fixture.componentRef.setInput(name, value);
    }
    host = fixture.nativeElement;
    await fixture.whenStable();
    const url = route.id ? `/api/albums/${route.id}` : `/api/shared/${route.code}`;
    http.expectOne(url).flush(answer);
    await settle();
    http.expectOne(`/api/users/${answer.owner.username}`).flush(PAINTER);
    await settle();
  }

  function overlayText(): string {
    return document.querySelector('.cdk-overlay-container')?.textContent ?? '';
  }

  function keydown(key: string, keyCode = 0): void {
    // The CDK dialog still looks at keyCode for Escape.
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key, keyCode, bubbles: true, cancelable: true }),
    );
  }

  it('tells the artwork’s story to a visitor, without editing controls', async () => {
    await open({ id: 'art-1' });
    expect(host.querySelector('h1')?.textContent?.trim()).toBe('Harbour at dawn');
    expect(host.querySelector('a.painter')?.getAttribute('href')).toBe('/u/clara');
    expect(host.querySelector('.description')?.textContent).toBe('Lisbon, early.');
    expect(host.querySelectorAll('.entry')).toHaveLength(3);
    expect(host.querySelector('.badge')).toBeNull();
    expect(host.textContent).not.toContain('Edit');
  });

  it('shows its painter the visibility and the way to the editor', async () => {
    TestBed.inject(Session).update({ ...ART.owner, bio: '', role: 'user', createdAt: '' } as Me);
    await open({ id: 'art-1' }, { ...ART, visibility: 'unlisted' });
    expect(host.querySelector('.badge')?.textContent?.trim()).toBe('Unlisted');
    expect(host.querySelector('a.edit')?.getAttribute('href')).toBe('/a/art-1/edit');
  });

  it('opens a share link', async () => {
    await open({ code: 'abc123' });
    expect(host.querySelector('h1')?.textContent?.trim()).toBe('Harbour at dawn');
  });

  it('explains an artwork that is not there (or hidden)', async () => {
    fixture = TestBed.createComponent(ArtworkPage);
    fixture.componentRef.setInput('id', 'nope');
    host = fixture.nativeElement;
    await fixture.whenStable();
    http
      .expectOne('/api/albums/nope')
      .flush({ statusCode: 404, error: 'Not Found', message: 'not found' }, { status: 404, statusText: 'x' });
    await settle();
    expect(host.querySelector('h1')?.textContent?.trim()).toBe('This artwork isn’t here');
  });

  it('enlarges a stage, steps with the arrow keys, and gives focus back on Escape', async () => {
    await open({ id: 'art-1' });
    const second = host.querySelectorAll<HTMLButtonElement>('button.enlarge')[1];
    second.focus();
    second.click();
    await settle();
    expect(overlayText()).toContain('2 / 3');

    keydown('ArrowRight');
    await settle();
    expect(overlayText()).toContain('3 / 3');
    keydown('ArrowLeft');
    keydown('ArrowLeft');
    await settle();
    expect(overlayText()).toContain('1 / 3');

    document.querySelector<HTMLElement>('.cdk-dialog-container')!.focus();
    keydown('Escape', 27);
    await settle();
    expect(document.querySelector('app-lightbox')).toBeNull();
    expect(document.activeElement).toBe(second);
  });

  it('checks again every few seconds while a stage is being processed', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    // Zoneless stability waits on timers; with fake ones, render by hand.
    const render = async () => {
      for (let i = 0; i < 5; i++) {
        await Promise.resolve();
      }
      fixture.detectChanges();
    };
    fixture = TestBed.createComponent(ArtworkPage);
    fixture.componentRef.setInput('id', 'art-1');
    host = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/albums/art-1').flush(album([stage('s1', 0, { status: 'processing', image: null })]));
    await render();
    http.expectOne('/api/users/clara').flush(PAINTER);
    await render();
    expect(host.querySelector('.processing')).not.toBeNull();

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    http.expectOne('/api/albums/art-1').flush(album([stage('s1', 0, { image: image('s1') })]));
    await render();
    expect(host.querySelector('.processing')).toBeNull();
    expect(host.querySelector('button.enlarge')).not.toBeNull();

    // Everything is ready: no more polling.
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
    http.expectNone('/api/albums/art-1');
  });

  function selectedOption(): string | null {
    return host.querySelector('[role=option][aria-selected=true]')?.getAttribute('aria-label') ?? null;
  }

  function navigations(): jest.SpyInstance {
    return jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  }

  it('opens on the final, as the hero, with its note beside it', async () => {
    await open({ id: 'art-1' });
    expect(selectedOption()).toMatch(/^Stage 3, Final, \d+ \w+: Done$/);
    expect(host.querySelector('app-hero img')?.getAttribute('alt')).toBe('Stage 3, Final: Done');
    expect(host.querySelector('app-stage-notes')?.textContent).toContain('Stage 3 of 3');
    // The story stays below, for reading.
    expect(host.querySelector('#story-title')?.textContent).toBe('The story');
  });

  it('opens on the stage in the address and scrubs with the arrow keys, keeping the address', async () => {
    const navigate = navigations();
    await open({ id: 'art-1', stage: '2' });
    expect(selectedOption()).toMatch(/^Stage 2, Colour, \d+ \w+$/);
    expect(host.querySelector('app-stage-notes .note')?.textContent).toBe('Warm first.\nCool later.');

    host
      .querySelector<HTMLElement>('[role=option][aria-selected=true]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await settle();
    expect(selectedOption()).toMatch(/^Stage 1, Sketch, \d+ \w+: Lines$/);
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({
        queryParams: { stage: '1' },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      }),
    );
  });

  it('compares the stages the address names, and the filmstrip picks the after one', async () => {
    const navigate = navigations();
    await open({ id: 'art-1', compare: '1,3', mode: 'swipe' });
    expect(host.querySelector('app-hero')).toBeNull();
    // The first deferred block is the process film's button, in the actions; then the comparison.
    const [, compare] = await fixture.getDeferBlocks();
    await compare.render(DeferBlockState.Complete);
    await settle();

    const divider = host.querySelector<HTMLElement>('[role=slider]')!;
    expect(divider.getAttribute('aria-valuenow')).toBe('50');
    divider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await settle();
    expect(divider.getAttribute('aria-valuenow')).toBe('48');

    expect(selectedOption()).toMatch(/^Stage 3, Final, \d+ \w+: Done$/);
    host.querySelectorAll<HTMLElement>('[role=option]')[1].click();
    await settle();
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { compare: '1,2', mode: 'swipe' } }),
    );
  });

  it('turns the painter’s tools on with their keys', async () => {
    await open({ id: 'art-1' });
    const picture = () => host.querySelector<HTMLElement>('app-hero app-stage-image')!;
    expect(picture().style.filter).toBe('');
    keydown('g');
    await settle();
    expect(picture().style.filter).toBe('grayscale(1)');
    expect(host.querySelector('[aria-keyshortcuts=G]')?.getAttribute('aria-pressed')).toBe('true');
    keydown('m');
    await settle();
    expect(picture().style.transform).toBe('scaleX(-1)');
  });

  it('numbers the pins on the hero and lists their notes beside it', async () => {
    const pinned = album([
      stage('s1', 0, { kind: 'sketch' }),
      stage('s2', 1, {
        kind: 'final',
        pins: [
          { id: 'p1', stageId: 's2', x: 0.25, y: 0.5, body: 'Glaze here.', createdAt: '' },
          { id: 'p2', stageId: 's2', x: 0.8, y: 0.1, body: 'Sky last.', createdAt: '' },
        ],
      }),
    ]);
    await open({ id: 'art-1' }, pinned);
    const markers = [...host.querySelectorAll<HTMLElement>('app-hero .pin')];
    expect(markers.map((pin) => pin.textContent?.trim())).toEqual(['1', '2']);
    expect([markers[0].style.left, markers[0].style.top]).toEqual(['25%', '50%']);
    expect([...host.querySelectorAll('app-stage-notes .pins li')].map((li) => li.textContent)).toEqual([
      'Glaze here.',
      'Sky last.',
    ]);
  });
});
