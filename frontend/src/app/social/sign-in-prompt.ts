import { DIALOG_DATA, Dialog, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, Injectable, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

export interface SignInPromptData {
  /** Why, e.g. "Sign in to like this artwork". */
  readonly reason: string;
  /** Where sign-in (or joining) brings the visitor back to. */
  readonly returnUrl: string;
}

/** A small dialog that says why signing in is needed, with Sign in and Join links that come back here. */
@Component({
  selector: 'app-sign-in-prompt',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="sign-in-prompt-title">{{ data.reason }}</h2>
    <p id="sign-in-prompt-message">You’ll come back to this page afterwards.</p>
    <div class="buttons">
      <button type="button" class="btn" (click)="ref.close()">Not now</button>
      <a
        class="btn"
        routerLink="/register"
        [queryParams]="{ returnUrl: data.returnUrl }"
        (click)="ref.close()"
      >
        Join
      </a>
      <a
        class="btn btn-primary"
        data-autofocus
        routerLink="/login"
        [queryParams]="{ returnUrl: data.returnUrl }"
        (click)="ref.close()"
        >Sign in</a
      >
    </div>
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
      width: min(400px, calc(100vw - 32px));
      padding: 22px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--text);
      box-shadow: var(--shadow-md);
    }
    h2 {
      font-size: 1.15rem;
    }
    p {
      color: var(--text-muted);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 10px;
    }
  `,
})
export class SignInPromptDialog {
  protected readonly data = inject<SignInPromptData>(DIALOG_DATA);
  protected readonly ref = inject(DialogRef);
}

@Injectable({ providedIn: 'root' })
export class SignInPrompt {
  private readonly dialog = inject(Dialog);

  open(data: SignInPromptData): void {
    this.dialog.closeAll();
    this.dialog.open(SignInPromptDialog, {
      data,
      role: 'dialog',
      ariaLabelledBy: 'sign-in-prompt-title',
      ariaDescribedBy: 'sign-in-prompt-message',
      autoFocus: '[data-autofocus]',
      backdropClass: 'gallery-backdrop',
    });
  }
}
