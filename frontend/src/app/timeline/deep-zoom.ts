import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { DeepZoomTiles } from '@gallery/contracts';
import type OpenSeadragon from 'openseadragon';

/** How far past the original's own pixels one may zoom (2 = each pixel twice as wide). */
const MAX_PIXEL_RATIO = 2;

/**
 * A stage at full resolution: OpenSeadragon on the stage's DeepZoom pyramid, with pan, wheel
 * and pinch zoom. The library is fetched on first use, so no page pays for it up front. Keys
 * stay with the lightbox (which calls zoomBy/home); the mirror is OpenSeadragon's own flip, so
 * dragging still follows the finger, while the other tools are CSS filters on the host.
 */
@Component({
  selector: 'app-deep-zoom',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #canvas class="canvas" role="img" [attr.aria-label]="alt()"></div>
    @if (failed()) {
      <p class="failed" role="alert">The full-size image couldn’t be loaded.</p>
    } @else if (!ready()) {
      <p class="loading" aria-busy="true">Loading the full-size image…</p>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: block;
      width: 100%;
      height: 100%;
    }
    .canvas {
      position: absolute;
      inset: 0;
      touch-action: none;
    }
    .loading,
    .failed {
      position: absolute;
      inset: auto 0 16px;
      margin: 0;
      color: rgb(243 239 233 / 75%);
      font-size: 0.9rem;
      text-align: center;
      pointer-events: none;
    }
  `,
})
export class DeepZoom {
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');

  readonly tiles = input.required<DeepZoomTiles>();
  /** Describes the picture for screen readers. */
  readonly alt = input('');
  readonly mirror = input(false);

  /** Zoom relative to the whole picture fitting the screen (1 = fitted). */
  readonly zoom = signal(1);
  /** The largest `zoom` allowed: the original's pixels at MAX_PIXEL_RATIO. */
  readonly maxZoom = signal(1);
  readonly ready = signal(false);
  readonly failed = signal(false);

  private viewer: OpenSeadragon.Viewer | null = null;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.viewer?.destroy();
      this.viewer = null;
    });
    afterNextRender(() => void this.start());

    // Another stage's pyramid in the same viewer.
    effect(() => {
      const url = this.tiles().url;
      untracked(() => {
        if (this.viewer) {
          this.ready.set(false);
          this.failed.set(false);
          this.viewer.open({ tileSource: url });
        }
      });
    });

    effect(() => {
      const mirror = this.mirror();
      untracked(() => this.viewer?.viewport.setFlip(mirror));
    });
  }

  zoomBy(factor: number): void {
    const viewport = this.viewer?.viewport;
    if (viewport) {
      viewport.zoomBy(factor);
      viewport.applyConstraints();
    }
  }

  home(): void {
    this.viewer?.viewport.goHome();
  }

  private async start(): Promise<void> {
    // '.js'-less on purpose: a package, not a file; esbuild splits it into its own chunk.
    const { default: OSD } = await import('openseadragon');
    if (this.destroyed) {
      return;
    }
    const viewer = OSD({
      element: this.canvas().nativeElement,
      tileSources: this.tiles().url,
      // No stock buttons (and so no button images to fetch): the lightbox has its own.
      showNavigationControl: false,
      showSequenceControl: false,
      // The plain 2D canvas: WebGL would refuse tiles served from another origin without CORS.
      drawer: 'canvas',
      visibilityRatio: 1,
      constrainDuringPan: true,
      minZoomImageRatio: 1,
      maxZoomPixelRatio: MAX_PIXEL_RATIO,
      animationTime: 0.5,
      springStiffness: 9,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true, scrollToZoom: true },
      gestureSettingsTouch: { pinchToZoom: true, flickEnabled: true, dblClickToZoom: true },
      flipped: this.mirror(),
    });
    this.viewer = viewer;
    // Keys belong to the lightbox (arrows step through stages, Esc closes).
    viewer.addHandler('canvas-key', (event) => {
      event.preventDefaultAction = true;
    });
    viewer.addHandler('open', () => {
      this.ready.set(true);
      this.failed.set(false);
      this.measure();
    });
    viewer.addHandler('open-failed', () => this.failed.set(true));
    viewer.addHandler('zoom', () => this.measure());
    viewer.addHandler('resize', () => this.measure());
  }

  private measure(): void {
    const viewport = this.viewer?.viewport;
    if (!viewport) {
      return;
    }
    const home = viewport.getHomeZoom();
    this.zoom.set(viewport.getZoom() / home);
    this.maxZoom.set(viewport.getMaxZoom() / home);
  }
}
