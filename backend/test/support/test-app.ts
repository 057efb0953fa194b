import type { DynamicModule, InjectionToken, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { createMysqlDatabase, type DatabaseKind } from './adapters';
import { startS3rver } from './s3rver';
import { REDIS_URL } from './services';
import { TestClient } from './test-client';

export interface TestAppOptions {
  database: DatabaseKind;
  /** Sessions, rate limits (and later jobs and sockets) on Redis. */
  redis?: boolean;
  /** Images in s3rver (started for this app) instead of the local disk. */
  s3?: boolean;
  /** Extra environment. */
  env?: Record<string, string>;
  /**
   * A second api instance on `sharedWith`'s database, media, data dir and Redis (scale-out);
   * `sharedWith` owns them, so close this one first.
   */
  sharedWith?: TestApp;
  /** Providers replaced for this app, for ports whose real adapter does not exist yet. */
  overrides?: { provide: InjectionToken; useValue: unknown }[];
}

/**
 * The real api on a loopback port, configured through the same environment parsing as
 * production, over a throwaway data dir (and MariaDB database). `restart()` keeps the data.
 */
export class TestApp {
  private app!: NestExpressApplication;
  private constructor(
    readonly options: TestAppOptions,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
    private readonly cleanup: () => Promise<void>,
  ) {}

  baseUrl = '';

  static async start(options: TestAppOptions): Promise<TestApp> {
    if (options.sharedWith) {
      const { dataDir, env } = options.sharedWith;
      const peer = new TestApp(options, dataDir, { ...env, ...options.env }, async () => {});
      await peer.boot();
      return peer;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'gallery-test-'));
    // Suites sign in many times from 127.0.0.1; the flood tests set their own, lower limits.
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      SESSION_SECRET: 'test-secret-test-secret',
      RATE_LIMIT_AUTH_PER_IP: '10000',
      RATE_LIMIT_AUTH_PER_USERNAME: '10000',
      RATE_LIMIT_CHAT_PER_10S: '10000',
      ...options.env,
    };
    let dropDb = async () => {};
    if (options.database === 'mysql') {
      const db = await createMysqlDatabase();
      env.DATABASE_URL = db.url;
      dropDb = db.drop;
    }
    if (options.s3) {
      const s3 = await startS3rver();
      Object.assign(env, {
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
        S3_CHECKSUM: 'when_required',
      });
      const previous = dropDb;
      dropDb = async () => {
        await previous();
        await s3.stop();
      };
    }
    if (options.redis) {
      env.REDIS_URL = REDIS_URL;
      await flushGalleryKeys();
    }
    const testApp = new TestApp(options, dataDir, env, async () => {
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    });
    await testApp.boot();
    return testApp;
  }

  /** The environment the app was configured from (to start a worker on the same data). */
  get environment(): Record<string, string> {
    return { ...this.env };
  }

  get config(): AppConfig {
    return this.app.get(AppConfig);
  }

  /** A provider by class, or by string token (e.g. Bull's queue). */
  get<T>(token: (abstract new (...args: never[]) => T) | string): T {
    return this.app.get(token);
  }

  /** A browser-like client with its own cookie jar. */
  client(): TestClient {
    return new TestClient(this.baseUrl);
  }

  /** Stops and starts the api on the same data, like a deploy. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  /** Stops the api but keeps its data, so another process (a child api) can run on it; see resume(). */
  async pause(): Promise<void> {
    await this.app.close();
  }

  /** Starts the api again on the same data after pause(), like a restart after a crash. */
  async resume(): Promise<void> {
    await this.boot();
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.cleanup();
  }

  private async boot(): Promise<void> {
    // No web app unless a suite brings its own (WEB_DIR): the api alone, whatever is built locally.
    const config = loadAppConfig({ ...this.env, WEB_DIR: this.env.WEB_DIR ?? '' });
    if (!this.env.WEB_DIR) config.webDir = null;
    const root = AppModule.forRoot(config);
    const appOptions: NestApplicationOptions = { bodyParser: false, logger: ['error'] };
    const { overrides } = this.options;
    this.app = overrides
      ? (await compileWithOverrides(root, overrides)).createNestApplication(appOptions)
      : await NestFactory.create<NestExpressApplication>(root, appOptions);
    configureApp(this.app);
    await this.app.listen(0, '127.0.0.1');
    const { port } = this.app.getHttpServer().address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }
}

function compileWithOverrides(root: DynamicModule, overrides: NonNullable<TestAppOptions['overrides']>) {
  let builder = Test.createTestingModule({ imports: [root] });
  for (const { provide, useValue } of overrides) {
    builder = builder.overrideProvider(provide).useValue(useValue);
  }
  return builder.compile();
}

/** Rate-limit counters and sessions left by earlier suites must not leak into this one. */
async function flushGalleryKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('gallery:*');
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
