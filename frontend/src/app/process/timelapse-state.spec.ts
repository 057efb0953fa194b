import type { Timelapse } from '@gallery/contracts';

import { applyTimelapseUpdate, awaitingFilm, filmFileName, formatBytes, isPlayable } from './timelapse-state';

const NONE: Timelapse = {
  status: 'none',
  url: null,
  posterUrl: null,
  width: 0,
  height: 0,
  frames: 0,
  bytes: 0,
  updatedAt: null,
};
const READY: Timelapse = {
  status: 'ready',
  url: '/media/film.webp',
  posterUrl: '/media/poster.webp',
  width: 1080,
  height: 720,
  frames: 3,
  bytes: 1_250_000,
  updatedAt: '2026-12-06T10:00:00.000Z',
};

describe('timelapse state', () => {
  it('plays only a ready film with a file', () => {
    expect(isPlayable(null)).toBe(false);
    expect(isPlayable(NONE)).toBe(false);
    expect(isPlayable({ ...READY, status: 'pending' })).toBe(false);
    expect(isPlayable({ ...READY, status: 'failed' })).toBe(false);
    expect(isPlayable({ ...READY, url: null })).toBe(false);
    expect(isPlayable(READY)).toBe(true);
  });

  it('waits for a film while rendering, or while a qualifying artwork has none yet', () => {
    expect(awaitingFilm(null, true)).toBe(false);
    expect(awaitingFilm({ ...NONE, status: 'pending' }, false)).toBe(true);
    expect(awaitingFilm(NONE, true)).toBe(true);
    expect(awaitingFilm(NONE, false)).toBe(false);
    expect(awaitingFilm(READY, true)).toBe(false);
    expect(awaitingFilm({ ...NONE, status: 'failed' }, true)).toBe(false);
  });

  it('takes socket updates for its artwork only, and never an older one', () => {
    const newer = { ...READY, updatedAt: '2026-12-06T11:00:00.000Z', albumId: 'a1' };
    expect(applyTimelapseUpdate(NONE, 'a1', { ...READY, albumId: 'other' })).toBe(NONE);
    expect(applyTimelapseUpdate(READY, 'a1', newer)).toEqual({ ...READY, updatedAt: newer.updatedAt });
    expect(applyTimelapseUpdate(newer, 'a1', { ...READY, albumId: 'a1' })).toBe(newer);
    expect(applyTimelapseUpdate(READY, 'a1', { ...NONE, albumId: 'a1' })).toEqual(NONE);
  });

  it('names the download after the artwork and sizes it', () => {
    expect(filmFileName('Harbour at Dawn — Lisboa!')).toBe('harbour-at-dawn-lisboa-process.webp');
    expect(filmFileName('  ')).toBe('artwork-process.webp');
    expect(formatBytes(1_250_000)).toBe('1.3 MB');
    expect(formatBytes(420_000)).toBe('420 kB');
  });
});
