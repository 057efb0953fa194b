import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { LIMITS } from '@gallery/contracts';

import { describeApiError } from '../api/api-error';
import { Session } from '../auth/session';
import { fieldError, focusFirstInvalid } from '../forms/field-error';
import { SavedMark } from '../ui/saved-mark';
import { Account } from './account';

/** Display name and bio. */
@Component({
  selector: 'app-profile-section',
  imports: [ReactiveFormsModule, SavedMark],
  templateUrl: './profile-section.html',
  styleUrl: './section.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileSection {
  private readonly account = inject(Account);
  private readonly session = inject(Session);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  protected readonly limits = LIMITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: [
      this.session.me()?.displayName ?? '',
      [Validators.required, Validators.pattern(/\S/), Validators.maxLength(LIMITS.displayName.max)],
    ],
    bio: [this.session.me()?.bio ?? '', Validators.maxLength(LIMITS.bio.max)],
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);

  protected displayNameError(): string | null {
    return fieldError(this.form.controls.displayName, 'Display name', {
      pattern: 'Enter your display name',
    });
  }

  protected bioError(): string | null {
    return fieldError(this.form.controls.bio, 'Bio');
  }

  protected async save(): Promise<void> {
    this.error.set(null);
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const { displayName, bio } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const me = await this.account.updateProfile({ displayName: displayName.trim(), bio: bio.trim() });
      this.form.reset({ displayName: me.displayName, bio: me.bio });
      this.saved.set(true);
    } catch (error) {
      this.error.set(describeApiError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
