import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Timelapse } from '@gallery/contracts';
import { Subject } from 'rxjs';

import { Realtime } from '../realtime/realtime';
import { album, stage } from '../testing/artworks';
import { PlayProcess } from './play-process';
import type { TimelapseUpdate } from './timelapse-state';

const READY: Timelapse = {
  status: 'ready',
  url: '/media/film.webp',
  posterUrl: '/media/poster.webp',
  width: 1080,
  height: 720,
  frames: 3,
  bytes: 900_000,
  updatedAt: '2026-12-06T10:00:00.000Z',
};
const NONE: Timelapse = { ...READY, status: 'none', url: null, posterUrl: null, updatedAt: null };

describe('PlayProcess', () => {
  let fixture: ComponentFixture<PlayProcess>;
  let host: HTMLElement;
  let http: HttpTestingController;
  let updates: Subject<TimelapseUpdate>;

  beforeEach(async () => {
    updates = new Subject();
    TestBed.configureTestingModule({
      imports: [PlayProcess],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Realtime, useValue: { albumEvents: () => updates } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PlayProcess);
    fixture.componentRef.setInput('album', album([stage('s1', 0), stage('s2', 1), stage('s3', 2)]));
    host = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function button(): HTMLButtonElement | null {
    return host.querySelector('button.play');
  }

  it('stays hidden while there is no film, and appears when the socket says it is ready', async () => {
    http.expectOne('/api/albums/art-1/timelapse').flush(NONE);
    await settle();
    expect(button()).toBeNull();

    updates.next({ ...READY, albumId: 'someone-else' });
    await settle();
    expect(button()).toBeNull();

    updates.next({ ...READY, albumId: 'art-1' });
    await settle();
    expect(button()?.textContent).toContain('Play the process');
  });

  it('opens the film over its poster, with a download and an embed snippet', async () => {
    http.expectOne('/api/albums/art-1/timelapse').flush(READY);
    await settle();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    button()!.click();
    await settle();
    const film = host.querySelector<HTMLImageElement>('img.film')!;
    expect(film.getAttribute('src')).toBe('/media/film.webp');
    expect(film.style.backgroundImage).toContain('/media/poster.webp');
    const download = host.querySelector<HTMLAnchorElement>('a.download')!;
    expect(download.getAttribute('download')).toBe('harbour-at-dawn-process.webp');
    expect(download.textContent).toContain('900 kB');

    host.querySelector<HTMLButtonElement>('button.embed')!.click();
    await settle();
    expect(writeText).toHaveBeenCalledWith(
      expect.stringMatching(
        /^<iframe src="http:\/\/localhost\/api\/embed\/a\/art-1" width="640" height="467"/,
      ),
    );
    expect(host.querySelector('[role=status]')?.textContent).toBe('Embed code copied');
  });

  it('asks again while the film of a qualifying artwork is on its way', async () => {
    jest.useFakeTimers();
    try {
      http.expectOne('/api/albums/art-1/timelapse').flush(NONE);
      await jest.advanceTimersByTimeAsync(0);
      await fixture.whenStable();
      await jest.advanceTimersByTimeAsync(3000);
      http.expectOne('/api/albums/art-1/timelapse').flush(READY);
      await jest.advanceTimersByTimeAsync(0);
      await fixture.whenStable();
      expect(button()).not.toBeNull();
      await jest.advanceTimersByTimeAsync(9000);
      http.expectNone('/api/albums/art-1/timelapse');
    } finally {
      jest.useRealTimers();
    }
  });
});
