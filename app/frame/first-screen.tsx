import { AppFrame } from './app-frame';
import { frameWords } from './frame-words';

/**
 * What every start shows until the settings are read: the NHS.UK header with the service name,
 * and a status saying the app is starting. Rendered into index.html at build time
 * (.ci/first-screen-html.ts), so it paints before any JavaScript has arrived; main.tsx then
 * takes it over with hydrateRoot, and the real first screen replaces the status.
 *
 * Nothing a crew can act on is here (docs/performance.md "Issue 13: first paint"): whether the
 * next screen is sign-in, the shift PIN, the lookup or demo mode depends on the device's
 * settings, session and lock, which only the app can know. Never demo mode: the banner is
 * shown by the app once config.json says demo.
 */
export function FirstScreen() {
  return (
    <AppFrame demo={false}>
      <p className="nhsuk-body-l" role="status">
        {frameWords.starting}
      </p>
    </AppFrame>
  );
}
