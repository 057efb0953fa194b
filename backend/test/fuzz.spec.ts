import { ERROR_CODES, LIMITS } from '@gallery/contracts';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createArtwork } from './support/artworks';
import { databaseKinds } from './support/adapters';
import { TestApp } from './support/test-app';
import type { TestClient } from './support/test-client';

/**
 * Sends generated bad bodies to every JSON route of the OpenAPI document, signed in and with
 * the CSRF header, and checks each answer is a 4xx in the documented error shape and that the
 * database did not change. Deterministic (fixed seed) and bounded; the tally is printed.
 */
const SEED = 20260610;

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  $ref?: string;
  items?: Schema;
  allOf?: Schema[];
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

type BadInput = { kind: string; raw: Buffer | string };

const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'unknownField', '', 'toString', 'hasOwnProperty'];

function deepArrays(levels: number): string {
  return '['.repeat(levels) + '1' + ']'.repeat(levels);
}

/** A value that is definitely not of `schema`'s type. */
function wrongTypeFor(schema: Schema): fc.Arbitrary<unknown> {
  const notString = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.dictionary(fc.string(), fc.integer()),
    fc.array(fc.integer()),
  );
  switch (schema.type) {
    case 'string':
      return notString;
    case 'number':
    case 'integer':
      return fc.oneof(
        fc.string(),
        fc.boolean(),
        fc.dictionary(fc.string(), fc.integer()),
        fc.array(fc.string()),
      );
    case 'boolean':
      return fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.integer()));
    case 'array':
      return fc.oneof(
        fc.string(),
        fc.integer(),
        fc.dictionary(fc.string(), fc.string()),
        fc.array(fc.dictionary(fc.string(), fc.integer()), { minLength: 1 }),
      );
    default:
      return fc.oneof(fc.integer(), fc.string(), fc.boolean());
  }
}

/** Bad bodies for one route's schema: each one breaks at least one rule for sure. */
function badBodies(schema: Schema): fc.Arbitrary<BadInput> {
  const props = Object.entries(schema.properties ?? {});
  const json = (kind: string) => (value: unknown) => ({ kind, raw: JSON.stringify(value) });
  const anyProps = fc.dictionary(
    fc.constantFrom(...props.map(([k]) => k), 'x'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  );
  const arbs: fc.Arbitrary<BadInput>[] = [
    // Not an object at all.
    fc
      .oneof(
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.jsonValue({ maxDepth: 2 })),
      )
      .map(json('not an object')),
    // Odd keys next to otherwise arbitrary fields (raw text: JSON.stringify would drop __proto__).
    fc
      .tuple(anyProps, fc.constantFrom(...ODD_KEYS), fc.jsonValue({ maxDepth: 2 }))
      .map(([obj, key, value]) => {
        const text = JSON.stringify(obj);
        const extra = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
        return {
          kind: `odd key ${JSON.stringify(key)}`,
          raw: text === '{}' ? `{${extra}}` : `${text.slice(0, -1)},${extra}}`,
        };
      }),
    // Deep nesting in a field or at the top.
    fc
      .tuple(fc.integer({ min: 33, max: 3000 }), fc.constantFrom('top', ...props.map(([k]) => k), 'x'))
      .map(([levels, where]) => ({
        kind: 'deep nesting',
        raw: where === 'top' ? deepArrays(levels) : `{${JSON.stringify(where)}:${deepArrays(levels)}}`,
      })),
    // Invalid UTF-8 bytes around JSON-looking text.
    fc
      .tuple(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('{', '[', '{"a":"', ''))
      .map(([bytes, prefix]) => ({
        kind: 'invalid utf-8',
        raw: Buffer.concat([Buffer.from(prefix), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(bytes)]),
      })),
  ];
  if (props.length > 0) {
    // One field of the wrong type (arrays where objects/strings are expected, and so on).
    arbs.push(
      fc
        .constantFrom(...props)
        .chain(([key, prop]) => fc.tuple(fc.constant(key), wrongTypeFor(prop), anyProps))
        .map(([key, value, rest]) => ({
          kind: `wrong type for ${key}`,
          raw: JSON.stringify({ ...rest, [key]: value }),
        })),
    );
  }
  const long = props.filter(([, p]) => p.type === 'string' && typeof p.maxLength === 'number');
  if (long.length > 0) {
    // A string longer than the field allows, up to past the body limit.
    arbs.push(
      fc
        .tuple(fc.constantFrom(...long), fc.integer({ min: 1, max: LIMITS.jsonBodyBytes + 10 }))
        .map(([[key, p], over]) => ({
          kind: `huge ${key}`,
          raw: JSON.stringify({ [key]: 'é'.repeat(p.maxLength! + over) }),
        })),
    );
  }
  return fc.oneof(...arbs);
}

function resolve(doc: OpenApi, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s));
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) };
  }
  return schema;
}

const FUZZ_PARAM = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe.each(databaseKinds())('fuzzing JSON routes — %s', (database) => {
  const runsPerRoute = database === 'sqlite' ? 20 : 6;
  let app: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    app = await TestApp.start({ database });
    client = app.client();
    await client.register('fuzzer');
    await app.client().register('bystander');
    await createArtwork(client, 'Fuzzed');
  });
  afterAll(() => app.close());

  async function snapshot(): Promise<Record<string, number>> {
    const ds = app.get(DataSource);
    const q = database === 'mysql' ? '`' : '"';
    const counts: Record<string, number> = {};
    for (const table of [...new Set(ds.entityMetadatas.map((m) => m.tableName))].sort()) {
      const rows = (await ds.query(`SELECT COUNT(*) AS n FROM ${q}${table}${q}`)) as { n: number }[];
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  }

  it('answers every bad body with a documented 4xx and changes nothing', async () => {
    const doc = (await client.get('/api/docs-json')).body as OpenApi;
    const routes: { method: 'post' | 'put' | 'patch'; path: string; schema: Schema }[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const content = op.requestBody?.content?.['application/json'];
        if (!content || !['post', 'put', 'patch'].includes(method)) continue;
        routes.push({
          method: method as 'post' | 'put' | 'patch',
          path: path.replace(/\{username\}/g, 'bystander').replace(/\{[^}]+\}/g, FUZZ_PARAM),
          schema: resolve(doc, content.schema),
        });
      }
    }
    expect(routes.length).toBeGreaterThan(10);

    const before = await snapshot();
    const findings: string[] = [];
    let tried = 0;
    const byKind: Record<string, number> = {};
    for (const [i, route] of routes.entries()) {
      const inputs = fc.sample(badBodies(route.schema), { seed: SEED + i, numRuns: runsPerRoute });
      for (const input of inputs) {
        tried++;
        const kind = input.kind.replace(/ for .*| ".*"| [a-zA-Z]+$/, '');
        byKind[kind] = (byKind[kind] ?? 0) + 1;
        const token = await client.token();
        const res = await client.agent[route.method](`/api${route.path.replace(/^\/api/, '')}`)
          .set('X-XSRF-TOKEN', token)
          .set('Content-Type', 'application/json')
          .send(input.raw);
        const body = res.body as Record<string, unknown>;
        const shapeOk =
          // The documented shape; requestId (the log line's id) rides along on every error.
          Object.keys(body)
            .filter((k) => k !== 'requestId')
            .sort()
            .join(',') === 'code,error,message,statusCode' &&
          typeof body.requestId === 'string' &&
          body.statusCode === res.status &&
          typeof body.error === 'string' &&
          (typeof body.message === 'string' || Array.isArray(body.message)) &&
          (ERROR_CODES as readonly string[]).includes(body.code as string);
        if (res.status < 400 || res.status >= 500 || !shapeOk) {
          findings.push(
            `${route.method.toUpperCase()} ${route.path} [${input.kind}] → ${res.status} ${JSON.stringify(body).slice(0, 200)} ← ${String(input.raw).slice(0, 120)}`,
          );
        }
      }
    }
    const after = await snapshot();
    console.log(
      `fuzz (${database}, seed ${SEED}): ${tried} inputs over ${routes.length} JSON routes; by kind ${JSON.stringify(byKind)}; ${findings.length} findings`,
    );
    expect(findings).toEqual([]);
    expect(after).toEqual(before);
  });
});
