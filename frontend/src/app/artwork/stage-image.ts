import { isPlatformServer } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  PLATFORM_ID,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  viewChild,
} from '@angular/core';
import type { Image } from '@gallery/contracts';

import { placeholderDataUrl } from './thumbhash';

/**
 * A stage's picture: the blurred placeholder at once, the real image fading in over it when it
 * has arrived. The box takes the original's aspect ratio from the start, so nothing jumps.
 * `fit="cover"` fills a fixed box instead (thumbnails in lists).
 */
@Component({
  selector: 'app-stage-image',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.cover]': "fit() === 'cover'",
    '[class.loaded]': 'loaded()',
    '[style.aspect-ratio]': "fit() === 'cover' ? null : ratio()",
    '[style.background-image]': 'placeholderCss()',
  },
  template: `
    <img
      #img
      [attr.fetchpriority]="priority() ? 'high' : null"
      [attr.srcset]="srcset()"
      [attr.sizes]="srcset() ? sizes() : null"
      [src]="src()"
      [alt]="alt()"
      [width]="image().width"
      [height]="image().height"
      [attr.loading]="eager() ? null : 'lazy'"
      decoding="async"
      draggable="false"
      (load)="loaded.set(true)"
    />
  `,
  styles: `
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      background-color: var(--surface-2);
      background-size: cover;
      background-position: center;
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: contain;
      opacity: 0;
      transition: opacity 0.35s ease;
    }
    :host(.cover) img {
      object-fit: cover;
    }
    :host(.loaded) img {
      opacity: 1;
    }
  `,
})
export class StageImage {
  readonly image = input.required<Image>();
  /** Describes the picture for screen readers; empty when a caption next to it already does. */
  readonly alt = input('');
  /** `thumb` (~400 px) for lists and cards, `preview` (≤ 1600 px) for large views. */
  readonly size = input<'thumb' | 'preview'>('thumb');
  readonly fit = input<'contain' | 'cover'>('contain');
  /** Candidates with widths (`url 400w, …`), so the browser picks what the layout needs. */
  readonly srcset = input<string | null>(null);
  /** How wide the image is drawn, for srcset; see the `sizes` attribute. */
  readonly sizes = input<string | null>(null);
  /** Load at once instead of when scrolled near (the first screen's images). */
  readonly eager = input(false);
  /** The page's main picture (its LCP): fetched before other images. */
  readonly priority = input(false);

  private readonly platform = inject(PLATFORM_ID);

  protected readonly src = computed(() =>
    this.size() === 'preview' ? this.image().previewUrl : this.image().thumbUrl,
  );
  protected readonly ratio = computed(() => `${this.image().width} / ${this.image().height}`);
  /**
   * Not in a page the server renders: each is a ~4 KB PNG data URL, a third of the html's weight
   * for a screenful of cards, for a picture that usually arrives as fast. The browser adds them
   * once it has taken the page over.
   */
  protected readonly placeholderCss = computed(() => {
    if (isPlatformServer(this.platform)) return null;
    const url = placeholderDataUrl(this.image().placeholder);
    return url ? `url("${url}")` : null;
  });
  /**
   * Back to false whenever another picture is asked for. A page rendered by the server shows its
   * pictures as they arrive, without the fade: they are part of its first paint (and its largest
   * one is the page's LCP, which a transparent picture would push back to after the app started).
   */
  protected readonly loaded = linkedSignal({
    source: this.src,
    computation: () => isPlatformServer(this.platform),
  });
  private readonly img = viewChild.required<ElementRef<HTMLImageElement>>('img');

  constructor() {
    // Taken over from the server's html, the picture may have arrived before the app could
    // listen for its load event.
    afterNextRender(() => {
      const img = this.img().nativeElement;
      if (img.complete && img.naturalWidth > 0) this.loaded.set(true);
    });
  }
}
