import type { AbstractControl } from '@angular/forms';

/** Errors worth showing as soon as the value is wrong, rather than after leaving the field. */
const NOT_WHILE_TYPING = new Set(['required', 'minlength']);

/**
 * The first validation message for a control, or null while there is nothing to say yet.
 * Custom validators and server answers (`setErrors({ server: 'That username is taken' })`)
 * are described by `messages`; the server key carries its own text.
 */
export function fieldError(
  control: AbstractControl,
  label: string,
  messages: Readonly<Record<string, string>> = {},
): string | null {
  const errors = control.errors;
  if (!errors || !(control.touched || control.dirty)) {
    return null;
  }
  for (const [key, detail] of Object.entries(errors)) {
    if (!control.touched && NOT_WHILE_TYPING.has(key)) {
      continue;
    }
    return describe(key, detail, label, messages);
  }
  return null;
}

function describe(
  key: string,
  detail: unknown,
  label: string,
  messages: Readonly<Record<string, string>>,
): string {
  const custom = messages[key];
  if (custom) {
    return custom;
  }
  switch (key) {
    case 'server':
      return typeof detail === 'string' ? detail : `${label} was not accepted`;
    case 'required':
      return `Enter your ${label.toLowerCase()}`;
    case 'minlength':
      return `${label} needs at least ${requiredLength(detail)} characters`;
    case 'maxlength':
      return `${label} can be at most ${requiredLength(detail)} characters`;
    default:
      return `${label} is not valid`;
  }
}

function requiredLength(detail: unknown): number {
  return (detail as { requiredLength: number }).requiredLength;
}

/** After a refused submit, put the keyboard where the first problem is. */
export function focusFirstInvalid(host: HTMLElement): void {
  host.querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, select.ng-invalid')?.focus();
}
