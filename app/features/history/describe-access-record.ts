import type { AccessRecord } from '../../domain/access-record';
import { formatInstantDateTime } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { historyWords as words } from './history-words';

/** One row of the history in words: the table shows these, and the CSV export holds the same. */
export interface AccessRecordCells {
  readonly when: string;
  readonly what: string;
  readonly nhsNumber: string;
  readonly organisation: string;
  readonly outcome: string;
}

export function describeAccessRecord(record: AccessRecord): AccessRecordCells {
  return {
    when: formatInstantDateTime(record.occurredAt),
    what: words.actions[record.action],
    nhsNumber: formatNhsNumber(record.nhsNumber),
    organisation: record.organisationOds ?? words.noOrganisation,
    outcome: describeOutcome(record.outcome),
  };
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
