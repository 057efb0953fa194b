import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { Theme } from './theme';

/** Sun/moon button in the header. */
@Component({
  selector: 'app-theme-toggle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="toggle"
      aria-label="Toggle dark theme"
      [attr.aria-pressed]="theme.dark()"
      [title]="theme.dark() ? 'Switch to light theme' : 'Switch to dark theme'"
      (click)="theme.toggle()"
    >
      @if (theme.dark()) {
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <circle cx="12" cy="12" r="4.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path
            d="M12 2.5v2.2M12 19.3v2.2M4.6 4.6l1.6 1.6M17.8 17.8l1.6 1.6M2.5 12h2.2M19.3 12h2.2M4.6 19.4l1.6-1.6M17.8 6.2l1.6-1.6"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
          />
        </svg>
      } @else {
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linejoin="round"
          />
        </svg>
      }
    </button>
  `,
  styles: `
    .toggle {
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border: 1px solid transparent;
      border-radius: 50%;
      background: transparent;
      color: var(--text);
      cursor: pointer;
      transition: background-color 0.15s ease;
    }
    .toggle:hover {
      background: var(--surface-2);
    }
    .toggle:focus-visible {
      border-radius: 50%;
    }
  `,
})
export class ThemeToggle {
  protected readonly theme = inject(Theme);
}
