import { useSyncExternalStore } from 'react';
import { configProvenance, type ConfigProvenance } from '../config/config-provenance';
import { describeRetrievedTime } from '../domain/staleness';
import { frameWords } from './frame-words';

/**
 * Said only when it matters: the server answered with a missing or broken settings file and
 * the device carries on with its last good copy. Offline starts stay quiet (the offline banner
 * already says why); app/config/load-config.ts has the rule.
 */
export function SavedSettingsNotice({ provenance = configProvenance }: { provenance?: Pick<typeof configProvenance, 'subscribe' | 'getSnapshot'> }) {
  // Rendered at build time with no settings read yet (.ci/first-screen-html.ts): nothing to say.
  const current: ConfigProvenance | undefined = useSyncExternalStore(provenance.subscribe, provenance.getSnapshot, () => undefined);
  if (current?.source !== 'device' || !current.serverProblem) return null;
  return (
    <div className="nhsuk-inset-text crl-settings-notice" role="status">
      <p>{frameWords.savedSettingsNotice(describeRetrievedTime(current.savedAt, new Date()))}</p>
      <p className="nhsuk-body-s">
        {frameWords.savedSettingsDetail} ({current.serverProblem})
      </p>
    </div>
  );
}
