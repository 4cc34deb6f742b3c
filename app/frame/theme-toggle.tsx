import { useSyncExternalStore } from 'react';
import { frameWords } from './frame-words';
import { themeStore } from './theme';

/**
 * Night shifts: a dark theme that follows the tablet's setting until the crew picks one
 * (app/frame/theme.ts; applied before the first paint, so this button only changes it).
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(themeStore.subscribe, themeStore.getSnapshot, themeStore.getServerSnapshot);
  const dark = theme === 'dark';
  return (
    <button type="button" className="crl-theme-toggle" aria-pressed={dark} onClick={() => themeStore.choose(dark ? 'light' : 'dark')}>
      {dark ? frameWords.darkModeOn : frameWords.darkModeOff}
    </button>
  );
}
