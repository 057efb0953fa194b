import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CSRF, SESSION_COOKIE } from '@gallery/contracts';

/**
 * Swagger UI at /api/docs (JSON at /api/docs-json). "Try it out" runs in the admin's signed-in
 * browser: cookies go along, and the request interceptor copies XSRF-TOKEN into the header.
 */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Gallery API',
    swaggerOptions: {
      persistAuthorization: true,
      withCredentials: true,
      requestInterceptor: (req: { headers: Record<string, string> }) => {
        // Runs in the browser: Swagger UI serialises this function into its page.
        const cookie = (globalThis as unknown as { document: { cookie: string } }).document.cookie;
        const match = cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
        if (match) req.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]!);
        return req;
      },
    },
  });
}

/** The OpenAPI document of every controller; also written to a file by cli/openapi.ts for linting. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Gallery API')
    .setDescription(
      'Painters publish artworks as ordered stages. Sign in through the web app (or POST /api/auth/login) ' +
        `and "Try it out" works here: the session cookie (${SESSION_COOKIE}) authenticates, and the ` +
        `${CSRF.header} header is copied from the ${CSRF.cookie} cookie on every write. ` +
        'Errors are always { statusCode, error, message }.',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addApiKey(
      { type: 'apiKey', in: 'header', name: CSRF.header, description: `Copy of the ${CSRF.cookie} cookie` },
      'csrf',
    )
    .addSecurityRequirements('session')
    .addSecurityRequirements('csrf')
    .build();
  return SwaggerModule.createDocument(app, config);
}
