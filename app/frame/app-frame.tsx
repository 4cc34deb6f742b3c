import './app-frame.css';
import type { ReactNode } from 'react';
import { NhsLogo } from './nhs-logo';
import { frameWords } from './frame-words';
import { ThemeToggle } from './theme-toggle';
import { UpdatePrompt } from './update-prompt';
import { SavedSettingsNotice } from './saved-settings-notice';

/**
 * The frame around every screen: skip link, header (with the screens' navigation once the app
 * has started), DEMO banner when in demo mode, who is signed in, update prompt, main.
 */
export function AppFrame({ demo, navigation, signedIn, children }: { demo: boolean; navigation?: ReactNode; signedIn?: ReactNode; children: ReactNode }) {
  return (
    <div className={demo ? 'crl-app crl-app--demo' : 'crl-app'}>
      <a className="nhsuk-skip-link" href="#main-content">
        {frameWords.skipLink}
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container crl-header">
          <div className="nhsuk-header__service">
            <span className="nhsuk-header__service-logo">
              <NhsLogo />
            </span>
            <span className="nhsuk-header__service-name">{frameWords.serviceName}</span>
          </div>
          <ThemeToggle />
        </div>
        {navigation}
      </header>
      {demo && <DemoBanner />}
      {/* Who is holding the tablet, above any patient data (issue 10 point 3). */}
      {signedIn}
      <div className="nhsuk-width-container">
        {/* Above main, on every screen (the start-up error screen too: a new version may fix it). */}
        <UpdatePrompt />
        <SavedSettingsNotice />
        <main className="nhsuk-main-wrapper crl-main" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

/** Shown on every screen in demo mode (DESIGN.md safety rule 5). */
export function DemoBanner() {
  return (
    <div className="crl-demo-banner" role="region" aria-label="Demo mode">
      <div className="nhsuk-width-container">
        <strong className="crl-demo-banner__tag">{frameWords.demoBanner}</strong> {frameWords.demoBannerDetail}
      </div>
    </div>
  );
}
