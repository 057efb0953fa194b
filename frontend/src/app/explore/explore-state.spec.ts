import { exploreParams, hueName, parseHue, readExploreState } from './explore-state';

describe('explore state in the address', () => {
  it('reads the tab, the sort and the colour', () => {
    expect(readExploreState({})).toEqual({ tab: 'recent', hue: null });
    expect(readExploreState({ sort: 'popular' })).toEqual({ tab: 'popular', hue: null });
    expect(readExploreState({ hue: '210' })).toEqual({ tab: 'recent', hue: 210 });
    expect(readExploreState({ sort: 'popular', hue: '0' })).toEqual({ tab: 'popular', hue: 0 });
    expect(readExploreState({ tab: 'following' })).toEqual({ tab: 'following', hue: null });
  });

  it('falls back to the defaults for anything edited by hand', () => {
    expect(readExploreState({ sort: 'oldest', hue: 'red' })).toEqual({ tab: 'recent', hue: null });
    expect(readExploreState({ tab: 'mine' })).toEqual({ tab: 'recent', hue: null });
    // Following has no colour filter.
    expect(readExploreState({ tab: 'following', hue: '30' })).toEqual({ tab: 'following', hue: null });
    expect(parseHue('360')).toBeNull();
    expect(parseHue('-5')).toBeNull();
    expect(parseHue('12.5')).toBeNull();
    expect(parseHue(' 359 ')).toBe(359);
  });

  it('writes only what differs from the default, and reads back what it wrote', () => {
    expect(exploreParams({ tab: 'recent', hue: null })).toEqual({ tab: null, sort: null, hue: null });
    expect(exploreParams({ tab: 'popular', hue: 30 })).toEqual({ tab: null, sort: 'popular', hue: 30 });
    expect(exploreParams({ tab: 'following', hue: 30 })).toEqual({ tab: 'following', sort: null, hue: null });
    for (const state of [
      { tab: 'recent', hue: 0 },
      { tab: 'popular', hue: 359 },
      { tab: 'following', hue: null },
    ] as const) {
      const params = exploreParams(state);
      const asText = Object.fromEntries(
        Object.entries(params).map(([key, value]) => [key, value === null ? null : String(value)]),
      );
      expect(readExploreState(asText)).toEqual(state);
    }
  });

  it('names hues the way people do', () => {
    expect([0, 10, 30, 55, 120, 180, 210, 270, 300, 335, 350].map(hueName)).toEqual([
      'Red',
      'Red',
      'Orange',
      'Yellow',
      'Green',
      'Teal',
      'Blue',
      'Violet',
      'Magenta',
      'Pink',
      'Red',
    ]);
  });
});
