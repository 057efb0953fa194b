import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type ElementRef, effect, input, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';

import { CardReactions } from '../social/card-reactions';
import { Avatar } from '../ui/avatar';
import type { CardSource } from './card-feed';
import { StageImage } from './stage-image';

/**
 * Artworks as a grid of covers (blurred placeholder first), each opening its timeline, with
 * like and favourite buttons beside the painter. More arrive as the visitor scrolls towards
 * the end, or with "Show more" where that cannot be observed. What to say when the list is
 * empty is projected by the page that uses the grid.
 */
@Component({
  selector: 'app-card-grid',
  imports: [Avatar, CardReactions, DatePipe, RouterLink, StageImage],
  templateUrl: './card-grid.html',
  styleUrl: './card-grid.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CardGrid {
  readonly source = input.required<CardSource>();
  /** Cards name their painter (lists of many painters' works); a painter's own page does not. */
  readonly showPainter = input(false);
  /** How many grey cards stand in while the first page loads. */
  readonly skeletons = input(3);
  /** Names the list for screen readers, e.g. "Recent artworks". */
  readonly label = input<string | null>(null);

  private readonly sentinel = viewChild<ElementRef<HTMLElement>>('sentinel');

  /**
   * Loads the next page when the end of the grid comes near. Observing afresh after every page
   * makes the observer report again, so a short page that leaves the end in view loads another.
   */
  private readonly loadOnScroll = effect((onCleanup) => {
    const sentinel = this.sentinel()?.nativeElement;
    const source = this.source();
    source.cards();
    if (!sentinel || typeof IntersectionObserver === 'undefined') {
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          source.more();
        }
      },
      { rootMargin: '0px 0px 600px 0px' },
    );
    observer.observe(sentinel);
    onCleanup(() => observer.disconnect());
  });

  protected skeletonSlots(): number[] {
    return Array.from({ length: this.skeletons() }, (_, i) => i);
  }
}
