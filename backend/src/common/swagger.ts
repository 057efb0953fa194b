import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CSRF, SESSION_COOKIE } from '@gallery/contracts';
import { CSRF_SECURITY, SESSION_SECURITY } from './guards';

const WRITES = ['post', 'put', 'patch', 'delete'];

/**
 * Swagger UI at /api/docs (JSON at /api/docs-json). "Try it out" runs in the admin's signed-in
 * browser: cookies go along, and the request interceptor copies XSRF-TOKEN into the header.
 */
export function setupSwagger(app: INestApplication, publicUrl: string): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, publicUrl), {
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

/** The OpenAPI document of every controller, served from `serverUrl` (PUBLIC_URL); also written to a file by cli/openapi.ts for linting. */
export function buildOpenApiDocument(app: INestApplication, serverUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Gallery API')
    .setDescription(
      'Painters publish artworks as ordered stages. Sign in through the web app (or POST /api/auth/login) ' +
        `and "Try it out" works here: the session cookie (${SESSION_COOKIE}) authenticates, and the ` +
        `${CSRF.header} header is copied from the ${CSRF.cookie} cookie on every write. ` +
        'Errors are always { statusCode, error, message, code }.',
    )
    .setVersion('1')
    .addServer(serverUrl, 'This instance')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_SECURITY)
    .addApiKey(
      { type: 'apiKey', in: 'header', name: CSRF.header, description: `Copy of the ${CSRF.cookie} cookie` },
      CSRF_SECURITY,
    )
    .build();
  const document = withParameterDescriptions(withSecurity(SwaggerModule.createDocument(app, config)));
  // No open-source licence: the package is private, so the api is all rights reserved, by its instance.
  document.info.license = { name: 'Proprietary: all rights reserved', url: new URL('/', serverUrl).href };
  return document;
}

/**
 * Declares security per operation, from what the server really checks: @SignedIn() routes need the
 * session cookie, every write needs the CSRF header (the middleware checks all of them, signed in
 * or not), and the rest are public (`security: []`).
 */
function withSecurity(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, op] of Object.entries(item) as [string, { security?: object[] }][]) {
      if (!METHODS.includes(method)) continue;
      const signedIn = (op.security ?? []).some((req) => SESSION_SECURITY in req);
      const write = WRITES.includes(method);
      const requirement = {
        ...(signedIn ? { [SESSION_SECURITY]: [] } : {}),
        ...(write ? { [CSRF_SECURITY]: [] } : {}),
      };
      op.security = Object.keys(requirement).length ? [requirement] : [];
    }
  }
  return document;
}

const METHODS = ['get', 'head', 'options', ...WRITES];

/** What a path segment names, for the parameter that follows it (`/comments/{id}` → a comment). */
const NAMED_BY: Record<string, string> = {
  albums: 'Artwork id',
  stages: 'Stage id',
  pins: 'Pinned note id',
  comments: 'Comment id',
  messages: 'Chat message id',
  conversations: 'Conversation id (or "public" for the public room)',
  reports: 'Report id',
  users: "The painter's username (case-insensitive)",
  a: 'Artwork id',
  shared: "The artwork's share code",
};

/**
 * Path parameters a route left undescribed get the description of what the segment before them
 * names, so every parameter in the document says what it is without a decorator per route.
 */
function withParameterDescriptions(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const op of Object.values(item) as {
      parameters?: { in?: string; name?: string; description?: string }[];
    }[]) {
      for (const param of op.parameters ?? []) {
        if (param.in !== 'path' || param.description || !param.name) continue;
        const segments = path.split('/');
        const before = segments[segments.indexOf(`{${param.name}}`) - 1] ?? '';
        const named = NAMED_BY[before];
        if (named) param.description = named;
      }
    }
  }
  return document;
}
