import { useSyncExternalStore } from 'react';
import { useRuntime } from '../../runtime/runtime-context';
import { savedWords as words } from './saved-words';

/** How many access events this device still holds for the audit service; nothing when none. */
export function AccessRecordsWaiting() {
  const { accessDelivery } = useRuntime();
  const status = useSyncExternalStore(accessDelivery.subscribe, accessDelivery.getSnapshot);
  if (!status.waiting) return null;
  return (
    <p className="crl-inline-status" role="status">
      {words.accessWaiting(status.waiting)}
      {status.refused > 0 && <> {words.accessRefused(status.refused)}</>}
    </p>
  );
}
