// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { AccessHistory, AccessRecord } from '../../domain/access-record';
import type { NhsNumber } from '../../domain/nhs-number';
import { ServiceError } from '../../services/service-error';
import { createExternalStore } from '../../sync/external-store';
import type { DeliveryStatus } from '../../sync/access-delivery';
import { RuntimeProvider, type Runtime } from '../../runtime/runtime-context';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { AccessHistoryPage } from './access-history-page';

const NOW = new Date('2025-03-04T15:00:00Z');
const NHS = '9434765919' as NhsNumber;
const services = NO_NATIONAL_SERVICES;

const record = (id: string, overrides: Partial<AccessRecord> = {}): AccessRecord => ({
  id,
  action: 'patient-read',
  nhsNumber: NHS,
  organisationOds: 'RX8',
  organisationName: undefined,
  person: undefined,
  occurredAt: '2025-03-04T14:02:10.123Z',
  outcome: { kind: 'answered', status: 200 },
  ...overrides,
});

const THREE: AccessHistory = {
  records: [
    record('3', { action: 'saved-copy-view', occurredAt: '2025-03-04T14:30:00.000Z', outcome: { kind: 'shown-from-device' } }),
    record('2', { action: 'document-retrieval', occurredAt: '2025-03-04T14:02:11.000Z', outcome: { kind: 'no-answer', reason: 'timeout' } }),
    record('1'),
  ],
  unreadable: 0,
  more: false,
};

function renderHistory(search: Runtime['accessHistory']['searchAccessHistory'], overrides: Partial<Runtime> = {}) {
  const runtime = testRuntime(services, { accessHistory: { searchAccessHistory: search }, ...overrides });
  render(
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <AccessHistoryPage />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
  return runtime;
}

/** jsdom's Blob has no text(). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

/** Downloads the page starts: the files' contents stay in memory (jsdom has no object URLs). */
function captureDownloads() {
  const blobs: Blob[] = [];
  const createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:history-${blobs.length}`;
  });
  const revokeObjectURL = vi.fn();
  // jsdom has neither; put back whatever was there after the test.
  const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  onTestFinished(() => void Object.assign(URL, original));
  const clicked: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  return { blobs, clicked, revokeObjectURL, text: (index: number) => readText(blobs[index]!) };
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent));

describe('AccessHistoryPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('asks for the last 7 days at once and shows each access in words, newest first', async () => {
    const search = vi.fn(async () => THREE);
    renderHistory(search);
    expect(screen.getByRole('heading', { level: 1, name: 'Access history' })).toBeInTheDocument();
    expect(screen.getByText('Loading the access history from the audit service…')).toBeInTheDocument();
    expect(search).toHaveBeenCalledWith({ fromDate: '2025-02-26', toDate: '2025-03-04', nhsNumber: undefined, action: undefined }, expect.objectContaining({ signal: expect.anything() }));

    const table = await screen.findByRole('table', { name: '3 accesses' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['When', 'What', 'NHS number', 'Who', 'Organisation', 'Outcome']);
    expect(rowsOf(table).slice(1)).toEqual([
      ['4 March 2025, 14:30:00 GMT', 'Saved copy opened', '943 476 5919', 'Not recorded (before sign-in)', 'RX8', 'From this device'],
      ['4 March 2025, 14:02:11 GMT', 'Document retrieved', '943 476 5919', 'Not recorded (before sign-in)', 'RX8', 'No answer: timeout'],
      ['4 March 2025, 14:02:10 GMT', 'Patient details', '943 476 5919', 'Not recorded (before sign-in)', 'RX8', 'Answered (200)'],
    ]);
    expect(document.title).toBe('Access history – Crew Record Locator');
  });

  it('says DEMO in the page title in demo mode, as on every screen', async () => {
    renderHistory(vi.fn(async () => THREE), { mode: 'demo' });
    await screen.findByRole('table');
    expect(document.title).toBe('DEMO – Access history – Crew Record Locator');
  });

  it('sends the filters chosen: dates, an NHS number as typed by a person, and what was done', async () => {
    const user = userEvent.setup();
    const search = vi.fn(async () => THREE);
    renderHistory(search);
    await screen.findByRole('table');

    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2025-03-01');
    await user.clear(screen.getByLabelText('To'));
    await user.type(screen.getByLabelText('To'), '2025-03-02');
    await user.type(screen.getByLabelText('NHS number (optional)'), '943 476 5919');
    await user.selectOptions(screen.getByLabelText('What was done'), 'Document retrieved');
    await user.click(screen.getByRole('button', { name: 'Show records' }));

    expect(search).toHaveBeenLastCalledWith({ fromDate: '2025-03-01', toDate: '2025-03-02', nhsNumber: NHS, action: 'document-retrieval' }, expect.anything());
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 March 2025 to 2 March 2025, NHS number 943 476 5919, document retrieved, by anyone.')).toBeInTheDocument();

    // Editing the box without pressing Show records never relabels the rows already shown.
    await user.clear(screen.getByLabelText('NHS number (optional)'));
    await user.type(screen.getByLabelText('NHS number (optional)'), '999 000 0018');
    expect(screen.getByText(/Showing .*NHS number 943 476 5919/)).toBeInTheDocument();
  });

  it('shows who made each access, and filters by a person chosen from those seen, by their CIS2 UUID', async () => {
    const user = userEvent.setup();
    const alex = { id: '555021935107', name: 'Alex Carter', roleName: '"Clinical":"Clinical Provision":"Paramedic"', roleCode: 'S8000:G8000:R8003', personRoleId: '555021936109', session: 'signed-in' as const };
    const sam = { ...alex, id: '555021935999', name: 'Sam Patel', roleName: '"Clinical":"Clinical Provision":"Clinical Lead"', personRoleId: '555021936999' };
    const everyone: AccessHistory = {
      records: [
        record('3', { person: { ...alex, session: 'offline' }, organisationOds: 'RX7', organisationName: 'North West Ambulance Service NHS Trust' }),
        record('2', { person: sam, organisationOds: 'RX7' }),
        record('1'),
      ],
      unreadable: 0,
      more: false,
    };
    const onlyAlex: AccessHistory = { ...everyone, records: [everyone.records[0]!] };
    const search = vi.fn(async (filters: { personId?: string | undefined }) => (filters.personId === alex.id ? onlyAlex : everyone));
    renderHistory(search);

    const table = await screen.findByRole('table', { name: '3 accesses' });
    expect(rowsOf(table).slice(1).map((cells) => cells.slice(3, 5))).toEqual([
      ['Alex Carter, Paramedic, offline session', 'North West Ambulance Service NHS Trust (RX7)'],
      ['Sam Patel, Clinical Lead', 'RX7'],
      ['Not recorded (before sign-in)', 'RX8'],
    ]);

    const who = screen.getByLabelText('Who');
    expect(who).toHaveAccessibleDescription('People in the records loaded on this screen');
    expect(within(who).getAllByRole('option').map((option) => option.textContent)).toEqual(['Anyone', 'Alex Carter (Paramedic)', 'Sam Patel (Clinical Lead)']);
    await user.selectOptions(who, 'Alex Carter (Paramedic)');
    await user.click(screen.getByRole('button', { name: 'Show records' }));

    expect(search).toHaveBeenLastCalledWith(expect.objectContaining({ personId: '555021935107' }), expect.anything());
    expect(await screen.findByRole('table', { name: '1 access' })).toBeInTheDocument();
    expect(screen.getByText(/, by Alex Carter \(Paramedic\)\.$/)).toBeInTheDocument();
    // The others stay on offer once the list holds only one person's accesses.
    expect(within(screen.getByLabelText('Who')).getAllByRole('option')).toHaveLength(3);

    await user.selectOptions(screen.getByLabelText('Who'), 'Anyone');
    await user.click(screen.getByRole('button', { name: 'Show records' }));
    expect(search).toHaveBeenLastCalledWith(expect.objectContaining({ personId: undefined }), expect.anything());
    expect(await screen.findByRole('table', { name: '3 accesses' })).toBeInTheDocument();
  });

  it('asks again when Show records is pressed with the same filters', async () => {
    const user = userEvent.setup();
    const search = vi.fn(async () => THREE);
    renderHistory(search);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Show records' }));
    await screen.findByRole('table');
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('never sends a number that is not an NHS number, nor days out of order', async () => {
    const user = userEvent.setup();
    const search = vi.fn(async () => THREE);
    renderHistory(search);
    await screen.findByRole('table');

    await user.type(screen.getByLabelText('NHS number (optional)'), '943 476 5918');
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2025-03-05');
    await user.click(screen.getByRole('button', { name: 'Show records' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'The first day must be the same as or before the last day',
      'NHS number is not a valid NHS number: check the digits',
    ]);
    expect(screen.getByLabelText('NHS number (optional)')).toHaveAccessibleDescription(/Error: ?NHS number is not a valid NHS number/);
    expect(search).toHaveBeenCalledTimes(1);
    // The rows of the last good filters go, so nobody reads them as the answer to the bad ones.
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/^Showing /)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
    expect(screen.getByText('No records are shown until the filters are corrected.')).toBeInTheDocument();

    // Corrected, the records come back for the new filters.
    await user.clear(screen.getByLabelText('NHS number (optional)'));
    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '2025-03-01');
    await user.click(screen.getByRole('button', { name: 'Show records' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText('No records are shown until the filters are corrected.')).not.toBeInTheDocument();
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('says so when nothing was recorded for the filters', async () => {
    renderHistory(vi.fn(async () => ({ records: [], unreadable: 0, more: false })));
    expect(await screen.findByText('No access recorded for these filters')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
  });

  it('counts records it could not read, and says when only the newest are shown with no way to fetch more', async () => {
    renderHistory(vi.fn(async () => ({ ...THREE, unreadable: 2, more: true })));
    expect(await screen.findByText(/returned 2 records this app could not read/)).toBeInTheDocument();
    expect(screen.getByText(/Only the newest 3 are shown: there are more, but the audit service gave no way to fetch them/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('Show more follows the next link as given and adds the older rows below; counts, caption and CSV cover them all', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const next = 'https://audit.example/fhir/AuditEvent?_getpagesoffset=3&_count=3';
    const search = vi
      .fn<Runtime['accessHistory']['searchAccessHistory']>()
      .mockResolvedValueOnce({ ...THREE, unreadable: 1, more: true, next })
      // A Bundle total counts every match, so the last page still says "more": only its next link counts.
      .mockResolvedValueOnce({ records: [record('0', { occurredAt: '2025-03-03T09:00:00.000Z' })], unreadable: 2, more: true });
    renderHistory(search);

    await screen.findByRole('table', { name: '3 accesses' });
    expect(screen.getByText('The audit service holds older records for these filters.')).toBeInTheDocument();
    expect(screen.queryByText(/Only the newest/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more' }));

    const table = await screen.findByRole('table', { name: '4 accesses' });
    expect(search).toHaveBeenCalledTimes(2);
    expect(search).toHaveBeenLastCalledWith({ fromDate: '2025-02-26', toDate: '2025-03-04', nhsNumber: undefined, action: undefined }, expect.objectContaining({ next }));
    expect(rowsOf(table).slice(1).map((cells) => cells[0])).toEqual(['4 March 2025, 14:30:00 GMT', '4 March 2025, 14:02:11 GMT', '4 March 2025, 14:02:10 GMT', '3 March 2025, 09:00:00 GMT']);
    expect(screen.getByText(/returned 3 records this app could not read/)).toBeInTheDocument();
    expect(screen.getByText('Showing 26 February 2025 to 4 March 2025, every patient, anything done, by anyone.')).toBeInTheDocument();
    // The last page had no next link: nothing more to load.
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(screen.queryByText(/there are more/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveAccessibleDescription(/The file holds the 4 accesses shown here/);
    const csv = await downloads.text(0);
    expect(csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).toEqual([
      '2025-03-04T14:30:00+00:00',
      '2025-03-04T14:02:11+00:00',
      '2025-03-04T14:02:10+00:00',
      '2025-03-03T09:00:00+00:00',
    ]);
  });

  it('keeps the rows shown when the next page fails, and tries that page again', async () => {
    const user = userEvent.setup();
    const next = 'https://audit.example/fhir/AuditEvent?_getpagesoffset=3';
    const search = vi
      .fn<Runtime['accessHistory']['searchAccessHistory']>()
      .mockResolvedValueOnce({ ...THREE, more: true, next })
      .mockRejectedValueOnce(new ServiceError({ service: 'audit', kind: 'unavailable', detail: 'HTTP 503', status: 503 }))
      .mockResolvedValueOnce({ records: [record('0', { occurredAt: '2025-03-03T09:00:00.000Z' })], unreadable: 0, more: false });
    renderHistory(search);

    await user.click(await screen.findByRole('button', { name: 'Show more' }));
    const card = await screen.findByRole('region', { name: 'Could not load more of the access history' });
    expect(card).toHaveTextContent('The records already shown are still here.');
    expect(screen.getByRole('table', { name: '3 accesses' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Could not load the access history' })).not.toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: '4 accesses' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Could not load more of the access history' })).not.toBeInTheDocument();
    // The first page is not asked for again: only the page that failed.
    expect(search).toHaveBeenCalledTimes(3);
    expect(search.mock.calls.map(([, context]) => context?.next)).toEqual([undefined, next, next]);
  });

  it('shows the audit service’s failure in words for a lead, and offers Try again only when it may work', async () => {
    const user = userEvent.setup();
    const search = vi
      .fn<Runtime['accessHistory']['searchAccessHistory']>()
      .mockRejectedValueOnce(new ServiceError({ service: 'audit', kind: 'unavailable', detail: 'HTTP 503', status: 503 }))
      .mockResolvedValue(THREE);
    renderHistory(search);

    const card = await screen.findByRole('region', { name: 'Could not load the access history' });
    expect(card).toHaveTextContent('The audit service did not answer, so the access history cannot be shown. Try again in a moment.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: '3 accesses' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Could not load the access history' })).not.toBeInTheDocument();
  });

  it('offers no Try again when the audit service refuses the lead: asking again cannot change that', async () => {
    renderHistory(vi.fn(async () => Promise.reject(new ServiceError({ service: 'audit', kind: 'forbidden', detail: 'HTTP 403', status: 403 }))));
    const card = await screen.findByRole('region', { name: 'Could not load the access history' });
    expect(card).toHaveTextContent('You are not allowed to see the access history: only clinical leads can. If you should be, tell your service desk.');
    expect(within(card).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('says how many records on this device are not in the audit service yet', async () => {
    const accessDelivery = createExternalStore<DeliveryStatus>({ waiting: 2, refused: 0, lastDeliveredAt: undefined });
    renderHistory(vi.fn(async () => THREE), { accessDelivery });
    expect(screen.getByText('2 records of access on this device are still waiting to be sent to the audit service, so they are not in this list yet.')).toBeInTheDocument();
  });

  it('exports what is shown as a CSV file, from memory', async () => {
    const user = userEvent.setup();
    const { blobs, clicked, revokeObjectURL } = captureDownloads();
    renderHistory(vi.fn(async () => THREE));

    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));

    expect(screen.getByRole('button', { name: 'Export CSV' })).toHaveAccessibleDescription(/The file holds the 3 accesses shown here, with their NHS numbers/);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('access-history-2025-02-26-to-2025-03-04.csv');
    expect(clicked[0]!.href).toBe('blob:history-1');
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const csv = await readText(blobs[0]!);
    expect(csv.split('\r\n')).toEqual([
      'When,What,NHS number,Who,Organisation,Outcome',
      '2025-03-04T14:30:00+00:00,Saved copy opened,943 476 5919,Not recorded (before sign-in),RX8,From this device',
      '2025-03-04T14:02:11+00:00,Document retrieved,943 476 5919,Not recorded (before sign-in),RX8,No answer: timeout',
      '2025-03-04T14:02:10+00:00,Patient details,943 476 5919,Not recorded (before sign-in),RX8,Answered (200)',
      '',
    ]);
    await vi.waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:history-1'));
  });
});
