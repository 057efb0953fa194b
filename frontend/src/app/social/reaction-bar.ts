import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';

import { type Reactable, Reactions } from './reactions';

/**
 * Like and Favourite for one artwork, with their counts. Both change at once and go back, with
 * a message, if the api refuses; visitors who are not signed in are sent to sign in first.
 */
@Component({
  selector: 'app-reaction-bar',
  providers: [Reactions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reaction-bar.html',
  styleUrl: './reaction-bar.css',
})
export class ReactionBar {
  protected readonly reactions = inject(Reactions);

  readonly album = input.required<Reactable>();

  /** Only a new copy of the artwork re-runs this, not the store's own state it reads inside. */
  private readonly show = effect(() => {
    const album = this.album();
    untracked(() => this.reactions.show(album));
  });
}
