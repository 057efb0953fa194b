import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The quiet "✓ Saved" beside a section's button. The live region is always present, so
 * screen readers announce the text when it appears.
 */
@Component({
  selector: 'app-saved-mark',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status' },
  template: `
    @if (shown()) {
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d="M3 8.5l3 3 7-7"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      {{ label() }}
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      color: var(--success);
      font-size: 0.92rem;
      font-weight: 580;
    }
  `,
})
export class SavedMark {
  readonly shown = input.required<boolean>();
  readonly label = input('Saved');
}
