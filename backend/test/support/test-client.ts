import { CSRF, type Me } from '@gallery/contracts';
import { CookieAccessInfo } from 'cookiejar';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/**
 * Talks to the api like the web app does: keeps cookies, fetches the XSRF-TOKEN cookie with a
 * GET before the first write and echoes it in X-XSRF-TOKEN on every write.
 */
export class TestClient {
  readonly agent: TestAgent;

  constructor(readonly baseUrl: string) {
    this.agent = request.agent(baseUrl);
  }

  get(path: string) {
    return this.agent.get(path);
  }

  async post(path: string, body?: object) {
    const token = await this.token();
    return this.agent.post(path).set(CSRF.header, token).send(body);
  }

  async patch(path: string, body?: object) {
    const token = await this.token();
    return this.agent.patch(path).set(CSRF.header, token).send(body);
  }

  async put(path: string, body?: object) {
    const token = await this.token();
    return this.agent.put(path).set(CSRF.header, token).send(body);
  }

  /** A body only when given: most DELETE routes take none. */
  async delete(path: string, body?: object) {
    const token = await this.token();
    const req = this.agent.delete(path).set(CSRF.header, token);
    return body ? req.send(body) : req;
  }

  /** A multipart upload of one or more files under one field. */
  async upload(method: 'put' | 'post', path: string, field: string, files: { body: Buffer; name: string }[]) {
    const token = await this.token();
    let req = this.agent[method](path).set(CSRF.header, token);
    for (const f of files) req = req.attach(field, f.body, f.name);
    return req;
  }

  async register(username: string, password = 'correct horse', displayName?: string) {
    const res = await this.post('/api/auth/register', { username, password, displayName });
    if (res.status !== 201)
      throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Me;
  }

  async login(username: string, password = 'correct horse', remember?: boolean) {
    return this.post('/api/auth/login', { username, password, remember });
  }

  /**
   * The token this client echoes: the XSRF-TOKEN cookie as it is now (the api issues a new one
   * when the session changes, e.g. on sign-in), fetched with a GET the first time, as a browser
   * would. Await it before creating a request: the agent attaches cookies at creation.
   */
  async token(): Promise<string> {
    const current = this.cookie(CSRF.cookie);
    if (current) return current;
    await this.agent.get('/api/health');
    const fetched = this.cookie(CSRF.cookie);
    if (!fetched) throw new Error('no XSRF-TOKEN cookie was set');
    return fetched;
  }

  private cookie(name: string): string | null {
    const { hostname } = new URL(this.baseUrl);
    const found = this.agent.jar.getCookie(name, new CookieAccessInfo(hostname, '/', false, false));
    return found ? decodeURIComponent(found.value) : null;
  }
}
