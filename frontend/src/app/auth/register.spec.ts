import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@gallery/contracts';

import { Register } from './register';

const ANNA: Me = {
  id: '1',
  username: 'anna_k',
  displayName: 'Anna K',
  avatarUrl: null,
  bio: '',
  role: 'user',
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('Register', () => {
  let fixture: ComponentFixture<Register>;
  let host: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [Register],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(Register);
    host = fixture.nativeElement;
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function field(label: string): HTMLInputElement {
    const labelElement = Array.from(host.querySelectorAll('label')).find((l) =>
      l.textContent?.trim().startsWith(label),
    );
    const input = labelElement && host.querySelector<HTMLInputElement>(`#${labelElement.htmlFor}`);
    if (!input) throw new Error(`no field labelled ${label}`);
    return input;
  }

  async function type(label: string, value: string): Promise<void> {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  function errorFor(label: string): string | null {
    const input = field(label);
    const id = input.getAttribute('aria-describedby');
    const message = id ? host.querySelector(`#${id}.field-error`) : null;
    return message?.textContent?.trim() ?? null;
  }

  /** Lets the component's awaits after an HTTP answer run, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    host.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  }

  it('rejects characters outside letters, digits and _ while typing', async () => {
    await type('Username', 'anna k!');
    expect(errorFor('Username')).toBe('Use only letters, digits and underscores (_)');
    expect(field('Username').getAttribute('aria-invalid')).toBe('true');
  });

  it('accepts capitals, which become lower case', async () => {
    await type('Username', 'Anna_K');
    expect(errorFor('Username')).toBeNull();
    expect(host.textContent).toContain('/u/anna_k');
  });

  it('enforces the username and password lengths from LIMITS', async () => {
    await type('Username', 'an');
    await type('Password', 'short');
    expect(errorFor('Username')).toBe('Username needs at least 3 characters');
    expect(errorFor('Password')).toBe('Password needs at least 8 characters');

    await type('Username', 'a'.repeat(31));
    expect(errorFor('Username')).toBe('Username can be at most 30 characters');
  });

  it('limits the display name to 60 characters', async () => {
    await type('Display name', 'x'.repeat(61));
    expect(errorFor('Display name')).toBe('Display name can be at most 60 characters');
  });

  it('does not send an incomplete form, and says what is missing', async () => {
    await submit();
    http.expectNone('/api/auth/register');
    expect(errorFor('Username')).toBe('Enter your username');
    expect(errorFor('Password')).toBe('Enter your password');
    expect(document.activeElement).toBe(field('Username'));
  });

  it('sends the lower-cased username and opens the new painter page', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await type('Username', 'Anna_K');
    await type('Password', 'correct horse');
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/auth/register' });
    expect(request.request.body).toEqual({ username: 'anna_k', password: 'correct horse' });
    request.flush(ANNA, { status: 201, statusText: 'Created' });
    await settle();

    expect(navigate).toHaveBeenCalledWith(['/u', 'anna_k']);
  });

  it('shows a taken username inline', async () => {
    await type('Username', 'anna_k');
    await type('Display name', 'Anna K');
    await type('Password', 'correct horse');
    await submit();

    http
      .expectOne('/api/auth/register')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'username taken' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(errorFor('Username')).toBe('That username is taken — try another');
    expect(host.querySelector('[role=alert]')).toBeNull();
  });

  it('shows other server errors above the form', async () => {
    await type('Username', 'anna_k');
    await type('Password', 'correct horse');
    await submit();

    http.expectOne('/api/auth/register').flush(
      { statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException' },
      {
        status: 429,
        statusText: 'Too Many Requests',
        headers: { 'Retry-After': '30' },
      },
    );
    await settle();

    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe(
      'Too many attempts — try again in 30 seconds',
    );
  });
});
