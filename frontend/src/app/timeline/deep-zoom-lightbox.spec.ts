import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';

import { image, stage } from '../testing/artworks';
import { Lightbox, type LightboxData } from './lightbox';

/** A stand-in for OpenSeadragon: records what the lightbox asks of it. */
interface FakeViewport {
  zoom: number;
  flipped: boolean;
  getHomeZoom(): number;
  getZoom(): number;
  getMaxZoom(): number;
  zoomBy: jest.Mock;
  applyConstraints: jest.Mock;
  goHome: jest.Mock;
  setFlip: jest.Mock;
}
const viewport: FakeViewport = {
  zoom: 1,
  flipped: false,
  getHomeZoom: () => 1,
  getZoom: (): number => viewport.zoom,
  getMaxZoom: () => 4,
  zoomBy: jest.fn((factor: number) => (viewport.zoom *= factor)),
  applyConstraints: jest.fn(),
  goHome: jest.fn(() => (viewport.zoom = 1)),
  setFlip: jest.fn((flip: boolean) => (viewport.flipped = flip)),
};
const handlers = new Map<string, (event: Record<string, unknown>) => void>();
const viewer = {
  viewport,
  open: jest.fn(),
  destroy: jest.fn(),
  addHandler: (name: string, handler: (event: Record<string, unknown>) => void) =>
    handlers.set(name, handler),
};
const create = jest.fn((_options: Record<string, unknown>) => viewer);
jest.mock('openseadragon', () => ({
  __esModule: true,
  default: (options: Record<string, unknown>) => create(options),
}));

const TILES = { url: '/media/big.dzi', format: 'dzi' as const, width: 3000, height: 2000 };

describe('Lightbox with a deep-zoom stage', () => {
  let fixture: ComponentFixture<Lightbox>;
  let host: HTMLElement;
  let keys: Subject<KeyboardEvent>;

  beforeEach(async () => {
    handlers.clear();
    viewport.zoom = 1;
    keys = new Subject<KeyboardEvent>();
    const data: LightboxData = {
      stages: [
        stage('s1', 0),
        stage('s2', 1, { image: { ...image('s2', 1600, 1067), tiles: TILES } }),
        stage('s3', 2),
      ],
      index: 1,
    };
    TestBed.configureTestingModule({
      imports: [Lightbox],
      providers: [
        { provide: DIALOG_DATA, useValue: data },
        { provide: DialogRef, useValue: { keydownEvents: keys, close: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(Lightbox);
    host = fixture.nativeElement;
    await settle();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  async function press(key: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key, cancelable: true });
    keys.next(event);
    await settle();
    return event;
  }

  const zoom = () => host.querySelector('.zoom-level')?.textContent?.replace(/\s/g, '');

  it('opens OpenSeadragon on the DZI, with no stock buttons, and leaves keys to the lightbox', async () => {
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        tileSources: '/media/big.dzi',
        showNavigationControl: false,
        drawer: 'canvas',
      }),
    );
    expect(host.querySelector('app-deep-zoom')).not.toBeNull();
    expect(host.querySelector('app-stage-image')).toBeNull();
    const key: Record<string, unknown> = { preventDefaultAction: false };
    handlers.get('canvas-key')!(key);
    expect(key['preventDefaultAction']).toBe(true);
  });

  it('zooms the viewer with + and − and shows its zoom, and 0 goes home', async () => {
    handlers.get('open')!({});
    await settle();
    expect(zoom()).toBe('100%');
    await press('+');
    expect(viewport.zoomBy).toHaveBeenLastCalledWith(1.4);
    handlers.get('zoom')!({});
    await settle();
    expect(zoom()).toBe('140%');
    await press('0');
    expect(viewport.goHome).toHaveBeenCalled();
  });

  it('mirrors with the viewer’s flip, filters with CSS, and steps to plain stages with the arrows', async () => {
    await press('m');
    expect(viewport.setFlip).toHaveBeenLastCalledWith(true);
    await press('g');
    expect(host.querySelector<HTMLElement>('app-deep-zoom')!.style.filter).toBe('grayscale(1)');
    await press('ArrowRight');
    expect(host.querySelector('.count')?.textContent?.trim()).toBe('3 / 3');
    expect(host.querySelector('app-deep-zoom')).toBeNull();
    expect(viewer.destroy).toHaveBeenCalled();
  });
});
