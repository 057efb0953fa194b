import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Me } from '@gallery/contracts';

import { Login } from './login';

const ANNA = { id: '1', username: 'anna', displayName: 'Anna', avatarUrl: null } as Me;

describe('Login', () => {
  let fixture: ComponentFixture<Login>;
  let host: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [Login],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(Login);
    host = fixture.nativeElement;
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function signIn(username: string, password: string, remember = false): Promise<void> {
    for (const [id, value] of [
      ['login-username', username],
      ['login-password', password],
    ]) {
      const input = host.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    if (remember) {
      host.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    }
    host.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('says "Wrong username or password" on 401 and clears the password', async () => {
    await signIn('anna', 'nope-nope');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    expect(host.querySelector('[role=alert]')?.textContent?.trim()).toBe('Wrong username or password');
    expect(host.querySelector<HTMLInputElement>('#login-password')!.value).toBe('');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('sends remember, lower-cases the username and returns to returnUrl', async () => {
    fixture.componentRef.setInput('returnUrl', '/settings');
    await signIn('Anna', 'secret-pass', true);
    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ username: 'anna', password: 'secret-pass', remember: true });
    request.flush(ANNA);
    await settle();
    expect(navigateByUrl).toHaveBeenCalledWith('/settings');
  });

  it('goes home instead of to another site', async () => {
    fixture.componentRef.setInput('returnUrl', 'https://evil.example/');
    await signIn('anna', 'secret-pass');
    http.expectOne('/api/auth/login').flush(ANNA);
    await settle();
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });
});
