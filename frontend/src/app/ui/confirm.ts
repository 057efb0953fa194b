import { DIALOG_DATA, Dialog, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

export interface ConfirmOptions {
  readonly title: string;
  readonly message: string;
  /** The button that goes ahead, e.g. "Delete stage". */
  readonly confirmLabel: string;
}

/** A question with Cancel (focused first, so Enter never destroys anything) and a red go-ahead. */
@Component({
  selector: 'app-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="confirm-title">{{ options.title }}</h2>
    <p id="confirm-message">{{ options.message }}</p>
    <div class="buttons">
      <button type="button" class="btn" data-autofocus (click)="ref.close(false)">Cancel</button>
      <button type="button" class="btn btn-danger" (click)="ref.close(true)">
        {{ options.confirmLabel }}
      </button>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 14px;
      width: min(440px, calc(100vw - 32px));
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
    p {
      color: var(--text-muted);
      overflow-wrap: anywhere;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 10px;
      margin-top: 6px;
    }
    .btn-danger {
      background: var(--danger);
      border-color: var(--danger);
      color: var(--surface);
    }
    .btn-danger:hover {
      background: color-mix(in srgb, var(--danger) 85%, var(--text));
      border-color: transparent;
      color: var(--surface);
    }
  `,
})
export class ConfirmDialog {
  protected readonly options = inject<ConfirmOptions>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<boolean>>(DialogRef);
}

/** Asks before something that cannot be undone. */
@Injectable({ providedIn: 'root' })
export class Confirm {
  private readonly dialog = inject(Dialog);

  /** True when the person chose to go ahead; Cancel, Escape and a click outside say no. */
  async ask(options: ConfirmOptions): Promise<boolean> {
    const ref = this.dialog.open<boolean, ConfirmOptions>(ConfirmDialog, {
      data: options,
      role: 'alertdialog',
      ariaLabelledBy: 'confirm-title',
      ariaDescribedBy: 'confirm-message',
      autoFocus: '[data-autofocus]',
      backdropClass: 'gallery-backdrop',
    });
    return (await firstValueFrom(ref.closed)) === true;
  }
}
