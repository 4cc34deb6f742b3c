import { useSyncExternalStore } from 'react';

/**
 * The screen in the address bar (issue 10 point 5: a screen the role does not allow is refused by
 * URL too). Three paths, so the History API is enough; a router library would carry more than it
 * gives. The service worker serves the app for every one of them (navigateFallback).
 */
export type Screen = 'lookup' | 'history';

const PATHS: Record<Screen, string> = { lookup: '/', history: '/history' };

export function pathFor(screen: Screen): string {
  return PATHS[screen];
}

/** Any other path (a mistyped one, the sign-in callback once used) is the lookup. */
export function screenAt(pathname: string): Screen {
  return pathname.replace(/\/+$/, '') === PATHS.history ? 'history' : 'lookup';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

const listeners = new Set<() => void>();
function subscribeAll(listener: () => void): () => void {
  listeners.add(listener);
  const off = subscribe(listener);
  return () => {
    listeners.delete(listener);
    off();
  };
}

export function useScreen(): Screen {
  return useSyncExternalStore(subscribeAll, () => screenAt(window.location.pathname));
}

/** Moves to a screen as a link would: a new history entry, so Back returns. */
export function goTo(screen: Screen): void {
  if (screenAt(window.location.pathname) === screen && window.location.pathname === PATHS[screen]) return;
  window.history.pushState(null, '', PATHS[screen]);
  for (const listener of listeners) listener();
}
