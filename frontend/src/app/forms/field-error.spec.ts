import { FormControl, Validators } from '@angular/forms';

import { fieldError } from './field-error';

describe('fieldError', () => {
  it('says nothing about a field nobody has touched yet', () => {
    const control = new FormControl('', Validators.required);
    expect(fieldError(control, 'Username')).toBeNull();
  });

  it('waits for the field to be left before complaining that it is empty or short', () => {
    const control = new FormControl('ab', [Validators.required, Validators.minLength(3)]);
    control.markAsDirty();
    expect(fieldError(control, 'Username')).toBeNull();
    control.markAsTouched();
    expect(fieldError(control, 'Username')).toBe('Username needs at least 3 characters');
  });

  it('reports a value that is too long while typing', () => {
    const control = new FormControl('x'.repeat(61), Validators.maxLength(60));
    control.markAsDirty();
    expect(fieldError(control, 'Display name')).toBe('Display name can be at most 60 characters');
  });

  it('uses custom messages and the server’s own text', () => {
    const control = new FormControl('Ünïcode', Validators.pattern(/^[a-z]+$/));
    control.markAsTouched();
    expect(fieldError(control, 'Username', { pattern: 'Only a to z' })).toBe('Only a to z');

    control.setErrors({ server: 'That username is taken — try another' });
    expect(fieldError(control, 'Username')).toBe('That username is taken — try another');
  });

  it('asks for a missing value in plain words', () => {
    const control = new FormControl('', Validators.required);
    control.markAsTouched();
    expect(fieldError(control, 'Current password')).toBe('Enter your current password');
  });
});
