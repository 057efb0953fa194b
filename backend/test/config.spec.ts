import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '../src/config/app-config';

describe('configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gallery-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to the embedded mode under DATA_DIR, with a generated secret kept on disk', () => {
    const config = loadAppConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.database).toEqual({ kind: 'sqlite', file: join(dir, 'gallery.sqlite') });
    expect(config.storage).toEqual({ kind: 'local', dir: join(dir, 'media') });
    expect(config.redisUrl).toBeNull();
    expect(config.secureCookies).toBe(false);
    expect(config.sessionSecret).toBe(readFileSync(join(dir, 'session-secret'), 'utf8'));
    expect(loadAppConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('picks the production adapters from their variables', () => {
    const config = loadAppConfig({
      DATA_DIR: dir,
      DATABASE_URL: 'mariadb://u:p@db:3306/gallery',
      REDIS_URL: 'redis://cache:6379',
      S3_BUCKET: 'art',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 'b',
      PUBLIC_URL: 'https://gallery.example',
      SESSION_SECRET: 'k3v9-unique-to-this-test-f81b2c0d7e6a',
    });
    expect(config.database).toEqual({ kind: 'mysql', url: 'mysql://u:p@db:3306/gallery' });
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.storage).toMatchObject({
      kind: 's3',
      bucket: 'art',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
    });
    expect(config.secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [
      { DATABASE_URL: 'postgres://x' },
      'DATABASE_URL must start with mysql:// or mariadb:// or sqlite://, got "postgres://x"',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'REDIS_URL must start with redis:// or rediss://, got "localhost:6379"',
    ],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL must be a URL (http, https), got "not a url"'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 16 characters'],
    [
      { S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-one' },
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
    ],
    [
      { S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe' },
      'S3_FORCE_PATH_STYLE must be true or false, got "maybe"',
    ],
    [
      { RATE_LIMIT_AUTH_PER_IP: '0' },
      'RATE_LIMIT_AUTH_PER_IP must be a whole number from 1 to 1000000, got "0"',
    ],
    [{ LIST_CACHE_SECONDS: '-1' }, 'LIST_CACHE_SECONDS must be a whole number from 0 to 600, got "-1"'],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadAppConfig({ DATA_DIR: dir, ...env })).toThrow(message);
  });

  describe('in production (https PUBLIC_URL or NODE_ENV=production) the session secret', () => {
    const production = [{ PUBLIC_URL: 'https://gallery.example' }, { NODE_ENV: 'production' }];
    it.each([
      ['unset', undefined],
      ['empty', ''],
      ['shorter than 32 characters', 'x'.repeat(31)],
      ['the compose fallback', 'local-trial-only-change-me'],
      ['the test suite secret', 'test-secret-test-secret'],
      ['the bench secret', 'bench-search-session-secret'],
    ])('is refused when %s, with one line naming SESSION_SECRET', (_what, secret) => {
      for (const mode of production) {
        const env = { DATA_DIR: dir, ...mode, ...(secret === undefined ? {} : { SESSION_SECRET: secret }) };
        let message = '';
        try {
          loadAppConfig(env);
        } catch (err) {
          message = (err as Error).message;
        }
        expect(message).toMatch(/^SESSION_SECRET /);
        expect(message).not.toContain('\n');
      }
    });

    it('is accepted when long and not from the repository', () => {
      const secret = 'f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f5-prod';
      for (const mode of production) {
        expect(loadAppConfig({ DATA_DIR: dir, ...mode, SESSION_SECRET: secret }).sessionSecret).toBe(secret);
      }
    });

    it('may still be generated on disk outside production', () => {
      expect(
        loadAppConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://localhost:3000' }).sessionSecret,
      ).toHaveLength(64);
    });
  });
});
