/**
 * Writes the api's OpenAPI document to a file and exits, for `npm run lint:openapi` (after a build):
 *   node backend/dist/cli/openapi.js backend/dist/openapi.json
 * Boots the app in embedded mode on a throwaway data dir, so it needs no database or Redis and
 * documents exactly what the api serves.
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../common/swagger';
import { loadAppConfig } from '../config/app-config';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'openapi.json');
  const dataDir = mkdtempSync(join(tmpdir(), 'gallery-openapi-'));
  // Only what shapes the document is kept from the environment: never the deploy's database or Redis.
  // The server named in the file is PUBLIC_URL (a real deploy's origin), not a dev localhost.
  const publicUrl = process.env.PUBLIC_URL || 'https://gallery.invalid';
  // An https PUBLIC_URL means production, which wants a real secret: a throwaway one (no sessions here).
  const secret = randomBytes(32).toString('hex');
  const config = loadAppConfig({ DATA_DIR: dataDir, PUBLIC_URL: publicUrl, SESSION_SECRET: secret });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  try {
    app.setGlobalPrefix('api');
    await app.init();
    writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(app, config.publicUrl), null, 2)}\n`);
    console.log(`wrote ${out}`);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
