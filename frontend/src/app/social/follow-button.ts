import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { FollowToggle } from './follow-toggle';

/**
 * Follow / Following for the painter on screen. The state is the painter page's
 * {@link FollowToggle}, which also keeps the follower count the page shows.
 */
@Component({
  selector: 'app-follow-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="btn"
      [class.btn-primary]="!follow.following()"
      [class.following]="follow.following()"
      (click)="follow.flip()"
    >
      @if (follow.following()) {
        <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
          <path d="M3 8.5l3 3 7-7" />
        </svg>
        Following
      } @else {
        <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
          <path d="M8 3v10M3 8h10" />
        </svg>
        Follow
      }
    </button>
    @if (follow.error(); as message) {
      <p class="field-error" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      justify-items: start;
      gap: 8px;
    }
    .btn {
      min-width: 132px;
    }
    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .following svg {
      color: var(--success);
    }
  `,
})
export class FollowButton {
  protected readonly follow = inject(FollowToggle);
}
