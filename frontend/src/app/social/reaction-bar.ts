import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';

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

  private readonly show = effect(() => this.reactions.show(this.album()));
}
