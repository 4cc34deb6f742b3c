import { jobRoleName } from '../../domain/signed-in-person';
import type { AccessPerson, AccessRecord } from '../../domain/access-record';
import { formatInstantDateTime, formatInstantIso } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { historyWords as words } from './history-words';

/** One row of the history in words: the table shows these, and the CSV export holds the same. */
export interface AccessRecordCells {
  /** UK time with its zone, for reading: "4 March 2025, 14:02:10 GMT". */
  readonly when: string;
  /** ISO 8601 with its offset, for the CSV: "2025-03-04T14:02:10+00:00". */
  readonly whenIso: string;
  readonly what: string;
  readonly nhsNumber: string;
  readonly person: string;
  readonly organisation: string;
  readonly outcome: string;
}

export function describeAccessRecord(record: AccessRecord): AccessRecordCells {
  return {
    when: formatInstantDateTime(record.occurredAt),
    whenIso: formatInstantIso(record.occurredAt),
    what: words.actions[record.action],
    nhsNumber: record.nhsNumber === undefined ? words.noPatient : formatNhsNumber(record.nhsNumber),
    person: record.person ? describePerson(record.person) : words.noPerson,
    organisation: record.organisationOds ? words.organisation(record.organisationOds, record.organisationName) : words.noOrganisation,
    outcome: describeOutcome(record.outcome),
  };
}

function describePerson(person: AccessPerson): string {
  return words.person(person.name ?? words.unnamedPerson, personRole(person), person.session);
}

/** The job role a person signed in with, as they would call it (`Paramedic`), when recorded. */
export function personRole(person: AccessPerson): string | undefined {
  return person.roleName === undefined ? undefined : jobRoleName(person.roleName) || undefined;
}

function describeOutcome(outcome: AccessRecord['outcome']): string {
  switch (outcome.kind) {
    case 'answered':
      // An HTTP reply is not an answer to the question: a refusal or an error says so (issue 9 point 8).
      return words.outcome.replied(outcome.status);
    case 'no-answer':
      return words.outcome.noAnswer[outcome.reason];
    case 'shown-from-device':
      return words.outcome.fromDevice;
  }
}
