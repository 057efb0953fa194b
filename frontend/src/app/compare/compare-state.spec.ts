import { compareParams, readCompareState, startCompare } from './compare-state';

describe('compare state', () => {
  it('reads ?compare=1,4&mode=… as two 1-based stages and a mode', () => {
    expect(readCompareState({ compare: '1,4', mode: 'swipe' }, 5)).toEqual({
      before: 0,
      after: 3,
      mode: 'swipe',
    });
    expect(readCompareState({ compare: '4, 2', mode: 'onion' }, 5)).toEqual({
      before: 3,
      after: 1,
      mode: 'onion',
    });
    expect(readCompareState({ compare: '1,2', mode: 'blink' }, 2)?.mode).toBe('blink');
    expect(readCompareState({ compare: '1,2', mode: 'side' }, 2)?.mode).toBe('side');
  });

  it('takes swipe for a missing or unknown mode', () => {
    expect(readCompareState({ compare: '1,2' }, 3)?.mode).toBe('swipe');
    expect(readCompareState({ compare: '1,2', mode: 'wipe' }, 3)?.mode).toBe('swipe');
  });

  it('is not comparing unless two different stages of this artwork are named', () => {
    for (const compare of [undefined, null, '', '1', '1,1', '0,2', '1,6', '1,2,3', 'a,b', '1;2', '-1,2']) {
      expect(readCompareState({ compare, mode: 'swipe' }, 5)).toBeNull();
    }
  });

  it('writes the parameters so that reading them gives the same state', () => {
    const state = { before: 0, after: 3, mode: 'onion' } as const;
    const params = compareParams(state);
    expect(params).toEqual({ compare: '1,4', mode: 'onion' });
    expect(readCompareState(params, 5)).toEqual(state);
  });

  it('removes the parameters when not comparing', () => {
    expect(compareParams(null)).toEqual({ compare: null, mode: null });
  });

  it('starts with the first stage against the one on screen', () => {
    expect(startCompare(3, 5)).toEqual({ before: 0, after: 3, mode: 'swipe' });
    expect(startCompare(0, 5)).toEqual({ before: 0, after: 4, mode: 'swipe' });
    expect(startCompare(9, 3)).toEqual({ before: 0, after: 2, mode: 'swipe' });
    expect(startCompare(0, 1)).toBeNull();
  });
});
