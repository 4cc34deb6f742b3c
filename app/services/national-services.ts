import type { RecordAccess } from '../domain/access-event';
import { createContactPageClient, type ContactPageClient } from './contact-page-client';
import { createDocumentClient, type DocumentClient } from './document-client';
import { createNrlClient, type NrlClient, type NrlLog } from './nrl-client';
import { createOdsClient, type OdsClient } from './ods-client';
import { createPdsClient, type PdsClient } from './pds-client';
import type { Transport } from './transport';

export interface NationalServices {
  pds: PdsClient;
  nrl: NrlClient;
  documents: DocumentClient;
  contactPages: ContactPageClient;
  ods: OdsClient;
}

/** Every national service client over one transport, as the composition root needs them. */
export function createNationalServices(o: {
  transport: Transport;
  bases: { pds: string; nrl: string; ods: string; ssp: string };
  /** Read at each request: the signed-in person's organisation (issue 10). */
  organisationOds: () => string;
  /** This system's Spine ASID, sent as `Ssp-From`; when absent the gateway sets it. */
  asid?: string;
  timeoutMs?: number;
  log?: NrlLog;
  /**
   * Records every read of patient data (PDS, NRL, documents) before it is used, DESIGN.md rule 6.
   * Required, so no composition can forget it. ODS and contact pages hold no patient data.
   */
  recordAccess: RecordAccess;
}): NationalServices {
  const { transport, organisationOds, timeoutMs, recordAccess } = o;
  return {
    pds: createPdsClient({ transport, baseUrl: o.bases.pds, organisationOds, timeoutMs, recordAccess }),
    nrl: createNrlClient({ transport, baseUrl: o.bases.nrl, organisationOds, timeoutMs, log: o.log, recordAccess }),
    documents: createDocumentClient({ transport, sspBaseUrl: o.bases.ssp, fromAsid: o.asid, timeoutMs, recordAccess, ...(o.log ? { log: o.log } : {}) }),
    contactPages: createContactPageClient({ transport, timeoutMs }),
    ods: createOdsClient({ transport, baseUrl: o.bases.ods, timeoutMs }),
  };
}
