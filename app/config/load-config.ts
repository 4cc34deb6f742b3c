import { AppConfig, DEMO_CONFIG } from './config-schema';

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

/**
 * Fetches and checks /config.json. No file at all (404) means demo mode. A file that is there
 * but wrong is an error, never a silent fallback to demo.
 */
export async function loadConfig(fetchFn: typeof fetch = fetch, url = '/config.json'): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new ConfigError(`Could not load this device's settings (${String(cause)}).`);
  }
  if (response.status === 404) return DEMO_CONFIG;
  if (!response.ok) throw new ConfigError(`Could not load this device's settings (HTTP ${response.status}).`);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError('The settings file is not valid JSON.');
  }
  return parseConfig(raw);
}
