import { Logger } from '@nestjs/common';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfigOrExit } from './config/load-or-exit';
import { preflightOrExit } from './startup/preflight';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await preflightOrExit(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  configureApp(app);
  await app.listen(config.port);
  const mode = [
    config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'MySQL',
    config.storage.kind === 'local' ? `media in ${config.storage.dir}` : `S3 bucket ${config.storage.bucket}`,
    config.redisUrl ? 'Redis' : 'no Redis (embedded)',
  ].join(', ');
  new Logger('Gallery').log(
    `Listening on ${config.publicUrl} (${mode})${existsSync(config.webDir ?? '') ? '' : ' — api only: web app not built'}`,
  );
}

void bootstrap();
