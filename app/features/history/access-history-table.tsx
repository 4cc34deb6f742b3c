import { useId } from 'react';
import type { AccessRecord } from '../../domain/access-record';
import { describeAccessRecord } from './describe-access-record';
import { historyWords as words } from './history-words';

/** The NHS.UK table pattern, one row per access, in the order given (newest first). */
export function AccessHistoryTable({ records }: { records: readonly AccessRecord[] }) {
  const captionId = useId();
  const { columns } = words;
  return (
    // Scrolls sideways on a narrow screen; focusable so it can be scrolled from the keyboard.
    <div className="crl-history-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption" id={captionId}>
          {words.caption(records.length)}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {[columns.when, columns.what, columns.nhsNumber, columns.person, columns.organisation, columns.outcome].map((name) => (
              <th key={name} scope="col" className="nhsuk-table__header">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {records.map((record) => {
            const cells = describeAccessRecord(record);
            return (
              <tr key={record.id} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{cells.when}</td>
                <td className="nhsuk-table__cell">{cells.what}</td>
                <td className="nhsuk-table__cell">
                  <span className="crl-nhs-number">{cells.nhsNumber}</span>
                </td>
                <td className="nhsuk-table__cell">{cells.person}</td>
                <td className="nhsuk-table__cell">{cells.organisation}</td>
                <td className="nhsuk-table__cell">{cells.outcome}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
