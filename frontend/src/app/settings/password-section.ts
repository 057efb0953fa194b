import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { LIMITS } from '@gallery/contracts';

import { describeApiError, hasStatus } from '../api/api-error';
import { fieldError, focusFirstInvalid } from '../forms/field-error';
import { SavedMark } from '../ui/saved-mark';
import { Account } from './account';

/** Current and new password; the api signs out every other session. */
@Component({
  selector: 'app-password-section',
  imports: [ReactiveFormsModule, SavedMark],
  templateUrl: './password-section.html',
  styleUrl: './section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordSection {
  private readonly account = inject(Account);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  protected readonly limits = LIMITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [
        Validators.required,
        Validators.minLength(LIMITS.password.min),
        Validators.maxLength(LIMITS.password.max),
      ],
    ],
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);

  protected currentError(): string | null {
    return fieldError(this.form.controls.currentPassword, 'Current password');
  }

  protected newError(): string | null {
    return fieldError(this.form.controls.newPassword, 'New password');
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.saving.set(true);
    try {
      await this.account.changePassword(this.form.getRawValue());
      this.form.reset();
      this.saved.set(true);
    } catch (error) {
      if (hasStatus(error, 403)) {
        const current = this.form.controls.currentPassword;
        current.setErrors({ server: 'Current password is wrong' });
        current.markAsTouched();
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.error.set(describeApiError(error));
      }
    } finally {
      this.saving.set(false);
    }
  }
}
