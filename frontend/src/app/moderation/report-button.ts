import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ReportTarget } from '@gallery/contracts';

import { ReportFlow } from './report-dialog';

/** A "Report" button opening the report dialog for `target`. Show it only to signed-in viewers. */
@Component({
  selector: 'app-report-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="btn report" [attr.aria-label]="'Report ' + what()" (click)="open()">
      <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
        <path d="M3 14V2m0 0h8l-1.5 3L11 8H3" fill="none" stroke="currentColor" stroke-width="1.5" />
      </svg>
      <span class="label">{{ label() }}</span>
    </button>
  `,
})
export class ReportButton {
  readonly target = input.required<ReportTarget>();
  /** For the dialog and screen readers: "this artwork", "@ada". */
  readonly what = input.required<string>();
  readonly label = input('Report');
  private readonly flow = inject(ReportFlow);

  protected open(): void {
    void this.flow.open({ target: this.target(), what: this.what() });
  }
}
