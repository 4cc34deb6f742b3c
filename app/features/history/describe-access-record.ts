import { jobRoleName } from '../../domain/signed-in-person';
import type { AccessPerson, AccessRecord } from '../../domain/access-record';
import { formatInstantDateTime } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { historyWords as words } from './history-words';

/** One row of the history in words: the table shows these, and the CSV export holds the same. */
export interface AccessRecordCells {
  readonly when: string;
  readonly what: string;
  readonly nhsNumber: string;
  readonly person: string;
  readonly organisation: string;
  readonly outcome: string;
}

export function describeAccessRecord(record: AccessRecord): AccessRecordCells {
  return {
    when: formatInstantDateTime(record.occurredAt),
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
      return words.outcome.answered(outcome.status);
    case 'no-answer':
      return words.outcome.noAnswer[outcome.reason];
    case 'shown-from-device':
      return words.outcome.fromDevice;
  }
}
