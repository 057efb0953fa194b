import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { REQUEST_CONTEXT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { type RenderContext, localApi } from './local-api';

describe('localApi', () => {
  function setUp(context: RenderContext | null): { http: HttpClient; backend: HttpTestingController } {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([localApi])),
        provideHttpClientTesting(),
        ...(context ? [{ provide: REQUEST_CONTEXT, useValue: context }] : []),
      ],
    });
    return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
  }

  it('leaves api calls relative in the browser', async () => {
    const { http, backend } = setUp(null);
    const answer = firstValueFrom(http.get('/api/explore'));
    backend.expectOne('/api/explore').flush({});
    await answer;
    backend.verify();
  });

  it("sends a server render's api calls to the api over loopback, with the render's headers", async () => {
    const { http, backend } = setUp({ apiOrigin: 'http://127.0.0.1:3000', apiHeaders: { 'x-a': 'b' } });
    const answer = firstValueFrom(http.get('/api/explore'));
    const req = backend.expectOne('http://127.0.0.1:3000/api/explore');
    expect(req.request.headers.get('x-a')).toBe('b');
    req.flush({});
    await answer;
    backend.verify();
  });
});
