import { TestBed } from '@angular/core/testing';

import { THEME_STORAGE_KEY, Theme } from './theme';

function fakeSystem(dark: boolean): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({
      matches: dark && query.includes('dark'),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }),
  });
}

describe('Theme', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('data-theme');
  });

  function create(): Theme {
    const theme = TestBed.inject(Theme);
    TestBed.tick();
    return theme;
  }

  it('follows the system when nothing was chosen', () => {
    fakeSystem(true);
    const theme = create();
    expect(theme.current()).toBe('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  it('toggles, applies and remembers the choice', () => {
    fakeSystem(false);
    const theme = create();
    expect(theme.current()).toBe('light');

    theme.toggle();
    TestBed.tick();
    expect(theme.dark()).toBe(true);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    theme.toggle();
    TestBed.tick();
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  it('a stored choice wins over the system on the next visit', () => {
    fakeSystem(false);
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    const theme = create();
    expect(theme.current()).toBe('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  it('ignores garbage in storage', () => {
    fakeSystem(false);
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(create().current()).toBe('light');
  });
});
