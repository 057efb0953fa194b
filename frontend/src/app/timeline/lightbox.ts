import { DIALOG_DATA, DialogRef } from '@angular/cdk/dialog';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Stage } from '@gallery/contracts';

import { StageImage } from '../artwork/stage-image';
import { stageKindLabel } from '../artwork/stage-kinds';
import type { PainterTools } from '../painter-tools/painter-tools';
import { ToolBar } from '../painter-tools/tool-bar';
import { ToolSettings } from '../painter-tools/tool-settings';
import { DeepZoom } from './deep-zoom';

export interface LightboxData {
  /** Stages with an image, in timeline order. */
  readonly stages: readonly Stage[];
  /** The one to show first. */
  readonly index: number;
  /** The painter's tools on the page that opened it, to start with the same. */
  readonly tools?: PainterTools;
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 5;
const ZOOM_STEP = 1.4;
/** Horizontal travel (px) that counts as a swipe to the next or previous stage. */
const SWIPE_PX = 50;

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A stage enlarged over the page: zoom (wheel, +/−, double-click), pan by dragging when zoomed,
 * previous/next with the arrow keys, the buttons or a swipe, and the painter's tools (G, M, S,
 * V). A stage with a DeepZoom pyramid opens in OpenSeadragon instead, at full resolution, with
 * pinch and pan; the same buttons and keys drive it. Opened through the CDK Dialog,
 * which traps focus, closes on Escape and gives focus back to the thumbnail that opened it.
 */
@Component({
  selector: 'app-lightbox',
  imports: [DeepZoom, StageImage, ToolBar],
  providers: [ToolSettings],
  templateUrl: './lightbox.html',
  styleUrl: './lightbox.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Lightbox {
  private readonly data = inject<LightboxData>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<void>>(DialogRef);
  protected readonly tools = inject(ToolSettings);
  private readonly area = viewChild.required<ElementRef<HTMLElement>>('area');
  private readonly deepZoom = viewChild(DeepZoom);

  protected readonly stages = this.data.stages;
  protected readonly index = signal(clamp(this.data.index, 0, this.data.stages.length - 1));
  protected readonly stage = computed(() => this.stages[this.index()]);
  protected readonly total = this.stages.length;
  protected readonly kindLabel = stageKindLabel;
  /** The stage's full-resolution pyramid, when it has one: then OpenSeadragon shows it. */
  protected readonly tiles = computed(() => this.stage().image?.tiles ?? null);
  protected readonly zoom = signal(MIN_ZOOM);
  protected readonly offset = signal<Point>({ x: 0, y: 0 });
  protected readonly panning = signal(false);
  protected readonly transform = computed(() => {
    const { x, y } = this.offset();
    return `translate(${x}px, ${y}px) scale(${this.zoom()})`;
  });
  /** The zoom on screen, from whichever viewer shows the stage. */
  private readonly shownZoom = computed(() => {
    const deep = this.tiles() ? this.deepZoom() : undefined;
    return deep ? deep.zoom() : this.zoom();
  });
  protected readonly canZoomIn = computed(() => {
    const deep = this.tiles() ? this.deepZoom() : undefined;
    return deep ? deep.zoom() < deep.maxZoom() - 0.001 : this.zoom() < MAX_ZOOM;
  });
  protected readonly canZoomOut = computed(() => this.shownZoom() > MIN_ZOOM + 0.001);
  protected readonly zoomPercent = computed(() => Math.round(this.shownZoom() * 100));

  private pointer: { id: number; start: Point; from: Point } | null = null;

  constructor() {
    if (this.data.tools) {
      this.tools.set(this.data.tools);
    }
    this.ref.keydownEvents.pipe(takeUntilDestroyed()).subscribe((event) => this.handleKey(event));
    this.preloadNeighbours();
  }

  protected previous(): void {
    this.show(this.index() - 1);
  }

  protected next(): void {
    this.show(this.index() + 1);
  }

  /** Another stage starts unzoomed; its neighbours are fetched ahead so stepping feels instant. */
  private show(index: number): void {
    const wanted = clamp(index, 0, this.total - 1);
    if (wanted === this.index()) {
      return;
    }
    this.index.set(wanted);
    this.zoom.set(MIN_ZOOM);
    this.offset.set({ x: 0, y: 0 });
    this.preloadNeighbours();
  }

  private preloadNeighbours(): void {
    const index = this.index();
    for (const neighbour of [this.stages[index - 1], this.stages[index + 1]]) {
      if (neighbour?.image && typeof Image !== 'undefined') {
        new Image().src = neighbour.image.previewUrl;
      }
    }
  }

  protected handleKey(event: KeyboardEvent): void {
    switch (event.key) {
      case 'ArrowLeft':
        this.previous();
        break;
      case 'ArrowRight':
        this.next();
        break;
      case '+':
      case '=':
        this.zoomBy(ZOOM_STEP);
        break;
      case '-':
        this.zoomBy(1 / ZOOM_STEP);
        break;
      case '0':
        if (this.tiles()) {
          this.deepZoom()?.home();
        } else {
          this.zoomTo(MIN_ZOOM);
        }
        break;
      default:
        if (!this.tools.handleKey(event)) {
          return;
        }
    }
    event.preventDefault();
  }

  protected zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  protected zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  protected zoomBy(factor: number, at?: Point): void {
    if (this.tiles()) {
      this.deepZoom()?.zoomBy(factor);
      return;
    }
    this.zoomTo(this.zoom() * factor, at);
  }

  /** Double-click: in to 2.5× where clicked, or back out. */
  protected toggleZoom(event: MouseEvent): void {
    if (this.tiles()) {
      return;
    }
    this.zoomTo(this.zoom() > MIN_ZOOM ? MIN_ZOOM : 2.5, this.fromCentre(event));
  }

  protected wheel(event: WheelEvent): void {
    if (this.tiles()) {
      return;
    }
    event.preventDefault();
    this.zoomBy(event.deltaY < 0 ? 1.15 : 1 / 1.15, this.fromCentre(event));
  }

  protected pointerDown(event: PointerEvent): void {
    if (event.button !== 0 || this.pointer || this.tiles()) {
      return;
    }
    this.pointer = {
      id: event.pointerId,
      start: { x: event.clientX, y: event.clientY },
      from: this.offset(),
    };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.panning.set(this.zoom() > MIN_ZOOM);
  }

  protected pointerMove(event: PointerEvent): void {
    if (!this.pointer || event.pointerId !== this.pointer.id || this.zoom() === MIN_ZOOM) {
      return;
    }
    const { start, from } = this.pointer;
    this.offset.set(
      this.clampOffset({ x: from.x + event.clientX - start.x, y: from.y + event.clientY - start.y }),
    );
  }

  protected pointerUp(event: PointerEvent): void {
    if (!this.pointer || event.pointerId !== this.pointer.id) {
      return;
    }
    const dx = event.clientX - this.pointer.start.x;
    const dy = event.clientY - this.pointer.start.y;
    this.pointer = null;
    this.panning.set(false);
    // Unzoomed, a sideways drag turns the page like a swipe does.
    if (this.zoom() === MIN_ZOOM && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
      if (dx < 0) {
        this.next();
      } else {
        this.previous();
      }
    }
  }

  protected pointerCancel(): void {
    this.pointer = null;
    this.panning.set(false);
  }

  private zoomTo(wanted: number, at: Point = { x: 0, y: 0 }): void {
    const before = this.zoom();
    const after = clamp(wanted, MIN_ZOOM, MAX_ZOOM);
    if (after === before) {
      return;
    }
    // Keep the point under the pointer where it is while the scale changes around it.
    const { x, y } = this.offset();
    const ratio = after / before;
    this.zoom.set(after);
    this.offset.set(this.clampOffset({ x: at.x - (at.x - x) * ratio, y: at.y - (at.y - y) * ratio }));
  }

  /** Pointer position relative to the middle of the viewing area. */
  private fromCentre(event: MouseEvent): Point {
    const box = this.area().nativeElement.getBoundingClientRect();
    return { x: event.clientX - (box.left + box.width / 2), y: event.clientY - (box.top + box.height / 2) };
  }

  /** No dragging the picture out of sight: at most half its enlarged overhang each way. */
  private clampOffset({ x, y }: Point): Point {
    const box = this.area().nativeElement.getBoundingClientRect();
    const spareX = (box.width * (this.zoom() - 1)) / 2;
    const spareY = (box.height * (this.zoom() - 1)) / 2;
    return { x: clamp(x, -spareX, spareX), y: clamp(y, -spareY, spareY) };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
