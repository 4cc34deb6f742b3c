import type { AccessAction, AccessSession } from './access-event';
import type { NhsNumber } from './nhs-number';

/**
 * One access as the trust's audit service holds it, read back for the clinical leads' access
 * history: a read model of a delivered AccessEvent. It carries only what the history shows;
 * request ids and URLs stay in the audit service for investigations.
 */
export interface AccessRecord {
  /** The AuditEvent's id (the device's AccessEvent id). */
  readonly id: string;
  readonly action: AccessAction;
  /** The patient whose record was accessed; undefined for a search by details, which names no one. */
  readonly nhsNumber: NhsNumber | undefined;
  /** The crew's organisation (ODS code), when the record names one. */
  readonly organisationOds: string | undefined;
  /** The organisation's name, when the record gives one. */
  readonly organisationName: string | undefined;
  /** Who made the access; undefined for a record from before the app had sign-in. */
  readonly person: AccessPerson | undefined;
  /** ISO instant: the request was sent, or the saved copy opened. */
  readonly occurredAt: string;
  readonly outcome: AccessRecordOutcome;
}

/** The person an access record names, as the audit service holds them (see AccessActor). */
export interface AccessPerson {
  /** CIS2 UUID (SDS user id): the same person across roles and sessions. */
  readonly id: string;
  readonly name: string | undefined;
  /** CIS2 `role_name`, whole, when recorded. */
  readonly roleName: string | undefined;
  /** CIS2 `role_code`, when recorded. */
  readonly roleCode: string | undefined;
  /** CIS2 `person_roleid`, when recorded. */
  readonly personRoleId: string | undefined;
  /** How they were known when the access happened, when recorded. */
  readonly session: AccessSession | undefined;
}

/** AccessOutcome without its times: the history shows when the access happened, not when it ended. */
export type AccessRecordOutcome =
  | { readonly kind: 'answered'; readonly status: number }
  | { readonly kind: 'no-answer'; readonly reason: 'network' | 'timeout' | 'cancelled' }
  | { readonly kind: 'shown-from-device' };

/** What a clinical lead asks the audit service for. Days are calendar days in UK time. */
export interface AccessHistoryFilters {
  /** First day, `YYYY-MM-DD`. */
  readonly fromDate: string;
  /** Last day (included), `YYYY-MM-DD`. */
  readonly toDate: string;
  readonly nhsNumber?: NhsNumber | undefined;
  readonly action?: AccessAction | undefined;
  /** One person's accesses: their CIS2 UUID (AccessPerson.id). */
  readonly personId?: string | undefined;
}

export interface AccessHistory {
  /** Newest first. */
  readonly records: readonly AccessRecord[];
  /** Entries the audit service returned that could not be read as an access; not shown. */
  readonly unreadable: number;
  /** The audit service holds more matches than it returned; only the newest are shown. */
  readonly more: boolean;
}
