import { type ValidatorFn, Validators } from '@angular/forms';
import { LIMITS } from '@gallery/contracts';

/**
 * Usernames are stored lower-case; capitals typed by the painter are accepted and lowered
 * before sending, anything else outside [a-z0-9_] is an error.
 */
export const usernameCharacters: ValidatorFn = (control) => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value === '') {
    return null;
  }
  return LIMITS.username.pattern.test(value.toLowerCase()) ? null : { usernameCharacters: true };
};

export const usernameValidators: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(LIMITS.username.min),
  Validators.maxLength(LIMITS.username.max),
  usernameCharacters,
];

/** The form the api stores. */
export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase();
}

export const USERNAME_MESSAGES = {
  usernameCharacters: 'Use only letters, digits and underscores (_)',
} as const;
