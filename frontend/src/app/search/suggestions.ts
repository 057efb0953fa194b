import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import { StageImage } from '../artwork/stage-image';
import { Avatar } from '../ui/avatar';
import { type Suggestion, Typeahead, suggestionId } from './typeahead';

/**
 * The rows under the header search: painters, artworks (with their covers) and "See all
 * results". Its own component so the first download carries the search box but not this.
 * Rows never take focus; the mouse highlights them, and pressing one keeps focus in the box.
 */
@Component({
  selector: 'app-suggestions',
  imports: [Avatar, StageImage],
  templateUrl: './suggestions.html',
  styleUrl: './suggestions.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Suggestions {
  protected readonly typeahead = inject(Typeahead);

  /** The listbox's id, which the search box names in aria-controls. */
  readonly listId = input.required<string>();
  /** A row was clicked; null is "See all results". */
  readonly choose = output<Suggestion | null>();

  /** Rows before the artworks group, to number artwork rows in list order. */
  protected readonly artworkOffset = computed(() => this.typeahead.painters().length);
  protected readonly optionId = suggestionId;
}
