import { frameWords } from './frame-words';

export type Screen = 'lookup' | 'history';

const SCREENS: readonly Screen[] = ['lookup', 'history'];

/**
 * The NHS.UK header navigation (nhsuk-frontend 10 template), with buttons rather than links:
 * screens are view state, not URLs (no router), so there is nowhere for a link to go.
 */
export function AppNavigation({ current, onNavigate }: { current: Screen; onNavigate: (screen: Screen) => void }) {
  return (
    <nav className="nhsuk-header__navigation" aria-label={frameWords.navigationLabel}>
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list">
          {SCREENS.map((screen) => {
            const isCurrent = screen === current;
            const label = frameWords.navigation[screen];
            return (
              <li key={screen} className={isCurrent ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current' : 'nhsuk-header__navigation-item'}>
                <button type="button" className="nhsuk-header__navigation-link crl-navigation-button" aria-current={isCurrent ? 'page' : undefined} onClick={() => onNavigate(screen)}>
                  {/* As the template does: bold survives when colours and styles are overridden. */}
                  {isCurrent ? <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong> : label}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
