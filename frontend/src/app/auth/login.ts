import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { describeApiError } from '../api/api-error';
import { fieldError, focusFirstInvalid } from '../forms/field-error';
import { safeReturnUrl } from './guards';
import { Session } from './session';
import { normalizeUsername } from './username';

@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, RouterLink],
  templateUrl: './login.html',
  styleUrl: './auth-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  /** Where to go afterwards (query parameter, set by the settings guard and similar). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
    remember: [false],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected usernameError(): string | null {
    return fieldError(this.form.controls.username, 'Username');
  }

  protected passwordError(): string | null {
    return fieldError(this.form.controls.password, 'Password');
  }

  protected async signIn(): Promise<void> {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { username, password, remember } = this.form.getRawValue();
    this.submitting.set(true);
    try {
      await this.session.signIn({ username: normalizeUsername(username), password, remember });
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.error.set(describeApiError(error, { 401: 'Wrong username or password' }));
      this.form.controls.password.reset('');
    } finally {
      this.submitting.set(false);
    }
  }
}
