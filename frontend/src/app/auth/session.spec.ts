import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Me } from '@gallery/contracts';

import { Session } from './session';

const ANNA: Me = {
  id: '1',
  username: 'anna',
  displayName: 'Anna K',
  avatarUrl: null,
  bio: '',
  role: 'user',
  createdAt: '2026-03-01T10:00:00.000Z',
};

describe('Session', () => {
  let session: Session;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    session = TestBed.inject(Session);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts signed out and not yet restored', () => {
    expect(session.me()).toBeNull();
    expect(session.signedIn()).toBe(false);
    expect(session.ready()).toBe(false);
  });

  it('restores the signed-in painter from GET /api/auth/session', async () => {
    const restoring = session.restore();
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush({ me: ANNA });
    await restoring;
    expect(session.me()).toEqual(ANNA);
    expect(session.signedIn()).toBe(true);
    expect(session.username()).toBe('anna');
    expect(session.ready()).toBe(true);
  });

  it('is signed out when the session answers me: null', async () => {
    const restoring = session.restore();
    http.expectOne('/api/auth/session').flush({ me: null });
    await restoring;
    expect(session.me()).toBeNull();
    expect(session.ready()).toBe(true);
  });

  it('treats an unreachable api as signed out', async () => {
    const restoring = session.restore();
    http
      .expectOne('/api/auth/session')
      .flush(
        { statusCode: 503, error: 'Service Unavailable', message: 'down', code: 'UNAVAILABLE' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await restoring;
    expect(session.me()).toBeNull();
    expect(session.ready()).toBe(true);
  });

  it('signs in with POST /api/auth/login', async () => {
    const signingIn = session.signIn({ username: 'anna', password: 'secret-pass', remember: true });
    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ username: 'anna', password: 'secret-pass', remember: true });
    request.flush(ANNA);
    await expect(signingIn).resolves.toEqual(ANNA);
    expect(session.signedIn()).toBe(true);
  });

  it('stays signed out when login is refused', async () => {
    const signingIn = session.signIn({ username: 'anna', password: 'wrong-pass' });
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(signingIn).rejects.toMatchObject({ status: 401 });
    expect(session.me()).toBeNull();
  });

  it('registers with POST /api/auth/register and is then signed in', async () => {
    const registering = session.register({
      username: 'anna',
      password: 'secret-pass',
      displayName: 'Anna K',
    });
    const request = http.expectOne({ method: 'POST', url: '/api/auth/register' });
    expect(request.request.body).toEqual({
      username: 'anna',
      password: 'secret-pass',
      displayName: 'Anna K',
    });
    request.flush(ANNA, { status: 201, statusText: 'Created' });
    await registering;
    expect(session.me()).toEqual(ANNA);
  });

  it('signs out with POST /api/auth/logout', async () => {
    session.update(ANNA);
    const signingOut = session.signOut();
    http
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await signingOut;
    expect(session.me()).toBeNull();
  });

  it('keeps the session when sign-out fails for another reason than 401', async () => {
    session.update(ANNA);
    const signingOut = session.signOut();
    http
      .expectOne('/api/auth/logout')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'invalid csrf token' },
        { status: 403, statusText: 'Forbidden' },
      );
    await expect(signingOut).rejects.toMatchObject({ status: 403 });
    expect(session.me()).toEqual(ANNA);
  });

  it('adopts a fresh copy after an edit', () => {
    session.update(ANNA);
    session.update({ ...ANNA, displayName: 'Anna Karenina' });
    expect(session.me()?.displayName).toBe('Anna Karenina');
  });
});

describe('Session on the server', () => {
  it('is signed out without asking the api: the server renders signed-out visits only', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: PLATFORM_ID, useValue: 'server' },
      ],
    });
    const session = TestBed.inject(Session);
    await session.restore();
    expect(session.ready()).toBe(true);
    expect(session.me()).toBeNull();
    TestBed.inject(HttpTestingController).verify();
  });
});
