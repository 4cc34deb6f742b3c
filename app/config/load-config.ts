import { AppConfig, DEMO_CONFIG } from './config-schema';
import { browserConfigStore, type SavedConfigStore } from './saved-config';
import { configProvenance, type ConfigProvenance } from './config-provenance';

/** Why the app cannot start with this device's settings; the start-up screen shows it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    /** The offending key, dotted (e.g. `services.nrl`), when one key is to blame. */
    readonly key?: string,
  ) {
    super(message);
  }
}

/** Checks a parsed /config.json; throws ConfigError naming the first bad key. */
export function parseConfig(raw: unknown): AppConfig {
  const result = AppConfig.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.map(String).join('.') || undefined;
  throw new ConfigError(key ? `“${key}” ${issue.message}` : `The settings file ${issue.message}`, key);
}

export interface LoadConfigOptions {
  readonly fetchFn?: typeof fetch;
  readonly url?: string;
  /** Where the last good copy lives (localStorage in the browser). */
  readonly saved?: SavedConfigStore;
  /** Told where the settings came from, for the shell's notice. */
  readonly report?: (provenance: ConfigProvenance) => void;
  /**
   * How long to wait for the server. With a copy on the device a weak signal ("lie-fi") must
   * not hold the app on its start screen; without one there is nothing better to wait for.
   */
  readonly timeoutMs?: { readonly withSavedCopy: number; readonly withoutSavedCopy: number };
}

const DEFAULT_TIMEOUTS = { withSavedCopy: 5_000, withoutSavedCopy: 30_000 };

type ServerAnswer =
  | { readonly kind: 'config'; readonly config: AppConfig; readonly raw: unknown }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unreachable'; readonly problem: string }
  | { readonly kind: 'bad'; readonly error: ConfigError };

async function askServer(fetchFn: typeof fetch, url: string, timeoutMs: number): Promise<ServerAnswer> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      // Never an HTTP-cache copy: a stale file here would hide a change of gateway.
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    return { kind: 'unreachable', problem: String(cause) };
  }
  if (response.status === 404) return { kind: 'absent' };
  if (!response.ok) return { kind: 'bad', error: new ConfigError(`Could not load this device's settings (HTTP ${response.status}).`) };
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    // Also what a Wi-Fi sign-in page looks like: HTML with status 200.
    return { kind: 'bad', error: new ConfigError('The settings file is not valid JSON.') };
  }
  try {
    return { kind: 'config', config: parseConfig(raw), raw };
  } catch (error) {
    if (error instanceof ConfigError) return { kind: 'bad', error };
    throw error;
  }
}

/**
 * Fetches /config.json network-first, with the last good copy on this device as the fallback
 * (docs/service-worker.md "Settings when offline"). The rule, in order:
 *
 * 1. A valid file from the server wins, and becomes the device's last good copy.
 * 2. Otherwise, if the device has a last good copy, use it: offline, timed out, a server error,
 *    a missing or a broken file all keep a set-up device working as it was set up. So a cold
 *    offline start never shows an error instead of the app, and a live device never turns into
 *    a demo because one request failed. Only a reachable-but-wrong server is worth a notice.
 * 3. With no copy: no file at all (404) means demo mode, as before; any other failure is the
 *    clear start-up error screen, never a silent fallback to demo.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<AppConfig> {
  const { fetchFn = fetch, url = '/config.json', saved = browserConfigStore(), report = configProvenance.set } = options;
  const timeouts = options.timeoutMs ?? DEFAULT_TIMEOUTS;
  const lastGood = readLastGood(saved);
  const answer = await askServer(fetchFn, url, lastGood ? timeouts.withSavedCopy : timeouts.withoutSavedCopy);

  if (answer.kind === 'config') {
    saved.write({ savedAt: new Date().toISOString(), config: answer.raw });
    report({ source: 'server' });
    return answer.config;
  }
  if (lastGood) {
    const problem = answer.kind === 'bad' ? answer.error.message : answer.kind === 'absent' ? 'The settings file is missing (HTTP 404).' : undefined;
    console.warn('using the settings saved on this device', answer);
    report({ source: 'device', savedAt: lastGood.savedAt, ...(problem ? { serverProblem: problem } : {}) });
    return lastGood.config;
  }
  if (answer.kind === 'absent') {
    report({ source: 'default' });
    return DEMO_CONFIG;
  }
  if (answer.kind === 'bad') throw answer.error;
  throw new ConfigError(`Could not load this device's settings, and none are saved on this device yet: connect to the internet and reload (${answer.problem}).`);
}

/** The saved copy, checked again: a newer build may no longer accept what an older one saved. */
function readLastGood(saved: SavedConfigStore): { config: AppConfig; savedAt: string } | undefined {
  const copy = saved.read();
  if (!copy) return undefined;
  try {
    return { config: parseConfig(copy.config), savedAt: copy.savedAt };
  } catch (error) {
    console.warn('ignoring the saved settings: no longer valid', error);
    return undefined;
  }
}
