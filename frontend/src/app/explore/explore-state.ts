import type { Params } from '@angular/router';

/** The lists Explore offers. */
export type ExploreTab = 'recent' | 'popular' | 'following';
export const EXPLORE_TABS: readonly ExploreTab[] = ['recent', 'popular', 'following'];

/** What Explore shows; kept in the address so it can be shared and survives a reload. */
export interface ExploreState {
  readonly tab: ExploreTab;
  /** Only works with a colour near this hue (0–359), or null for all. Not on Following. */
  readonly hue: number | null;
}

/** The query parameters as the router hands them over: absent, or text. */
export interface ExploreParams {
  readonly tab?: string | null;
  readonly sort?: string | null;
  readonly hue?: string | null;
}

/**
 * `/?tab=following`, `/?sort=popular`, `/?hue=210`, `/?sort=popular&hue=30`; anything else is
 * the default (recent, every colour) rather than an error, since addresses get edited by hand.
 */
export function readExploreState(params: ExploreParams): ExploreState {
  if (params.tab === 'following') {
    return { tab: 'following', hue: null };
  }
  return { tab: params.sort === 'popular' ? 'popular' : 'recent', hue: parseHue(params.hue) };
}

/** The query parameters for a state; null removes a parameter, so defaults leave none. */
export function exploreParams(state: ExploreState): Params {
  const following = state.tab === 'following';
  return {
    tab: following ? 'following' : null,
    sort: state.tab === 'popular' ? 'popular' : null,
    hue: following ? null : state.hue,
  };
}

/** A whole number of degrees 0–359, or null. */
export function parseHue(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,3}$/.test(value.trim())) {
    return null;
  }
  const hue = Number(value);
  return hue <= 359 ? hue : null;
}

const HUE_NAMES: readonly (readonly [number, string])[] = [
  [15, 'Red'],
  [45, 'Orange'],
  [70, 'Yellow'],
  [160, 'Green'],
  [200, 'Teal'],
  [255, 'Blue'],
  [290, 'Violet'],
  [330, 'Magenta'],
  [345, 'Pink'],
  [360, 'Red'],
];

/** The everyday name of a hue, for people and screen readers: 210 → "Blue". */
export function hueName(hue: number): string {
  const normalized = ((Math.round(hue) % 360) + 360) % 360;
  return HUE_NAMES.find(([below]) => normalized < below)?.[1] ?? 'Red';
}
