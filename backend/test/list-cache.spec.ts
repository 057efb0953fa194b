import type { AppConfig } from '../src/config/app-config';
import type { DomainEvents } from '../src/events/domain-events';
import { ListCache } from '../src/search-index/list-cache';

/** The search / colour-browse id cache on its own: what it reuses, and what it must not. */
describe('ListCache', () => {
  // The events only matter once the module starts (onModuleInit), which these tests never do.
  const cache = (seconds: number) =>
    new ListCache({ listCacheMs: seconds * 1000 } as AppConfig, {} as DomainEvents);
  let queries: number;
  const query = (value: string) => async () => {
    queries++;
    return value;
  };

  beforeEach(() => {
    queries = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('answers a repeated list from memory until the TTL passes', async () => {
    const c = cache(10);
    expect(await c.get('search:harbour', query('a'))).toBe('a');
    expect(await c.get('search:harbour', query('b'))).toBe('a');
    expect(queries).toBe(1);
    jest.advanceTimersByTime(10_001);
    expect(await c.get('search:harbour', query('c'))).toBe('c');
    expect(queries).toBe(2);
  });

  it('runs one query for many concurrent misses of the same list', async () => {
    const c = cache(10);
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.get('hue:0', query('x'))));
    expect(answers).toEqual(Array(20).fill('x'));
    expect(queries).toBe(1);
  });

  it('forgets everything when something they depend on changes', async () => {
    const c = cache(10);
    await c.get('search:harbour', query('old'));
    c.invalidate();
    expect(await c.get('search:harbour', query('new'))).toBe('new');
  });

  it('does not keep a list whose query ran across a change', async () => {
    const c = cache(10);
    let finish!: (v: string) => void;
    const slow = c.get('search:harbour', () => new Promise<string>((r) => (finish = r)));
    c.invalidate(); // a change commits while the old query is still reading
    finish('old');
    expect(await slow).toBe('old');
    expect(await c.get('search:harbour', query('new'))).toBe('new');
  });

  it('does not keep a failed query', async () => {
    const c = cache(10);
    await expect(c.get('search:x', () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(await c.get('search:x', query('back'))).toBe('back');
  });

  it('queries every time when LIST_CACHE_SECONDS is 0', async () => {
    const c = cache(0);
    await c.get('k', query('a'));
    expect(await c.get('k', query('b'))).toBe('b');
    expect(queries).toBe(2);
  });
});
