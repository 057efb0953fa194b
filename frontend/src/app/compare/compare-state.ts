import type { Params } from '@angular/router';

/** How two stages are laid over each other. */
export type CompareMode = 'swipe' | 'onion' | 'blink' | 'side';
export const COMPARE_MODES: readonly CompareMode[] = ['swipe', 'onion', 'blink', 'side'];

export const COMPARE_MODE_LABELS: Readonly<Record<CompareMode, string>> = {
  swipe: 'Swipe',
  onion: 'Onion skin',
  blink: 'Blink',
  side: 'Side by side',
};

/** Which side of a comparison the filmstrip picks. */
export type CompareSide = 'before' | 'after';

/** Two stages (0-based indexes into the artwork's stages) and the way they are compared. */
export interface CompareState {
  /** The earlier picture: left of the divider, under the onion skin. */
  readonly before: number;
  /** The later picture. */
  readonly after: number;
  readonly mode: CompareMode;
}

/** The query parameters as the router hands them over: absent, or text. */
export interface CompareParams {
  readonly compare?: string | null;
  readonly mode?: string | null;
}

/**
 * `?compare=1,4&mode=swipe` (stages 1-based, as in `?stage=`). No `compare`, or one that does
 * not name two different stages of this artwork, means "not comparing"; an unknown mode is
 * swipe. Addresses get edited by hand, so nothing here throws.
 */
export function readCompareState(params: CompareParams, count: number): CompareState | null {
  const match = /^\s*(\d{1,4})\s*,\s*(\d{1,4})\s*$/.exec(params.compare ?? '');
  if (!match) {
    return null;
  }
  const before = Number(match[1]) - 1;
  const after = Number(match[2]) - 1;
  const inside = (index: number) => index >= 0 && index < count;
  if (!inside(before) || !inside(after) || before === after) {
    return null;
  }
  const mode = COMPARE_MODES.find((m) => m === params.mode) ?? 'swipe';
  return { before, after, mode };
}

/** The query parameters for a state; null removes them (the router drops null values). */
export function compareParams(state: CompareState | null): Params {
  if (!state) {
    return { compare: null, mode: null };
  }
  return { compare: `${state.before + 1},${state.after + 1}`, mode: state.mode };
}

/**
 * Where comparing starts: the first stage against the one on screen (how far it came), or,
 * on the first stage, against the last. Null when there is nothing to compare with.
 */
export function startCompare(current: number, count: number): CompareState | null {
  if (count < 2) {
    return null;
  }
  const at = Math.min(Math.max(current, 0), count - 1);
  return { before: 0, after: at === 0 ? count - 1 : at, mode: 'swipe' };
}
