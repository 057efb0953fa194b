import {
  LUMINANCE_MATRIX,
  NO_TOOLS,
  bandTable,
  describeTools,
  nextBands,
  toggleTool,
  toolFilter,
  toolForKey,
  toolTransform,
} from './painter-tools';

function key(k: string, changes: Partial<KeyboardEvent> = {}): KeyboardEvent {
  return { key: k, altKey: false, ctrlKey: false, metaKey: false, target: null, ...changes } as KeyboardEvent;
}

describe('painter tools', () => {
  it('applies nothing when no tool is on', () => {
    expect(toolFilter(NO_TOOLS, 'bands')).toBeNull();
    expect(toolTransform(NO_TOOLS)).toBeNull();
    expect(describeTools(NO_TOOLS)).toBe('No tools');
  });

  it('greyscale, squint and mirror are CSS filters and a transform', () => {
    expect(toolFilter({ ...NO_TOOLS, greyscale: true }, 'b')).toBe('grayscale(1)');
    expect(toolFilter({ ...NO_TOOLS, squint: true }, 'b')).toBe('blur(6px)');
    expect(toolFilter({ ...NO_TOOLS, squint: true, greyscale: true }, 'b')).toBe('blur(6px) grayscale(1)');
    expect(toolTransform({ ...NO_TOOLS, mirror: true })).toBe('scaleX(-1)');
  });

  it('value bands use the SVG filter, after the blur, and stand in for greyscale', () => {
    expect(toolFilter({ ...NO_TOOLS, bands: 3 }, 'value-bands-1')).toBe('url(#value-bands-1)');
    expect(toolFilter({ ...NO_TOOLS, bands: 5, greyscale: true, squint: true }, 'v')).toBe(
      'blur(6px) url(#v)',
    );
  });

  it('posterises to evenly spaced greys', () => {
    expect(bandTable(3)).toBe('0 0.5 1');
    expect(bandTable(5)).toBe('0 0.25 0.5 0.75 1');
    expect(bandTable(4)).toBe('0 0.333 0.667 1');
    expect(bandTable(0)).toBe('0 1');
  });

  it('weighs the channels by luminance in every row of the colour matrix', () => {
    const values = LUMINANCE_MATRIX.split(' ').map(Number);
    expect(values).toHaveLength(20);
    for (const row of [0, 1, 2]) {
      const [r, g, b] = values.slice(row * 5, row * 5 + 3);
      expect(r + g + b).toBeCloseTo(1, 5);
      expect(g).toBeGreaterThan(r);
      expect(r).toBeGreaterThan(b);
    }
    expect(values.slice(15)).toEqual([0, 0, 0, 1, 0]);
  });

  it('cycles the bands off → 3 → 5 → off and toggles the others', () => {
    expect([nextBands(0), nextBands(3), nextBands(5)]).toEqual([3, 5, 0]);
    const on = toggleTool(NO_TOOLS, 'greyscale');
    expect(on.greyscale).toBe(true);
    expect(toggleTool(on, 'greyscale').greyscale).toBe(false);
    expect(toggleTool(NO_TOOLS, 'bands').bands).toBe(3);
    expect(describeTools({ greyscale: true, mirror: true, squint: false, bands: 0 })).toBe(
      'Greyscale, mirrored',
    );
    expect(describeTools({ ...NO_TOOLS, bands: 5, squint: true })).toBe('5 value bands, squinting');
  });

  it('maps G, M, S and V to the tools, but not with modifiers or while typing', () => {
    expect(toolForKey(key('g'))).toBe('greyscale');
    expect(toolForKey(key('M'))).toBe('mirror');
    expect(toolForKey(key('s'))).toBe('squint');
    expect(toolForKey(key('v'))).toBe('bands');
    expect(toolForKey(key('x'))).toBeNull();
    expect(toolForKey(key('g', { ctrlKey: true }))).toBeNull();
    expect(toolForKey(key('s', { metaKey: true }))).toBeNull();
    expect(toolForKey(key('g', { target: document.createElement('textarea') }))).toBeNull();
    const text = document.createElement('input');
    expect(toolForKey(key('g', { target: text }))).toBeNull();
    const range = document.createElement('input');
    range.type = 'range';
    expect(toolForKey(key('g', { target: range }))).toBe('greyscale');
  });
});
