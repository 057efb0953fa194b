import { HttpRequest } from '@angular/common/http';

import { toLocalApi } from './local-api';

describe('toLocalApi', () => {
  const context = {
    publicOrigin: 'https://gallery.test',
    apiOrigin: 'http://127.0.0.1:3000',
    apiHeaders: { 'x-a': 'b' },
  };

  it("sends a server render's calls for the site to the api over loopback, with the render's headers", () => {
    for (const url of ['/api/albums?sort=recent', 'https://gallery.test/api/albums?sort=recent']) {
      const sent = toLocalApi(new HttpRequest('GET', url), context);
      expect(sent.url).toBe('http://127.0.0.1:3000/api/albums?sort=recent');
      expect(sent.headers.get('x-a')).toBe('b');
    }
  });

  it('leaves other origins, and every call outside a server render, alone', () => {
    const elsewhere = new HttpRequest('GET', 'https://other.test/x');
    expect(toLocalApi(elsewhere, context)).toBe(elsewhere);
    const relative = new HttpRequest('GET', '/api/albums');
    expect(toLocalApi(relative, null)).toBe(relative);
  });
});
