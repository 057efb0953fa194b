import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  effect,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { StageImage } from '../artwork/stage-image';
import { PainterArtworks } from './painter-artworks';

/**
 * A painter's artworks as a grid of covers, newest first; more arrive as the visitor scrolls
 * towards the end (or presses "Show more").
 */
@Component({
  selector: 'app-artwork-grid',
  imports: [DatePipe, RouterLink, StageImage],
  providers: [PainterArtworks],
  templateUrl: './artwork-grid.html',
  styleUrl: './artwork-grid.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ArtworkGrid {
  protected readonly store = inject(PainterArtworks);

  readonly username = input.required<string>();
  readonly displayName = input.required<string>();
  /** The painter is looking at their own page. */
  readonly own = input(false);

  private readonly sentinel = viewChild<ElementRef<HTMLElement>>('sentinel');

  private readonly load = effect(() => {
    const username = this.username();
    untracked(() => void this.store.load(username));
  });

  /**
   * Loads the next page when the end of the grid comes near. Observing afresh after every page
   * makes the observer report again, so a short page that leaves the end in view loads another.
   */
  private readonly loadOnScroll = effect((onCleanup) => {
    const sentinel = this.sentinel()?.nativeElement;
    this.store.cards();
    if (!sentinel || typeof IntersectionObserver === 'undefined') {
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          void this.store.more();
        }
      },
      { rootMargin: '0px 0px 600px 0px' },
    );
    observer.observe(sentinel);
    onCleanup(() => observer.disconnect());
  });
}
