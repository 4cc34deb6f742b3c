import { useSyncExternalStore } from 'react';
import { serviceWorkerUpdates, type ServiceWorkerUpdates } from '../sync/service-worker-updates';
import { NotificationBanner } from '../ui/notification-banner';
import { frameWords } from './frame-words';

/**
 * "A new version is ready", in the NHS.UK notification-banner pattern. The crew decides when
 * to reload (issue 4: no automatic reload while a plan is open). The empty live region is
 * always in the page so a screen reader announces the banner when it appears; focus is left
 * where it is, so nobody is pulled away from a patient mid-search.
 */
/** What the first screen's HTML, rendered at build time, holds: no update yet (.ci/first-screen-html.ts). */
const NOTHING_WAITING = { needRefresh: false } as const;
const serverSnapshot = () => NOTHING_WAITING;

export function UpdatePrompt({ updates = serviceWorkerUpdates }: { updates?: ServiceWorkerUpdates }) {
  const { needRefresh } = useSyncExternalStore(updates.subscribe, updates.getSnapshot, serverSnapshot);
  return (
    <div aria-live="polite">
      {needRefresh && (
        <NotificationBanner title={frameWords.updateTitle} className="crl-update-prompt">
          <p className="nhsuk-notification-banner__heading">{frameWords.updateHeading}</p>
          <p className="nhsuk-body">{frameWords.updateBody}</p>
          <button type="button" className="nhsuk-button crl-update-prompt__button" onClick={() => void updates.applyUpdate()}>
            {frameWords.updateReload}
          </button>
        </NotificationBanner>
      )}
    </div>
  );
}
