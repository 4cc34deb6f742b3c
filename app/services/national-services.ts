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
  organisationOds: string;
  /** This system's Spine ASID, sent as `Ssp-From`; when absent the gateway sets it. */
  asid?: string;
  timeoutMs?: number;
  log?: NrlLog;
}): NationalServices {
  const { transport, organisationOds, timeoutMs } = o;
  return {
    pds: createPdsClient({ transport, baseUrl: o.bases.pds, organisationOds, timeoutMs }),
    nrl: createNrlClient({ transport, baseUrl: o.bases.nrl, organisationOds, timeoutMs, log: o.log }),
    documents: createDocumentClient({ transport, sspBaseUrl: o.bases.ssp, fromAsid: o.asid, timeoutMs }),
    contactPages: createContactPageClient({ transport, timeoutMs }),
    ods: createOdsClient({ transport, baseUrl: o.bases.ods, timeoutMs }),
  };
}
