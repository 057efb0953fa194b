import { DOCUMENT, isPlatformServer } from '@angular/common';
import { Injectable, PLATFORM_ID, computed, effect, inject, signal } from '@angular/core';

export type ThemeName = 'light' | 'dark';

/** Also read by public/theme-boot.js, which applies the choice before Angular starts. */
export const THEME_STORAGE_KEY = 'gallery.theme';

/**
 * Light or dark. Follows the system until the visitor picks one with the toggle; the pick
 * is remembered in localStorage. The page reads it from `data-theme` on <html>.
 */
@Injectable({ providedIn: 'root' })
export class Theme {
  private readonly document = inject(DOCUMENT);
  /** None when the server renders: there the visitor's choice and system are unknown. */
  private readonly window = isPlatformServer(inject(PLATFORM_ID)) ? null : this.document.defaultView;
  private readonly chosen = signal<ThemeName | null>(this.readChoice());
  private readonly systemDark = signal(this.watchSystem());

  /** The theme on screen now. */
  readonly current = computed<ThemeName>(() => this.chosen() ?? (this.systemDark() ? 'dark' : 'light'));
  readonly dark = computed(() => this.current() === 'dark');

  private readonly applyToPage = effect(() => {
    const theme = this.current();
    // A server-rendered page leaves it to theme-boot.js and the system preference (styles.css).
    if (this.window) this.document.documentElement.setAttribute('data-theme', theme);
  });

  /** Switches to the other theme and remembers the choice. */
  toggle(): void {
    const next: ThemeName = this.dark() ? 'light' : 'dark';
    this.chosen.set(next);
    try {
      this.window?.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private modes may refuse storage; the theme still changes for this visit.
    }
  }

  private readChoice(): ThemeName | null {
    try {
      const stored = this.window?.localStorage.getItem(THEME_STORAGE_KEY);
      return stored === 'light' || stored === 'dark' ? stored : null;
    } catch {
      return null;
    }
  }

  /** Current system preference; keeps the signal in step when the system switches. */
  private watchSystem(): boolean {
    const query = this.window?.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) {
      return false;
    }
    query.addEventListener?.('change', (event) => this.systemDark.set(event.matches));
    return query.matches;
  }
}
