import type { NestExpressApplication } from '@nestjs/platform-express';
import { LIMITS } from '@gallery/contracts';
import cookieParser from 'cookie-parser';
import type { RequestHandler } from 'express';
import passport from 'passport';
import { csrfMiddleware } from './auth/csrf';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { securityHeaders } from './common/security-headers';
import { setupSwagger } from './common/swagger';
import { payloadShapeMiddleware } from './common/payload-shape';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { httpMetrics } from './observability/http-metrics.middleware';
import { requestId } from './observability/logging';
import { ReadCacheLane } from './read-cache/read-cache.lane';
import { sessionLayer } from './session/session-layer';
import { SESSION_MIDDLEWARE } from './session/session.module';
import { WebDelivery } from './web/web-delivery';

/**
 * Everything between the socket and the controllers, shared by main.ts and the tests so
 * tests exercise the same stack users get. Create the app with `{ bodyParser: false }`.
 */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.use(requestId);
  app.use(httpMetrics);
  app.use(securityHeaders({ s3Origin: s3Origin(config), https: config.secureCookies }));
  // Signed-out reads whose answer is cached and current leave here, before the rest of the chain.
  app.use(app.get(ReadCacheLane).handler());
  // The web app, link previews, robots.txt and the sitemap; gzip for larger answers.
  app.use(app.get(WebDelivery).handlers());
  app.useBodyParser('json', { limit: LIMITS.jsonBodyBytes });
  app.useBodyParser('urlencoded', { limit: LIMITS.jsonBodyBytes, extended: false });
  // Before anything reads the body: too-deep nesting and __proto__/constructor keys are a 400.
  app.use(payloadShapeMiddleware());
  app.use(cookieParser());
  app.use(passport.initialize());
  app.use(sessionLayer(app.get<RequestHandler>(SESSION_MIDDLEWARE), passport.session()));
  // After the session: tokens are bound to the session id (see auth/csrf.ts).
  app.use(csrfMiddleware(config.sessionSecret, config.secureCookies));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  setupSwagger(app, config.publicUrl);
}

function s3Origin(config: AppConfig): string | null {
  return config.storage.kind === 's3' && config.storage.publicUrl
    ? new URL(config.storage.publicUrl).origin
    : null;
}
