/**
 * "Clear this device" in one tab must reach every other open tab of the app (issue 7 point 9):
 * each holds the clinical keys in memory (device-keys.ts) and patient data in its queries, and a
 * tab that never heard of the clear would keep both, and could seal new records under a key the
 * clear deleted. A BroadcastChannel per database reaches every tab and worker of this origin that
 * has the same database open; the sending tab does not hear its own message, and does the same
 * work itself after the clear.
 *
 * The message is only a prompt: the keys row is checked again inside every clinical write
 * (`requireCurrentKeys`), so a tab that misses it still cannot write under a deleted key.
 */

const MESSAGE = 'device-cleared';

const channelName = (databaseName: string) => `crew-record-locator:device-cleared:${databaseName}`;

/** Tells every other tab that the clinical cache and its keys in `databaseName` are gone. */
export function announceDeviceCleared(databaseName: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(channelName(databaseName));
  try {
    channel.postMessage(MESSAGE);
  } finally {
    // Messages already posted are still delivered after the sender closes.
    channel.close();
  }
}

/** Calls `listener` whenever another tab clears `databaseName`; returns the unsubscribe. */
export function onDeviceClearedElsewhere(databaseName: string, listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName(databaseName));
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === MESSAGE) listener();
  };
  // Node (unit tests): a listening channel must not keep the process alive. Browsers lack unref.
  (channel as { unref?: () => void }).unref?.();
  return () => channel.close();
}
