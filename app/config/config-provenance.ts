import { createExternalStore } from '../sync/external-store';

/**
 * Where this start's settings came from, for the shell's quiet notice. Set once by loadConfig;
 * kept outside React (like the service-worker state) so the composition root needs no wiring.
 */
export type ConfigProvenance =
  | { readonly source: 'server' }
  /** No file on the server and none saved: demo mode. */
  | { readonly source: 'default' }
  /** The last good copy on this device; `serverProblem` when the server answered but wrongly. */
  | { readonly source: 'device'; readonly savedAt: string; readonly serverProblem?: string };

export const configProvenance = createExternalStore<ConfigProvenance | undefined>(undefined);
