import type { AccessRecord } from '../../domain/access-record';
import { describeAccessRecord } from './describe-access-record';
import { historyWords as words } from './history-words';

/**
 * A spreadsheet opens a cell starting with one of these as a formula (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, and tab and carriage return, which some spreadsheets skip before reading one.
 * Names and organisation codes come from the audit service, so they are not trusted to be plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: defused against formula injection, then quoted as RFC 4180 asks when it must be. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: fields separated by commas, every record (the last too) ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * The history as shown, with a header row of the table's column names. Times are ISO 8601 with
 * their offset, so a spreadsheet or audit tool reads the exact instant (issue 9 point 8).
 */
export function accessHistoryCsv(records: readonly AccessRecord[]): string {
  const { columns } = words;
  const header = [columns.when, columns.what, columns.nhsNumber, columns.person, columns.organisation, columns.outcome];
  const rows = records.map(describeAccessRecord).map((cells) => [cells.whenIso, cells.what, cells.nhsNumber, cells.person, cells.organisation, cells.outcome]);
  return toCsv([header, ...rows]);
}

/**
 * Saves `csv` as a download, from memory: a Blob behind an object URL, released once the
 * browser has taken it. No byte-order mark: the rows are dates, words, numbers and ODS codes in
 * plain ASCII, and a tool that does not expect a BOM would read it into the first header.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after this task, so the click's download has started with the URL still valid.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
