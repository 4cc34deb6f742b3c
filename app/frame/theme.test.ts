// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appliedTheme, THEME_BEFORE_PAINT, THEME_STORAGE_KEY, themeStore } from './theme';

function tabletPrefersDark(dark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: dark && query === '(prefers-color-scheme: dark)', media: query }));
}

/** Runs the <head> script as the browser does, from a clean page. */
function runBeforePaintScript(): string | undefined {
  delete document.documentElement.dataset.theme;
  new Function(THEME_BEFORE_PAINT)();
  return document.documentElement.dataset.theme;
}

function appliedByApp(): string {
  delete document.documentElement.dataset.theme;
  return appliedTheme();
}

describe('the theme before the first paint', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
    delete document.documentElement.dataset.theme;
  });

  it.each([
    { saved: null, dark: false, expected: 'light' },
    { saved: null, dark: true, expected: 'dark' },
    { saved: 'dark', dark: false, expected: 'dark' },
    { saved: 'light', dark: true, expected: 'light' },
    { saved: 'purple', dark: true, expected: 'dark' },
  ])('saved $saved, tablet dark $dark: the script and the app both apply $expected', ({ saved, dark, expected }) => {
    tabletPrefersDark(dark);
    if (saved !== null) localStorage.setItem(THEME_STORAGE_KEY, saved);
    expect(runBeforePaintScript()).toBe(expected);
    expect(appliedByApp()).toBe(expected);
  });

  it('the app keeps what the script applied, and a choice is saved and applied at once', () => {
    tabletPrefersDark(false);
    document.documentElement.dataset.theme = 'dark';
    expect(themeStore.getSnapshot()).toBe('dark');
    const listener = vi.fn();
    const stop = themeStore.subscribe(listener);
    themeStore.choose('light');
    stop();
    expect(listener).toHaveBeenCalledOnce();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(runBeforePaintScript()).toBe('light');
  });
});
