import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { UserSummary } from '@gallery/contracts';

/**
 * A painter's round picture, or their initials on a colour picked from the username
 * (so the same painter always gets the same colour). Decorative: the name is always shown
 * or spoken next to it.
 */
@Component({
  selector: 'app-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'aria-hidden': 'true',
    '[style.--size.px]': 'size()',
    '[style.--hue]': 'hue()',
  },
  template: `
    @if (src(); as url) {
      <img [src]="url" alt="" [width]="size()" [height]="size()" decoding="async" />
    } @else {
      <span class="initials">{{ initials() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: var(--size);
      height: var(--size);
      border-radius: 50%;
      overflow: hidden;
      background: hsl(var(--hue) 42% 86%);
      color: hsl(var(--hue) 45% 24%);
      box-shadow: inset 0 0 0 1px rgb(0 0 0 / 6%);
      user-select: none;
    }
    :host-context([data-theme='dark']) {
      background: hsl(var(--hue) 28% 30%);
      color: hsl(var(--hue) 60% 88%);
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .initials {
      font-size: calc(var(--size) * 0.4);
      font-weight: 620;
      letter-spacing: 0.02em;
      line-height: 1;
    }
  `,
})
export class Avatar {
  readonly user = input.required<Pick<UserSummary, 'username' | 'displayName' | 'avatarUrl'>>();
  readonly size = input(40);
  /** Shows this picture instead of the stored one, e.g. a file chosen but not uploaded yet. */
  readonly preview = input<string | null>(null);

  protected readonly src = computed(() => this.preview() ?? this.user().avatarUrl);

  protected readonly initials = computed(() => {
    const { displayName, username } = this.user();
    const words = displayName.trim().split(/\s+/).filter(Boolean);
    const letters =
      words.length >= 2 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? username).charAt(0);
    return letters.toUpperCase();
  });

  protected readonly hue = computed(() => {
    let hash = 0;
    for (const char of this.user().username) {
      hash = (hash * 31 + char.charCodeAt(0)) % 360;
    }
    return hash;
  });
}
