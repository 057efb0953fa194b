/**
 * Painter's tools: ways painters check a picture (values in grey, a mirror for fresh eyes,
 * squinting for the big shapes, a few value bands for the design of lights and darks). Pure
 * definitions here; {@link ToolSettings} keeps the state and the views apply it with CSS.
 */

/** Value bands: off, or the number of grey levels the picture is posterised to. */
export type BandLevels = 0 | 3 | 5;

export interface PainterTools {
  readonly greyscale: boolean;
  readonly mirror: boolean;
  readonly squint: boolean;
  readonly bands: BandLevels;
}

export type ToolName = 'greyscale' | 'mirror' | 'squint' | 'bands';

export const NO_TOOLS: PainterTools = { greyscale: false, mirror: false, squint: false, bands: 0 };

/** The key that toggles each tool (no modifiers), shown on its button. */
export const TOOL_KEYS: Readonly<Record<ToolName, string>> = {
  greyscale: 'g',
  mirror: 'm',
  squint: 's',
  bands: 'v',
};

/** Blur of the squint, in px: enough to lose the detail and keep the big masses. */
export const SQUINT_BLUR_PX = 6;

/**
 * Rec. 709 luminance into all three channels: the grey the value bands are cut from. Rows are
 * R, G, B, A of an feColorMatrix.
 */
export const LUMINANCE_MATRIX = [
  '0.2126 0.7152 0.0722 0 0',
  '0.2126 0.7152 0.0722 0 0',
  '0.2126 0.7152 0.0722 0 0',
  '0 0 0 1 0',
].join(' ');

/**
 * tableValues of a discrete feFuncR/G/B: `levels` greys evenly from black to white, each
 * taking an equal share of the input range (3 → "0 0.5 1"). Fewer than 2 levels is no change.
 */
export function bandTable(levels: number): string {
  if (levels < 2) {
    return '0 1';
  }
  return Array.from({ length: levels }, (_, i) => round(i / (levels - 1))).join(' ');
}

/**
 * The CSS `filter` for the tools, or null for none. `bandsFilter` is the id of the SVG filter
 * that makes the value bands (see ToolFilters). The blur goes first so the bands are cut from
 * the big masses rather than from every brushstroke; greyscale is implied by the bands.
 */
export function toolFilter(tools: PainterTools, bandsFilter: string): string | null {
  const parts: string[] = [];
  if (tools.squint) {
    parts.push(`blur(${SQUINT_BLUR_PX}px)`);
  }
  if (tools.bands) {
    parts.push(`url(#${bandsFilter})`);
  } else if (tools.greyscale) {
    parts.push('grayscale(1)');
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The CSS `transform` for the tools (the mirror), or null. */
export function toolTransform(tools: PainterTools): string | null {
  return tools.mirror ? 'scaleX(-1)' : null;
}

/** Off → 3 → 5 → off. */
export function nextBands(bands: BandLevels): BandLevels {
  return bands === 0 ? 3 : bands === 3 ? 5 : 0;
}

export function toggleTool(tools: PainterTools, name: ToolName): PainterTools {
  return name === 'bands' ? { ...tools, bands: nextBands(tools.bands) } : { ...tools, [name]: !tools[name] };
}

/**
 * The tool a key press toggles, or null. Keys with a modifier, and keys typed into a field,
 * belong to someone else.
 */
export function toolForKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>,
): ToolName | null {
  if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
    return null;
  }
  const key = event.key.toLowerCase();
  const entry = Object.entries(TOOL_KEYS).find(([, k]) => k === key);
  return entry ? (entry[0] as ToolName) : null;
}

/** What is on, for people: "Greyscale, mirrored" or "No tools". */
export function describeTools(tools: PainterTools): string {
  const on = [
    tools.bands ? `${tools.bands} value bands` : tools.greyscale ? 'greyscale' : null,
    tools.mirror ? 'mirrored' : null,
    tools.squint ? 'squinting' : null,
  ].filter((part): part is string => part !== null);
  if (on.length === 0) {
    return 'No tools';
  }
  const text = on.join(', ');
  return text[0].toUpperCase() + text.slice(1);
}

function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) {
    return false;
  }
  if (target instanceof HTMLInputElement) {
    return !['range', 'checkbox', 'radio', 'button'].includes(target.type);
  }
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
