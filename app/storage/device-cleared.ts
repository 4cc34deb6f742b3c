import type { DeviceDatabase } from './device-database';

/**
 * "Clear this device" in one tab must reach every other open tab of the app (issue 7 point 9):
 * each holds the clinical keys in memory (device-keys.ts) and patient data in its queries, and a
 * tab that never heard of the clear would keep both, and could seal new records under a key the
 * clear deleted. A BroadcastChannel per database reaches every tab and worker of this origin that
 * has the same database open. A page's own channels hear its messages too, so each message names
 * the connection that cleared, and that connection's listeners ignore it: the tab that cleared
 * does the same work itself, with its own words.
 *
 * The message is only a prompt: the keys row is checked again inside every clinical write
 * (`requireCurrentKeys`), so a tab that misses it still cannot write under a deleted key.
 */

/**
 * Why the clinical data went: Clear this device (and a new shift PIN set in another tab, which
 * wipes what the old keys sealed), a sign-out, a different person signing in (issue 10 point 7),
 * or the fifth wrong shift PIN (issue 11 point 4). Every other tab drops what it shows and the
 * clinical keys it holds either way; on `signed-out`, `new-person` and `wrong-pin` a tab still
 * signed in should end that session too (after five wrong PINs the person signs in again).
 */
export type DeviceClearedReason = 'cleared' | 'signed-out' | 'new-person' | 'wrong-pin';
const REASONS: readonly DeviceClearedReason[] = ['cleared', 'signed-out', 'new-person', 'wrong-pin'];

interface ClearedMessage {
  readonly type: 'device-cleared';
  readonly connection: string;
  readonly reason: DeviceClearedReason;
}

const channelName = (db: DeviceDatabase) => `crew-record-locator:device-cleared:${db.name}`;

// One id per open connection: a tab opens its database once; two connections in one test are two tabs.
const connections = new WeakMap<DeviceDatabase, string>();
function connectionId(db: DeviceDatabase): string {
  let id = connections.get(db);
  if (id === undefined) {
    id = crypto.randomUUID();
    connections.set(db, id);
  }
  return id;
}

/** Tells every other tab with this database open that its clinical cache and keys are gone. */
export function announceDeviceCleared(db: DeviceDatabase, reason: DeviceClearedReason = 'cleared'): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(channelName(db));
  try {
    channel.postMessage({ type: 'device-cleared', connection: connectionId(db), reason } satisfies ClearedMessage);
  } finally {
    // Messages already posted are still delivered after the sender closes.
    channel.close();
  }
}

/** Calls `listener` whenever another tab clears this database, saying why; returns the unsubscribe. */
export function onDeviceClearedElsewhere(db: DeviceDatabase, listener: (reason: DeviceClearedReason) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName(db));
  const self = connectionId(db);
  channel.onmessage = (event: MessageEvent) => {
    const message = event.data as Partial<ClearedMessage> | null;
    if (message?.type !== 'device-cleared' || message.connection === self) return;
    // A message from an older version of the app carries no reason: it was Clear this device.
    listener(REASONS.includes(message.reason as DeviceClearedReason) ? (message.reason as DeviceClearedReason) : 'cleared');
  };
  // Node (unit tests): a listening channel must not keep the process alive. Browsers lack unref.
  (channel as { unref?: () => void }).unref?.();
  return () => channel.close();
}
