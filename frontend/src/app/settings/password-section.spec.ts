import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { PasswordSection } from './password-section';

describe('PasswordSection', () => {
  let fixture: ComponentFixture<PasswordSection>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PasswordSection],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(PasswordSection);
    host = fixture.nativeElement;
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function change(current: string, next: string): Promise<void> {
    for (const [id, value] of [
      ['settings-current-password', current],
      ['settings-new-password', next],
    ]) {
      const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    host.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('shows "Current password is wrong" beside the field on 403', async () => {
    await change('not-it-at-all', 'a brand new one');
    http
      .expectOne({ method: 'PUT', url: '/api/users/me/password' })
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'current password is wrong' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();
    expect(host.querySelector('#settings-current-password-error')?.textContent?.trim()).toBe(
      'Current password is wrong',
    );
    expect(host.querySelector('[role=status]')?.textContent?.trim()).toBe('');
  });

  it('sends both passwords, empties the form and says so on 204', async () => {
    await change('the-old-secret', 'a brand new one');
    const request = http.expectOne('/api/users/me/password');
    expect(request.request.body).toEqual({
      currentPassword: 'the-old-secret',
      newPassword: 'a brand new one',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(host.querySelector('[role=status]')?.textContent?.trim()).toBe('Password changed');
    expect(host.querySelector<HTMLInputElement>('#settings-new-password')!.value).toBe('');
  });

  it('does not send a new password shorter than 8 characters', async () => {
    await change('the-old-secret', 'short');
    http.expectNone('/api/users/me/password');
    expect(host.querySelector('#settings-new-password-error')?.textContent?.trim()).toBe(
      'New password needs at least 8 characters',
    );
  });
});
