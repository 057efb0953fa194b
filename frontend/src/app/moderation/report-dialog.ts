import { DIALOG_DATA, Dialog, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, Injectable, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { LIMITS, REPORT_REASONS, type ReportReason, type ReportTarget } from '@gallery/contracts';
import { firstValueFrom } from 'rxjs';

import { describeApiError } from '../api/api-error';
import { ReportsApi } from './reports-api';

export interface ReportDialogData {
  readonly target: ReportTarget;
  /** What is reported, in words: "this artwork", "this message", "@ada". */
  readonly what: string;
}

const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam or advertising',
  abuse: 'Harassment or abuse',
  nudity: 'Nudity or sexual content',
  copyright: 'Someone else’s work (copyright)',
  'ai-generated': 'AI-generated, presented as painted',
  other: 'Something else',
};

/** Reason and optional details, then a confirmation that says what happens next. */
@Component({
  selector: 'app-report-dialog',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (done(); as outcome) {
      <h2 id="report-title">
        {{ outcome === 'created' ? 'Thanks, we got your report' : 'Already reported' }}
      </h2>
      <p id="report-message">
        @if (outcome === 'created') {
          A moderator will look at {{ data.what }} soon. If it breaks the rules they will hide or remove it,
          or suspend the account; nothing changes until then, and the painter is not told who reported it.
        } @else {
          You already reported {{ data.what }}; a moderator will review it. There is no need to report it
          again.
        }
      </p>
      <div class="buttons">
        <button type="button" class="btn btn-primary" data-autofocus (click)="ref.close()">Done</button>
      </div>
    } @else {
      <h2 id="report-title">Report {{ data.what }}</h2>
      <form (submit)="$event.preventDefault(); send()">
        <fieldset>
          <legend>What is wrong?</legend>
          @for (r of reasons; track r) {
            <label class="reason">
              <input
                type="radio"
                name="reason"
                [value]="r"
                [ngModel]="reason()"
                (ngModelChange)="reason.set($event)"
              />
              {{ label(r) }}
            </label>
          }
        </fieldset>
        <label class="details">
          Details for the moderator (optional)
          <textarea
            name="details"
            rows="3"
            [maxLength]="max"
            [ngModel]="details()"
            (ngModelChange)="details.set($event)"
          ></textarea>
        </label>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="buttons">
          <button type="button" class="btn" (click)="ref.close()">Cancel</button>
          <button type="submit" class="btn btn-primary" data-autofocus [disabled]="!reason() || sending()">
            Send report
          </button>
        </div>
      </form>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 14px;
      width: min(480px, calc(100vw - 32px));
      padding: 24px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      box-shadow: var(--shadow-md);
    }
    h2 {
      font-size: 1.2rem;
    }
    form,
    fieldset {
      display: grid;
      gap: 8px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      margin-bottom: 6px;
      font-weight: 600;
    }
    .reason {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .details {
      display: grid;
      gap: 4px;
    }
    .error {
      color: var(--danger);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 10px;
    }
  `,
})
export class ReportDialog {
  protected readonly data = inject<ReportDialogData>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<void>>(DialogRef);
  private readonly api = inject(ReportsApi);

  protected readonly reasons = REPORT_REASONS;
  protected readonly max = LIMITS.reportDetails.max;
  protected readonly reason = signal<ReportReason | null>(null);
  protected readonly details = signal('');
  protected readonly sending = signal(false);
  protected readonly error = signal('');
  protected readonly done = signal<'created' | 'existing' | null>(null);

  protected label(reason: ReportReason): string {
    return REASON_LABELS[reason];
  }

  protected async send(): Promise<void> {
    const reason = this.reason();
    if (!reason) return;
    this.sending.set(true);
    this.error.set('');
    try {
      const details = this.details().trim();
      const { created } = await this.api.report({
        target: this.data.target,
        reason,
        ...(details ? { details } : {}),
      });
      this.done.set(created ? 'created' : 'existing');
    } catch (err) {
      this.error.set(describeApiError(err, { 404: 'That is no longer there to report.' }));
    } finally {
      this.sending.set(false);
    }
  }
}

/** Opens the report dialog. */
@Injectable({ providedIn: 'root' })
export class ReportFlow {
  private readonly dialog = inject(Dialog);

  async open(data: ReportDialogData): Promise<void> {
    const ref = this.dialog.open<void, ReportDialogData>(ReportDialog, {
      data,
      role: 'dialog',
      ariaLabelledBy: 'report-title',
      autoFocus: 'first-tabbable',
      backdropClass: 'gallery-backdrop',
    });
    await firstValueFrom(ref.closed);
  }
}
