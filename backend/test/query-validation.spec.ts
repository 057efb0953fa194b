import { ValidationPipe, type ArgumentMetadata, type Type } from '@nestjs/common';
import { AdminUserQuery, ReportQueueQuery } from '../src/admin/dto';
import { ExploreQuery } from '../src/artworks/explore-query';
import { HistoryQuery, ChatSearchQuery } from '../src/chat/dto';
import { CommentListQuery } from '../src/comments/dto';
import { PageQuery } from '../src/common/pagination';
import { hasQueryPlan } from '../src/common/query-fast-path';
import { createValidationPipe, validationMessages, VALIDATION_OPTIONS } from '../src/common/validation';
import { validationFailed } from '../src/common/app-error';
import { SearchQuery } from '../src/search/search.controller';

/**
 * List queries take a shortcut through validation when they pass (common/query-fast-path.ts).
 * Every outcome — the DTO a handler gets, or the 400 a client gets — must be what Nest's own
 * ValidationPipe with the same options gives, for good and bad input alike.
 */
const reference = new ValidationPipe({
  ...VALIDATION_OPTIONS,
  transform: true,
  exceptionFactory: (errors) => validationFailed(validationMessages(errors)),
});
const pipe = createValidationPipe();

const QUERIES: Record<string, string>[] = [
  {},
  { limit: '5' },
  { limit: '100' },
  { limit: '101' },
  { limit: '0' },
  { limit: '' },
  { limit: ' 7 ' },
  { limit: '1e1' },
  { limit: '2.5' },
  { limit: 'abc' },
  { limit: '-3' },
  { limit: '0x10' },
  { cursor: 'abc' },
  { cursor: '' },
  { sort: 'popular' },
  { sort: 'recent', limit: '3', cursor: 'x' },
  { sort: 'Popular' },
  { hue: '0' },
  { hue: '359' },
  { hue: '360' },
  { hue: '12.5' },
  { q: 'harbour' },
  { q: '' },
  { q: 'x'.repeat(100) },
  { q: 'x'.repeat(101) },
  { q: '😀'.repeat(60) },
  { status: 'open' },
  { status: 'active' },
  { status: 'nope' },
  { stageId: 'x'.repeat(36) },
  { stageId: 'x'.repeat(37) },
  { before: 'm1' },
  { unknown: '1' },
  { limit: '5', extra: 'y' },
];
const CLASSES = [
  PageQuery,
  ExploreQuery,
  SearchQuery,
  CommentListQuery,
  ReportQueueQuery,
  AdminUserQuery,
  HistoryQuery,
  ChatSearchQuery,
];

async function outcome(p: ValidationPipe, metatype: Type, query: Record<string, string>) {
  const metadata: ArgumentMetadata = { type: 'query', metatype, data: undefined };
  try {
    const value = (await p.transform({ ...query }, metadata)) as object;
    return { ok: value.constructor.name, value: { ...value } };
  } catch (err) {
    return {
      status: (err as { getStatus(): number }).getStatus(),
      body: (err as { getResponse(): unknown }).getResponse(),
    };
  }
}

describe('list query validation', () => {
  it('takes the shortcut for every list query class', () => {
    for (const c of CLASSES) expect([c.name, hasQueryPlan(c)]).toEqual([c.name, true]);
  });

  it.each(CLASSES.map((c) => [c.name, c] as const))(
    'answers %s exactly as the full pipe does',
    async (_n, c) => {
      for (const query of QUERIES) {
        expect([query, await outcome(pipe, c, query)]).toEqual([query, await outcome(reference, c, query)]);
      }
    },
  );

  it('leaves repeated parameters to the full pipe, with its answer', async () => {
    const metadata: ArgumentMetadata = { type: 'query', metatype: ExploreQuery, data: undefined };
    const query = { limit: ['1', '2'] } as unknown as Record<string, string>;
    await expect(pipe.transform({ ...query }, metadata)).rejects.toEqual(
      await reference.transform({ ...query }, metadata).catch((e: unknown) => e),
    );
  });
});
