import type { NhsNumber } from './nhs-number';
import type { SignedInPerson } from './signed-in-person';

/**
 * One access to a patient's data from this device (DESIGN.md safety rule 6): recorded on the
 * device before the data is shown, kept in the outbox until the audit service has it, never
 * dropped. It carries what an NRL consumer must log (docs/national-apis.md §6.4), the user
 * included (issue 10: the person CIS2 signed in, in the role they selected), except response
 * bodies, which are not kept.
 */
export type AccessAction =
  /** PDS `GET Patient/{nhs}`: who is this. */
  | 'patient-read'
  /**
   * PDS `GET Patient?family=…`: who might this be, by name and date of birth (issue 12). Names
   * no patient: it records the search terms (`query`), never the people it found.
   */
  | 'patient-search'
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

/**
 * How the person holding the tablet came to be known when the access happened: signed in to CIS2
 * in this session, resumed from the identity kept sealed on the device for an offline start
 * (issue 10 point 8: no fresh CIS2 sign-in), or the synthetic trainer of demo mode.
 */
export type AccessSession = 'signed-in' | 'offline' | 'demo';
export const ACCESS_SESSIONS: readonly AccessSession[] = ['signed-in', 'offline', 'demo'];

/**
 * Who made an access (issue 10 point 6): the person, the role they selected at sign-in and the
 * organisation it is held in, copied from the SignedInPerson when the access is recorded, so an
 * event keeps naming them after sign-out. Never holds a token.
 */
export interface AccessActor {
  /** CIS2 `sub`: the person's UUID (SDS user id). */
  readonly personId: string;
  /** The person's name as CIS2 gave it. */
  readonly name: string;
  /** CIS2 `person_roleid` of the selected role (SDS role profile id). */
  readonly personRoleId: string;
  /** CIS2 `role_code`, whole: e.g. `S8000:G8000:R8003`. */
  readonly roleCode: string;
  /** CIS2 `role_name`, whole: e.g. `"Clinical":"Clinical Provision":"Paramedic"`. */
  readonly roleName: string;
  /** `org_code` of the selected role: the end-user organisation. */
  readonly organisationOds: string;
  /** The organisation's name, when CIS2 gave one. */
  readonly organisationName?: string | undefined;
  readonly session: AccessSession;
}

export interface AccessEvent {
  /** UUID. Also the AuditEvent's id when delivered, so delivering twice stores it once. */
  readonly id: string;
  readonly action: AccessAction;
  /**
   * The patient whose data was accessed: the number the request was for. Undefined only for a
   * 'patient-search', which is for no one patient.
   */
  readonly nhsNumber: NhsNumber | undefined;
  /**
   * A 'patient-search''s terms: the query string as sent (`family=…&birthdate=…`), which BALP's
   * query entity carries. Undefined for every other action.
   */
  readonly query?: string | undefined;
  /**
   * The crew's organisation (`NHSD-End-User-Organisation-ODS`): the actor's when there is one (the
   * selected role's `org_code`), else the configured one.
   */
  readonly organisationOds: string;
  /** Who made the access. Undefined only for events recorded before the app had sign-in. */
  readonly actor: AccessActor | undefined;
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
 * it (person, organisation, ASID) and an id, and records it before the answer is used.
 */
export type ServiceAccess = Pick<AccessEvent, 'action' | 'nhsNumber' | 'query' | 'correlationId' | 'pointerId' | 'occurredAt' | 'request' | 'outcome'>;

/** Records one access durably; resolves only once it is written. Rejects if it could not be. */
export type RecordAccess = (access: ServiceAccess) => Promise<void>;

/** Who made the accesses a composition root records: its configured organisation and ASID, and the person. */
export interface AccessAuthor {
  /** The configured organisation (config `organisationOds`): used only when there is no actor. */
  readonly organisationOds: string;
  readonly asid: string | undefined;
  readonly actor: AccessActor | undefined;
}

export function toAccessEvent(access: ServiceAccess, who: AccessAuthor, id: string): AccessEvent {
  // The selected role's org_code is the end-user organisation (issue 10 point 2).
  return { id, ...access, organisationOds: who.actor?.organisationOds ?? who.organisationOds, asid: who.asid, actor: who.actor };
}

/** The actor for accesses made by `person` in this kind of session: their selected role and its organisation. */
export function actorFrom(person: SignedInPerson, session: AccessSession): AccessActor {
  return {
    personId: person.id,
    name: person.name,
    personRoleId: person.role.personRoleId,
    roleCode: person.role.roleCode,
    roleName: person.role.roleName,
    organisationOds: person.role.orgCode,
    organisationName: person.organisationName,
    session,
  };
}

