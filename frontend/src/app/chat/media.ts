import { DestroyRef, type Signal, inject, signal } from '@angular/core';

/** Whether a media query matches, as a signal that follows it. Call in an injection context. */
export function mediaQuery(query: string): Signal<boolean> {
  if (typeof matchMedia === 'undefined') {
    return signal(true).asReadonly();
  }
  const list = matchMedia(query);
  const matches = signal(list.matches);
  const change = (event: MediaQueryListEvent) => matches.set(event.matches);
  list.addEventListener('change', change);
  inject(DestroyRef).onDestroy(() => list.removeEventListener('change', change));
  return matches.asReadonly();
}

/** Wide enough for the list and a conversation side by side. */
export const TWO_COLUMNS = '(min-width: 720px)';
/** Wide enough for the online panel as a third column. */
export const THREE_COLUMNS = '(min-width: 1100px)';
