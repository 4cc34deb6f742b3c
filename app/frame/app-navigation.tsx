import type { MouseEvent } from 'react';
import { pathFor, type Screen } from './app-location';
import { frameWords } from './frame-words';

/**
 * The NHS.UK header navigation (nhsuk-frontend 10 template). Links with real paths (a screen is
 * a URL, so it can be refused by URL too); a plain click moves in the page without a reload.
 * Only the screens the signed-in role may use are listed.
 */
export function AppNavigation({ screens, current, onNavigate }: { screens: readonly Screen[]; current: Screen; onNavigate: (screen: Screen) => void }) {
  if (screens.length < 2) return null;
  const follow = (screen: Screen) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(screen);
  };
  return (
    <nav className="nhsuk-header__navigation" aria-label={frameWords.navigationLabel}>
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list">
          {screens.map((screen) => {
            const isCurrent = screen === current;
            const label = frameWords.navigation[screen];
            return (
              <li key={screen} className={isCurrent ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current' : 'nhsuk-header__navigation-item'}>
                <a className="nhsuk-header__navigation-link" href={pathFor(screen)} aria-current={isCurrent ? 'page' : undefined} onClick={follow(screen)}>
                  {/* As the template does: bold survives when colours and styles are overridden. */}
                  {isCurrent ? <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong> : label}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
