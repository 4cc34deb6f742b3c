import { useEffect, useState } from 'react';
import { frameWords } from './frame-words';

type Theme = 'light' | 'dark';
const STORAGE_KEY = 'crl-theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Night shifts: a dark theme that follows the tablet's setting until the crew picks one.
 * The choice is a display preference only, kept in localStorage (no patient data).
 */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="crl-theme-toggle"
      aria-pressed={dark}
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        localStorage.setItem(STORAGE_KEY, next);
        setTheme(next);
      }}
    >
      {dark ? frameWords.darkModeOn : frameWords.darkModeOff}
    </button>
  );
}
