/**
 * One person using Gallery through a load balancer: a cookie jar, the XSRF double submit, and a
 * home api that the balancer replaces with a live one when it is gone. When the session store
 * forgot the session (Redis restarted without persistence) the person signs in again, as the web
 * app's sign-in dialog would make them; `signIns` counts those.
 */
export class User {
  private readonly cookies = new Map<string, string>();
  signIns = 0;

  constructor(
    readonly username: string,
    /** The api this person's requests go to now (the balancer's choice). */
    private readonly route: () => string,
    /** A client address of its own (the api trusts one proxy hop). */
    readonly address: string,
  ) {}

  get baseUrl(): string {
    return this.route();
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async register(): Promise<void> {
    await this.request('POST', '/api/auth/register', { username: this.username, password: PASSWORD });
  }

  async signIn(): Promise<void> {
    this.cookies.delete('gallery.sid');
    await this.request('POST', '/api/auth/login', { username: this.username, password: PASSWORD }, false);
    this.signIns++;
  }

  /** A JSON (or multipart) request; a 401 on a signed-in person signs in once and tries again. */
  async request<T>(method: string, path: string, body?: unknown, retrySignIn = true): Promise<T> {
    if (!this.cookies.has('XSRF-TOKEN')) await this.send('GET', '/api/health');
    let res = await this.send(method, path, body);
    if (res.status === 401 && retrySignIn && this.cookies.has('gallery.sid')) {
      await res.arrayBuffer();
      await this.signIn();
      res = await this.send(method, path, body);
    } else if (res.status === 403 && res.headers.get('content-type')?.includes('json')) {
      // A CSRF refusal (the token no longer matches, e.g. after signing in again): the web app
      // fetches a fresh token and sends once more.
      const text = await res.text();
      if (!text.includes('"CSRF"')) throw new HttpError(403, `${method} ${path}: 403 ${text.slice(0, 200)}`);
      this.cookies.delete('XSRF-TOKEN');
      await this.send('GET', '/api/health');
      res = await this.send(method, path, body);
    }
    const text = await res.text();
    if (res.status >= 400)
      throw new HttpError(res.status, `${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader, 'x-forwarded-for': this.address };
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(60_000),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const PASSWORD = 'scale bench password';
