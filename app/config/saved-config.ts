/**
 * The last /config.json this device accepted, kept so a set-up device still starts with no
 * signal. Settings only, never clinical data, so localStorage is the right place: synchronous,
 * tiny, and not part of the device cache that "Clear this device" and retention purge.
 */

/** Versioned: a future change of shape gets a new key rather than misreading an old value. */
export const SAVED_CONFIG_KEY = 'crl.config.last-good.v1';

export interface SavedConfig {
  readonly savedAt: string;
  /** The file as the server sent it (already validated); checked again when read. */
  readonly config: unknown;
}

export interface SavedConfigStore {
  read(): SavedConfig | undefined;
  write(copy: SavedConfig): void;
}

/** localStorage, or nothing where it is missing or refuses (private mode, full, sandboxed). */
export function browserConfigStore(given?: Storage): SavedConfigStore {
  // Looked up inside the try: merely touching localStorage throws in some sandboxed contexts.
  const storage = (): Storage | undefined => given ?? (globalThis.localStorage as Storage | undefined);
  return {
    read() {
      try {
        const text = storage()?.getItem(SAVED_CONFIG_KEY);
        if (!text) return undefined;
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || !('savedAt' in value) || !('config' in value) || typeof value.savedAt !== 'string') return undefined;
        return { savedAt: value.savedAt, config: value.config };
      } catch {
        return undefined;
      }
    },
    write(copy) {
      try {
        storage()?.setItem(SAVED_CONFIG_KEY, JSON.stringify(copy));
      } catch (error) {
        // Not fatal: this start has its settings; only a later offline start would miss them.
        console.warn('could not save the settings on this device', error);
      }
    },
  };
}
