import { album, image, stage } from '../testing/artworks';
import { openingStageIndex, readStageParam, stageParam } from './stage-address';

describe('stage address', () => {
  it('reads ?stage= as a 1-based position within the artwork', () => {
    expect(readStageParam('1', 5)).toBe(0);
    expect(readStageParam('3', 5)).toBe(2);
    expect(readStageParam(' 5 ', 5)).toBe(4);
  });

  it('ignores what is not a stage of this artwork', () => {
    for (const value of [undefined, null, '', '0', '6', '-1', '2.5', 'two', '1e1', '99999']) {
      expect(readStageParam(value, 5)).toBeNull();
    }
  });

  it('writes the parameter back 1-based', () => {
    expect(stageParam(0)).toBe('1');
    expect(readStageParam(stageParam(3), 5)).toBe(3);
  });

  it('opens on the final stage, wherever it stands', () => {
    const stages = [
      stage('a', 0, { kind: 'sketch' }),
      stage('b', 1, { kind: 'final' }),
      stage('c', 2, { kind: 'detail' }),
    ];
    expect(openingStageIndex(album(stages))).toBe(1);
  });

  it('opens on the cover the painter pinned, over the final', () => {
    const stages = [stage('a', 0, { kind: 'sketch' }), stage('b', 1, { kind: 'final' })];
    expect(openingStageIndex(album(stages, { coverStageId: 'a', coverPinned: true }))).toBe(0);
    // A cover chosen automatically is not a painter's choice.
    expect(openingStageIndex(album(stages, { coverStageId: 'a', coverPinned: false }))).toBe(1);
  });

  it('without a finished final, opens on the last stage with a picture', () => {
    const stages = [
      stage('a', 0, { kind: 'sketch', image: image('a') }),
      stage('b', 1, { kind: 'color', image: image('b') }),
      stage('c', 2, { kind: 'final', image: null, status: 'processing' }),
    ];
    expect(openingStageIndex(album(stages))).toBe(1);
    expect(openingStageIndex(album([stage('x', 0, { image: null, status: 'pending' })]))).toBe(0);
    expect(openingStageIndex(album([]))).toBe(-1);
  });
});
