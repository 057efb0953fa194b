import { CSRF, type Artwork, type Stage } from '@gallery/contracts';
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';

/**
 * Talks to the api as the web app does (cookie session, CSRF double submit), with Node's own
 * fetch: no test-only client libraries, and files are streamed from disk rather than buffered.
 */
export class GalleryClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  /** Registers a fresh painter; the session cookie signs the client in. */
  async register(username: string): Promise<void> {
    await this.json('POST', '/api/auth/register', { username, password: 'benchmark password' });
  }

  async createArtwork(title: string): Promise<string> {
    const album = await this.json<{ id: string }>('POST', '/api/albums', { title });
    return album.id;
  }

  async album(id: string): Promise<Artwork> {
    return this.json<Artwork>('GET', `/api/albums/${id}`);
  }

  /** One multipart request with up to 20 files under `files`. */
  async upload(albumId: string, files: string[]): Promise<Stage[]> {
    const form = new FormData();
    for (const file of files)
      form.append('files', await openAsBlob(file, { type: 'image/jpeg' }), basename(file));
    const res = await this.send('POST', `/api/albums/${albumId}/stages`, form);
    return ((await res.json()) as { stages: Stage[] }).stages;
  }

  private async json<T = unknown>(method: string, path: string, body?: object): Promise<T> {
    const res = await this.send(method, path, body && JSON.stringify(body), body && 'application/json');
    return (await res.json()) as T;
  }

  private async send(
    method: string,
    path: string,
    body?: string | FormData,
    contentType?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') headers[CSRF.header] = await this.csrfToken();
    if (contentType) headers['content-type'] = contentType;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.baseUrl + path, { method, headers, body });
    this.keepCookies(res);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  }

  /** The XSRF-TOKEN cookie, fetched with a GET first, as a browser would. */
  private async csrfToken(): Promise<string> {
    if (!this.cookies.has(CSRF.cookie)) await this.send('GET', '/api/health');
    const token = this.cookies.get(CSRF.cookie);
    if (!token) throw new Error('the api set no XSRF-TOKEN cookie');
    return decodeURIComponent(token);
  }

  private keepCookies(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
}
