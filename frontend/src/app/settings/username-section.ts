import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';

import { describeApiError, hasStatus } from '../api/api-error';
import { Session } from '../auth/session';
import { USERNAME_MESSAGES, normalizeUsername, usernameValidators } from '../auth/username';
import { fieldError, focusFirstInvalid } from '../forms/field-error';
import { SavedMark } from '../ui/saved-mark';
import { Account } from './account';

/** Changing the username moves the painter's page address. */
@Component({
  selector: 'app-username-section',
  imports: [ReactiveFormsModule, SavedMark],
  templateUrl: './username-section.html',
  styleUrl: './section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsernameSection {
  private readonly account = inject(Account);
  private readonly session = inject(Session);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [this.session.username() ?? '', usernameValidators],
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);

  protected usernameError(): string | null {
    return fieldError(this.form.controls.username, 'Username', USERNAME_MESSAGES);
  }

  protected address(): string {
    return normalizeUsername(this.form.controls.username.value) || 'name';
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    this.saved.set(false);
    const control = this.form.controls.username;
    if (control.invalid) {
      control.markAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const username = normalizeUsername(control.value);
    if (username === this.session.username()) {
      this.form.reset({ username });
      return;
    }
    this.saving.set(true);
    try {
      const me = await this.account.updateProfile({ username });
      this.form.reset({ username: me.username });
      this.saved.set(true);
    } catch (error) {
      if (hasStatus(error, 409)) {
        control.setErrors({ server: 'That username is taken — try another' });
        control.markAsTouched();
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.error.set(describeApiError(error));
      }
    } finally {
      this.saving.set(false);
    }
  }
}
