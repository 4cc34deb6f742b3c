import type { NhsNumber } from './nhs-number';

/**
 * One access to a patient's data from this device (DESIGN.md safety rule 6): recorded on the
 * device before the data is shown, kept in the outbox until the audit service has it, never
 * dropped. It carries what an NRL consumer must log (docs/national-apis.md §6.4) except the
 * user, which needs sign-in (not built yet), and response bodies, which are not kept.
 */
export type AccessAction =
  /** PDS `GET Patient/{nhs}`: who is this. */
  | 'patient-read'
  /** NRL `POST DocumentReference/_search`: which records exist. */
  | 'pointer-search'
  /** A document a pointer locates, retrieved through SSP (or directly). */
  | 'document-retrieval'
  /** A copy saved on this device opened, with or without signal. No request is made. */
  | 'saved-copy-view';

export type AccessOutcome =
  /** The service answered with this HTTP status (2xx or not). */
  | { readonly kind: 'answered'; readonly status: number; /** ISO instant. */ readonly answeredAt: string }
  /** No answer: no signal, refused, timed out or cancelled. */
  | { readonly kind: 'no-answer'; readonly reason: 'network' | 'timeout' | 'cancelled'; /** ISO instant. */ readonly at: string }
  /** Shown from this device's saved copy. */
  | { readonly kind: 'shown-from-device' };

export interface AccessRequest {
  readonly method: string;
  /** The request URL as sent (for SSP it holds the pointer's attachment URL). */
  readonly url: string;
  /** `X-Request-ID` (PDS, NRL) or `Ssp-TraceID` (SSP). */
  readonly requestId: string | undefined;
}

export interface AccessEvent {
  /** UUID. Also the AuditEvent's id when delivered, so delivering twice stores it once. */
  readonly id: string;
  readonly action: AccessAction;
  /** The patient whose data was accessed: the number the request was for. */
  readonly nhsNumber: NhsNumber;
  /** The crew's organisation (`NHSD-End-User-Organisation-ODS`). */
  readonly organisationOds: string;
  /** This system's Spine ASID, when configured. */
  readonly asid: string | undefined;
  /** The lookup this access belongs to (`X-Correlation-ID`). */
  readonly correlationId: string;
  /** The NRL pointer whose document was retrieved or viewed. */
  readonly pointerId: string | undefined;
  /** ISO instant: the request was sent, or the saved copy opened. */
  readonly occurredAt: string;
  /** Absent for a saved-copy view. */
  readonly request: AccessRequest | undefined;
  readonly outcome: AccessOutcome;
}

/**
 * What a service client knows about one access it made; the composition root adds who made
 * it (organisation, ASID) and an id, and records it before the answer is used.
 */
export type ServiceAccess = Pick<AccessEvent, 'action' | 'nhsNumber' | 'correlationId' | 'pointerId' | 'occurredAt' | 'request' | 'outcome'>;

/** Records one access durably; resolves only once it is written. Rejects if it could not be. */
export type RecordAccess = (access: ServiceAccess) => Promise<void>;

export function toAccessEvent(access: ServiceAccess, who: { readonly organisationOds: string; readonly asid: string | undefined }, id: string): AccessEvent {
  return { id, ...access, organisationOds: who.organisationOds, asid: who.asid };
}
