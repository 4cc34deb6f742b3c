import { jobRoleName } from '../domain/signed-in-person';
import { type AccessAction, type AccessActor, type AccessEvent, type AccessOutcome } from '../domain/access-event';

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface Identifier {
  readonly system?: string;
  readonly value: string;
}

/** An identifier-only reference: the audit service cannot resolve resources held elsewhere. */
export interface Reference {
  readonly type?: string;
  readonly identifier?: Identifier;
  readonly display?: string;
}

export interface CodeableConcept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}

/** R4 AuditEvent.agent, the elements this app writes. */
export interface FhirAuditAgent {
  readonly type?: CodeableConcept;
  readonly role?: readonly CodeableConcept[];
  readonly who: Reference;
  readonly altId?: string;
  readonly name?: string;
  readonly requestor: boolean;
  readonly purposeOfUse?: readonly CodeableConcept[];
}

/** The slice of FHIR R4 AuditEvent this app writes; R4 names and cardinalities. */
export interface FhirAuditEvent {
  readonly resourceType: 'AuditEvent';
  readonly id: string;
  readonly type: Coding;
  readonly subtype?: readonly Coding[];
  readonly action: 'R' | 'E';
  readonly period: { readonly start: string; readonly end: string };
  readonly recorded: string;
  readonly outcome: '0' | '4' | '8';
  readonly outcomeDesc: string;
  readonly purposeOfEvent: readonly { readonly coding: readonly Coding[] }[];
  readonly agent: readonly FhirAuditAgent[];
  readonly source: {
    readonly observer: Reference;
    readonly type: readonly Coding[];
  };
  readonly entity: readonly {
    readonly what?: Reference;
    readonly type: Coding;
    readonly role: Coding;
    readonly description?: string;
    /** base64Binary: the query as sent, for a search (BALP Query). */
    readonly query?: string;
    readonly detail?: readonly { readonly type: string; readonly valueString: string }[];
  }[];
}

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_CODE_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const ASID_SYSTEM = 'https://fhir.nhs.uk/Id/accredited-system';
/** SDS user id: the person's CIS2 UUID (`sub`), as UK Core and NHS England's FHIR APIs name it. */
export const SDS_USER_ID_SYSTEM = 'https://fhir.nhs.uk/Id/sds-user-id';
/** SDS role profile id: CIS2's `person_roleid`, one person in one role at one organisation. */
export const SDS_ROLE_PROFILE_ID_SYSTEM = 'https://fhir.nhs.uk/Id/sds-role-profile-id';
/** SDS job role codes, in CIS2's colon-separated `role_code` form (as NHS England's EPS writes them). */
export const SDS_JOB_ROLE_CODE_SYSTEM = 'https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode';

const REST: Coding = { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' };
/** DICOM's "Patient Record" event: opening a saved copy makes no request, so it is no REST operation. */
const PATIENT_RECORD: Coding = { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110', display: 'Patient Record' };
const RESTFUL_INTERACTION = 'http://hl7.org/fhir/restful-interaction';
const READ: Coding = { system: RESTFUL_INTERACTION, code: 'read', display: 'read' };
const SEARCH_TYPE: Coding = { system: RESTFUL_INTERACTION, code: 'search-type', display: 'search type' };
/**
 * BALP's Query (and FHIR R4's `audit-event-example-search`) subtype. The NRL pointer search keeps
 * `search-type`, as delivered records already say; the PDS search takes `search`, which also keeps
 * the two apart when the history asks for one kind (`accessActionSearch`).
 */
const SEARCH: Coding = { system: RESTFUL_INTERACTION, code: 'search', display: 'search' };

/** Direct care, as the Spine JWT's `reason_for_request: "directcare"` says (§6.3). */
const TREATMENT: Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' };
/** BALP's user agent for a read or query: the person who receives the data (v3 ParticipationType). */
export const INFORMATION_RECIPIENT: Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' };
/** BALP's organisation agent (v3 RoleClass): the organisation the person acts for. */
export const HEALTHCARE_PROVIDER: Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleClass', code: 'PROV', display: 'healthcare provider' };
/** `entity[1].detail` type that says how the person was known: signed in, an offline session, or demo. */
export const SESSION_DETAIL = 'Sign-in session';
/** The tablet running the app: it sees the access happen. */
const USER_DEVICE: Coding = { system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '1', display: 'User Device' };

const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type';
const PERSON: Coding = { system: ENTITY_TYPE, code: '1', display: 'Person' };
const SYSTEM_OBJECT: Coding = { system: ENTITY_TYPE, code: '2', display: 'System Object' };
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';
export const PATIENT_ROLE: Coding = { system: OBJECT_ROLE, code: '1', display: 'Patient' };
const REPORT_ROLE: Coding = { system: OBJECT_ROLE, code: '3', display: 'Report' };
const DOMAIN_RESOURCE_ROLE: Coding = { system: OBJECT_ROLE, code: '4', display: 'Domain Resource' };
const QUERY_ROLE: Coding = { system: OBJECT_ROLE, code: '24', display: 'Query' };

export interface ActionMapping {
  /** Whether the event names one patient (entity[0]); a search by details names none. */
  readonly namesPatient: boolean;
  readonly type: Coding;
  readonly subtype: Coding | undefined;
  /** R4 "Audit Event Action": a search is Execute, not Read. */
  readonly action: 'R' | 'E';
  /** What entity[1] (the request, or the record it located) is. */
  readonly role: Coding;
  readonly description: string;
  /** The header the request's id travelled in (AccessRequest.requestId). */
  readonly requestIdHeader: string;
}

/** How each kind of access is written; `audit-history-search.ts` reads them back by the same table. */
export const ACTIONS: Readonly<Record<AccessAction, ActionMapping>> = {
  'patient-read': {
    namesPatient: true,
    type: REST,
    subtype: READ,
    action: 'R',
    role: DOMAIN_RESOURCE_ROLE,
    description: 'PDS Patient read',
    requestIdHeader: 'X-Request-ID',
  },
  'patient-search': {
    namesPatient: false,
    type: REST,
    subtype: SEARCH,
    action: 'E',
    role: QUERY_ROLE,
    description: 'PDS Patient search by demographics',
    requestIdHeader: 'X-Request-ID',
  },
  'pointer-search': {
    namesPatient: true,
    type: REST,
    subtype: SEARCH_TYPE,
    action: 'E',
    role: QUERY_ROLE,
    description: 'NRL DocumentReference search',
    requestIdHeader: 'X-Request-ID',
  },
  'document-retrieval': {
    namesPatient: true,
    type: REST,
    subtype: READ,
    action: 'R',
    role: REPORT_ROLE,
    description: 'Document located by an NRL pointer, retrieved',
    requestIdHeader: 'Ssp-TraceID',
  },
  'saved-copy-view': {
    namesPatient: true,
    type: PATIENT_RECORD,
    subtype: undefined,
    action: 'R',
    role: REPORT_ROLE,
    description: 'Copy saved on this device, opened',
    requestIdHeader: 'X-Request-ID',
  },
};

/**
 * One access event as a FHIR R4 AuditEvent (hl7.org/fhir/R4/auditevent.html), the form the
 * trust's audit service stores. Of what an NRL consumer must record (docs/national-apis.md §6.4)
 * it carries the ASID (source.observer), ODS code (agent[0]), NHS number (entity[0]), pointer
 * logical id (entity[1].what), HTTP verb and request URL, which for SSP holds the pointer's
 * attachment URL, and the trace ids `X-Request-ID`/`Ssp-TraceID` and `X-Correlation-ID`
 * (entity[1].detail), request datetime (period.start), HTTP status (outcomeDesc) and response
 * datetime (period.end), and the user: the person CIS2 signed in, placed as IHE Basic Audit Log
 * Patterns (BALP) place the user of a read or query (agent[0], `agentsFor`). It cannot carry
 * response bodies (the device keeps none). Only the fields named here are copied, so nothing else
 * an event object might hold can reach the audit log.
 */
export function toAuditEventResource(event: AccessEvent, observer: { readonly name: string }): FhirAuditEvent {
  const mapping = ACTIONS[event.action];
  const outcome = auditOutcome(event.outcome);
  const endedAt = outcomeTime(event.outcome) ?? event.occurredAt;
  const detail: { type: string; valueString: string }[] = [];
  if (event.request) {
    detail.push({ type: 'HTTP method', valueString: event.request.method });
    detail.push({ type: 'HTTP request URL', valueString: event.request.url });
    if (event.request.requestId) detail.push({ type: mapping.requestIdHeader, valueString: event.request.requestId });
  }
  detail.push({ type: 'X-Correlation-ID', valueString: event.correlationId });
  if (event.actor) detail.push({ type: SESSION_DETAIL, valueString: event.actor.session });

  return {
    resourceType: 'AuditEvent',
    id: event.id,
    type: mapping.type,
    ...(mapping.subtype ? { subtype: [mapping.subtype] } : {}),
    action: mapping.action,
    period: { start: event.occurredAt, end: endedAt },
    // The device records the access as soon as its outcome is known, before showing anything.
    // A stored time, not "now", keeps the resource identical on every delivery attempt.
    recorded: endedAt,
    outcome: outcome.code,
    outcomeDesc: outcome.description,
    purposeOfEvent: [{ coding: [TREATMENT] }],
    agent: agentsFor(event),
    source: {
      observer: {
        type: 'Device',
        ...(event.asid ? { identifier: { system: ASID_SYSTEM, value: event.asid } } : {}),
        display: observer.name,
      },
      type: [USER_DEVICE],
    },
    entity: [
      // A search by details is for no one patient: BALP's patient entity is left out, and the
      // people found are not listed (PDS's own audit records each of them).
      ...(event.nhsNumber === undefined
        ? []
        : [{ what: { type: 'Patient', identifier: { system: NHS_NUMBER_SYSTEM, value: event.nhsNumber } }, type: PERSON, role: PATIENT_ROLE }]),
      {
        // NRL ids have no identifier system, and a relative reference would point into the
        // audit server, so the pointer is named by its bare logical id.
        ...(event.pointerId ? { what: { type: 'DocumentReference', identifier: { value: event.pointerId } } } : {}),
        type: SYSTEM_OBJECT,
        role: mapping.role,
        description: mapping.description,
        ...(event.query === undefined ? {} : { query: base64(event.query) }),
        detail,
      },
    ],
  };
}

/** base64 of the UTF-8 bytes (R4 base64Binary), in the browser and in Node alike. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Who took part (docs/national-apis-in-use.md, "Who made the access"). With an actor, BALP's user
 * slice of PatientRead/PatientQuery: agent[0] typed `IRCP` information recipient, `requestor`
 * true; `who` the person in their selected role (PractitionerRole by SDS role profile id, i.e.
 * `person_roleid`) with their name; `altId` their CIS2 UUID (SDS user id), the user identifier of
 * the common authentication system, which R4's `altid` search parameter finds; `name` their name,
 * searchable; `role` the SDS job role code and CIS2's role name; `purposeOfUse` treatment. Then
 * the organisation (BALP's `PROV` healthcare provider), not the requestor. Without an actor (an
 * event recorded before sign-in) the organisation alone, as the requestor, as before.
 */
function agentsFor(event: AccessEvent): FhirAuditAgent[] {
  const organisation = (requestor: boolean, name: string | undefined): FhirAuditAgent => ({
    type: { coding: [HEALTHCARE_PROVIDER] },
    who: { type: 'Organization', identifier: { system: ODS_CODE_SYSTEM, value: event.organisationOds }, ...(name ? { display: name } : {}) },
    requestor,
  });
  if (!event.actor) return [organisation(true, undefined)];
  return [personAgent(event.actor), organisation(false, event.actor.organisationName)];
}

function personAgent(actor: AccessActor): FhirAuditAgent {
  return {
    type: { coding: [INFORMATION_RECIPIENT] },
    role: [{ coding: [{ system: SDS_JOB_ROLE_CODE_SYSTEM, code: actor.roleCode, display: jobRoleName(actor.roleName) }], text: actor.roleName }],
    who: { type: 'PractitionerRole', identifier: { system: SDS_ROLE_PROFILE_ID_SYSTEM, value: actor.personRoleId }, display: actor.name },
    altId: actor.personId,
    name: actor.name,
    requestor: true,
    purposeOfUse: [{ coding: [TREATMENT] }],
  };
}

/** R4 audit-event-outcome: 0 success, 4 minor failure (a 4xx), 8 serious failure (5xx, no answer). */
function auditOutcome(outcome: AccessOutcome): { readonly code: FhirAuditEvent['outcome']; readonly description: string } {
  switch (outcome.kind) {
    case 'answered': {
      const { status } = outcome;
      const code = status >= 200 && status < 300 ? '0' : status >= 400 && status < 500 ? '4' : '8';
      return { code, description: `HTTP ${status}` };
    }
    case 'no-answer':
      return { code: '8', description: `No answer: ${outcome.reason}` };
    case 'shown-from-device':
      return { code: '0', description: 'Shown from the copy saved on this device; no request made' };
  }
}

function outcomeTime(outcome: AccessOutcome): string | undefined {
  switch (outcome.kind) {
    case 'answered':
      return outcome.answeredAt;
    case 'no-answer':
      return outcome.at;
    case 'shown-from-device':
      return undefined;
  }
}
