import type { AuditClient } from './audit-client';
import type { Transport } from './transport';

/**
 * The audit client (the AuditEvent builder, the history reader and their schemas) behind a
 * dynamic import, as the device storage is: nothing is sent to the audit service before the
 * search screen has painted, so the first screen need not carry it. Every call waits for the load.
 */
export function lazyAuditClient(options: { transport: Transport; baseUrl: string; observer: { readonly name: string } }): AuditClient {
  let loaded: Promise<AuditClient> | undefined;
  const client = () => (loaded ??= import('./audit-client').then(({ createAuditClient }) => createAuditClient(options)));
  return {
    deliver: async (...args) => (await client()).deliver(...args),
    deliverBatch: async (...args) => (await client()).deliverBatch(...args),
    searchAccessHistory: async (...args) => (await client()).searchAccessHistory(...args),
  };
}
