import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { LIMITS } from '@gallery/contracts';

import { describeApiError, hasStatus } from '../api/api-error';
import { fieldError, focusFirstInvalid } from '../forms/field-error';
import { safeReturnUrl } from './guards';
import { Session } from './session';
import { USERNAME_MESSAGES, normalizeUsername, usernameValidators } from './username';

@Component({
  selector: 'app-register',
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './register.html',
  styleUrl: './auth-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Register {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  /** From the query string (withComponentInputBinding), as on the sign-in page. */
  readonly returnUrl = input<string>();

  protected readonly limits = LIMITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', usernameValidators],
    displayName: ['', Validators.maxLength(LIMITS.displayName.max)],
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(LIMITS.password.min),
        Validators.maxLength(LIMITS.password.max),
      ],
    ],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected usernameError(): string | null {
    return fieldError(this.form.controls.username, 'Username', USERNAME_MESSAGES);
  }

  protected displayNameError(): string | null {
    return fieldError(this.form.controls.displayName, 'Display name');
  }

  protected passwordError(): string | null {
    return fieldError(this.form.controls.password, 'Password');
  }

  protected async register(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { username, displayName, password } = this.form.getRawValue();
    this.submitting.set(true);
    try {
      const me = await this.session.register({
        username: normalizeUsername(username),
        password,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      // Joined from a sign-in prompt: back to where the visitor was; otherwise to their new page.
      const back = this.returnUrl();
      await (back
        ? this.router.navigateByUrl(safeReturnUrl(back))
        : this.router.navigate(['/u', me.username]));
    } catch (error) {
      if (hasStatus(error, 409)) {
        const taken = this.form.controls.username;
        taken.setErrors({ server: 'That username is taken — try another' });
        taken.markAsTouched();
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.error.set(describeApiError(error));
      }
    } finally {
      this.submitting.set(false);
    }
  }
}
