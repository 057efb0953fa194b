import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

/**
 * docs/api.md is the contract; the OpenAPI document is what the api serves. Every `METHOD /api/path`
 * row of the contract's tables must be served, and every served operation must be in a table.
 * Rows under "Planned (not yet served)" may be missing, but one that is served must move up.
 */
const CONTRACT = join(__dirname, '../../docs/api.md');
const PLANNED_HEADING = /^## Planned \(not yet served\)/;
/** Served by Swagger itself, not by a controller, so not in the OpenAPI document. */
const OUTSIDE_OPENAPI = ['GET /api/docs'];
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

interface ContractRoutes {
  served: string[];
  planned: string[];
}

/** `GET /api/users/{}` for `GET /api/users/:username` and `get /api/users/{username}` alike. */
function route(method: string, path: string): string {
  const normalised = path
    .replace(/:[A-Za-z0-9_]+/g, '{}')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/$/, '');
  return `${method.toUpperCase()} ${normalised}`;
}

function contractRoutes(markdown: string): ContractRoutes {
  const routes: ContractRoutes = { served: [], planned: [] };
  let section: keyof ContractRoutes = 'served';
  for (const line of markdown.split('\n')) {
    if (/^## /.test(line)) section = PLANNED_HEADING.test(line) ? 'planned' : 'served';
    // A table row whose first cell starts with `GET /api/…` or `PUT, DELETE /api/…`.
    const row =
      /^\|\s*`?((?:GET|PUT|POST|PATCH|DELETE)(?:\s*,\s*(?:GET|PUT|POST|PATCH|DELETE))*)\s+(\/api[^\s`|]*)/.exec(
        line,
      );
    if (!row) continue;
    for (const method of row[1]!.split(',')) routes[section].push(route(method.trim(), row[2]!));
  }
  return routes;
}

function openApiRoutes(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => METHODS.includes(key))
      .map((method) => route(method, path)),
  );
}

describe('docs/api.md and the served OpenAPI document', () => {
  let app: TestApp;
  let contract: ContractRoutes;
  let served: string[];

  beforeAll(async () => {
    app = await TestApp.start({ database: 'sqlite' });
    const res = await app.client().get('/api/docs-json');
    expect(res.status).toBe(200);
    served = openApiRoutes(res.body);
    contract = contractRoutes(readFileSync(CONTRACT, 'utf8'));
  });
  afterAll(() => app.close());

  it('finds the route tables (a parsing slip must not pass silently)', () => {
    expect(contract.served.length).toBeGreaterThan(30);
    // Every route once planned is served now, so the parser's split is checked on a sample.
    expect(
      contractRoutes(
        '## Routes\n| GET /api/a | x | y |\n## Planned (not yet served)\n### Next\n| PUT, DELETE /api/b/:id | x | y |\n',
      ),
    ).toEqual({ served: ['GET /api/a'], planned: ['PUT /api/b/{}', 'DELETE /api/b/{}'] });
    expect(served.length).toBeGreaterThan(30);
    expect(new Set(contract.served).size).toBe(contract.served.length);
  });

  it('serves every route the contract lists', () => {
    const missing = contract.served.filter((r) => !served.includes(r) && !OUTSIDE_OPENAPI.includes(r));
    expect({ documentedButNotServed: missing }).toEqual({ documentedButNotServed: [] });
  });

  it('lists every served route in the contract', () => {
    const undocumented = served.filter((r) => !contract.served.includes(r) && !contract.planned.includes(r));
    expect({ servedButNotDocumented: undocumented }).toEqual({ servedButNotDocumented: [] });
  });

  it('has no served route still under "Planned (not yet served)"', () => {
    const built = contract.planned.filter((r) => served.includes(r));
    expect({ servedButListedAsPlanned: built }).toEqual({ servedButListedAsPlanned: [] });
  });

  it('serves the Swagger UI the contract lists outside OpenAPI', async () => {
    for (const r of OUTSIDE_OPENAPI) {
      expect(contract.served).toContain(r);
      const path = r.split(' ')[1]!;
      expect((await app.client().get(path).redirects(1)).status).toBe(200);
    }
  });
});
