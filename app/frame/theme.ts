/**
 * The light or dark theme (night shifts): the crew's choice on this device, else the tablet's
 * setting. A display preference only, kept in localStorage (no patient data). It is applied as
 * data-theme on <html> before the first paint by a small script in <head> (THEME_BEFORE_PAINT,
 * put there by the build), so a dark tablet never flashes white while the app loads.
 */
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'crl-theme';

/**
 * The script the build puts in <head>, as its own file (the Content Security Policy allows no
 * inline script). Plain ES5, no imports: it runs before anything else on the page. The same rule
 * as appliedTheme() below (theme.test.ts runs both).
 */
export const THEME_BEFORE_PAINT = `(function () {
  var theme;
  try {
    theme = localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});
  } catch (e) {}
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-theme', theme);
})();
`;

function chosenTheme(): Theme {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    // Storage refused (a locked-down profile): the tablet's setting decides.
  }
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The theme on the page: the one the <head> script applied, or (no script ran, as in tests) the chosen one, applied now. */
export function appliedTheme(): Theme {
  const applied = document.documentElement.dataset.theme;
  if (applied === 'light' || applied === 'dark') return applied;
  const theme = chosenTheme();
  document.documentElement.dataset.theme = theme;
  return theme;
}

const listeners = new Set<() => void>();

/** The theme as an external store, so the frame's toggle follows it (and the build can render it: 'light'). */
export const themeStore = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: appliedTheme,
  /** What the HTML rendered at build time shows; React reads the page's own theme right after taking over. */
  getServerSnapshot: (): Theme => 'light',
  choose(theme: Theme): void {
    try {
      localStorage.setItem(THEME_STORAGE_KEY, theme);
    } catch {
      // Not kept: the choice holds for this page only.
    }
    document.documentElement.dataset.theme = theme;
    for (const listener of listeners) listener();
  },
};
