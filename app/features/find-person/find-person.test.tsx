// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { NhsNumber } from '../../domain/nhs-number';
import type { Patient } from '../../domain/patient';
import type { PatientSearch, PatientSearchOutcome } from '../../domain/patient-search';
import { RuntimeProvider, type Runtime } from '../../runtime/runtime-context';
import { createPdsClient } from '../../services/pds-client';
import { ServiceError } from '../../services/service-error';
import type { Transport } from '../../services/transport';
import { publishedSearchError } from '../../test-support/pds-published-search';
import { fhirJson } from '../../test-support/services';
import { createConnectivity } from '../../sync/connectivity';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { FindPerson } from './find-person';
import { matchInWords } from './match-list';

const NOW = new Date('2026-06-01T12:00:00Z');

const person = (nhsNumber: string, o: Partial<Patient> = {}): Patient => ({
  nhsNumber: nhsNumber as NhsNumber,
  requestedNhsNumber: nhsNumber as NhsNumber,
  name: { prefix: undefined, given: ['Amelia'], family: 'Crossley' },
  birthDate: '1991-03-14',
  gender: 'female',
  restricted: false,
  address: ['1 Sample Street', 'Leeds', 'LS1 6AE'],
  deceasedAt: undefined,
  ...o,
});

function setUp(answer: () => Promise<PatientSearchOutcome>, overrides: Partial<Runtime> = {}) {
  const searchPatients = vi.fn((_search: PatientSearch) => answer());
  const runtime = testRuntime({ ...NO_NATIONAL_SERVICES, pds: { ...NO_NATIONAL_SERVICES.pds, searchPatients } }, overrides);
  const onChoose = vi.fn();
  render(
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <FindPerson onChoose={onChoose} />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
  return { searchPatients, onChoose, runtime };
}

async function fillIn(o: { family?: string; given?: string; day?: string; month?: string; year?: string; postcode?: string } = {}) {
  const user = userEvent.setup();
  const { family = 'Crossley', given = 'Amelia', day = '14', month = '3', year = '1991', postcode = '' } = o;
  if (family) await user.type(screen.getByLabelText('Family name'), family);
  if (given) await user.type(screen.getByLabelText('Given name (optional)'), given);
  if (day) await user.type(screen.getByLabelText('Day'), day);
  if (month) await user.type(screen.getByLabelText('Month'), month);
  if (year) await user.type(screen.getByLabelText('Year'), year);
  if (postcode) await user.type(screen.getByLabelText('Postcode (optional)'), postcode);
  await user.click(screen.getByRole('button', { name: 'Search' }));
  return user;
}

describe('FindPerson', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('sends nothing when the details fail the checks, and shows them in the error summary', async () => {
    const { searchPatients } = setUp(async () => ({ kind: 'no-match' }));
    await fillIn({ family: '', day: '31', month: '2', year: '1991' });
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter a family name' })).toHaveAttribute('href', expect.stringMatching(/-family$/));
    expect(within(summary).getByRole('link', { name: 'Date of birth must be a real date' })).toBeInTheDocument();
    expect(screen.getByLabelText('Day')).toHaveClass('nhsuk-input--error');
    expect(searchPatients).not.toHaveBeenCalled();
  });

  it('lists matches best first with what tells them apart, and withholds a restricted person’s address', async () => {
    const { onChoose } = setUp(async () => ({
      kind: 'matches',
      matches: [
        { patient: person('9990000018'), score: 1, exact: true },
        { patient: person('9990002002', { birthDate: '1991-07-02', address: ['2 Road', 'Bradford', 'BD1 1AA'] }), score: 0.85, exact: false },
        { patient: person('9990002010', { restricted: true, address: undefined, birthDate: '1991-11-30' }), score: 0.6, exact: false },
      ],
    }));
    const user = await fillIn();
    expect(await screen.findByRole('heading', { name: '3 people found' })).toHaveFocus();
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Amelia CROSSLEY');
    expect(rows[0]).toHaveTextContent('14 March 1991 (35 years old)');
    expect(rows[0]).toHaveTextContent('LS1 6AE');
    expect(rows[0]).toHaveTextContent('Exact');
    expect(rows[1]).toHaveTextContent('Close');
    expect(rows[2]).toHaveTextContent('Address withheld');
    expect(rows[2]).toHaveTextContent('Partial');
    expect(rows[2]).not.toHaveTextContent(/LS1|BD1/);
    // Nothing opens by itself; the crew chooses, and the button says whom.
    expect(onChoose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Choose Amelia CROSSLEY, born 2 July 1991 (34 years old)' }));
    expect(onChoose).toHaveBeenCalledWith('9990002002', 'national');
  });

  it('says which match is recorded as deceased, and gives them no age', async () => {
    setUp(async () => ({
      kind: 'matches',
      matches: [
        { patient: person('9990000018'), score: 1, exact: true },
        { patient: person('9990002002', { deceasedAt: '2024-02-10T00:00:00+00:00' }), score: 1, exact: true },
      ],
    }));
    await fillIn();
    const rows = await screen.findAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('14 March 1991 (35 years old)');
    expect(rows[0]).not.toHaveTextContent(/deceased/);
    expect(rows[1]).toHaveTextContent('Recorded as deceased on 10 February 2024');
    expect(rows[1]).not.toHaveTextContent(/years old/);
    expect(screen.getByRole('button', { name: 'Choose Amelia CROSSLEY, born 14 March 1991, recorded as deceased on 10 February 2024' })).toBeInTheDocument();
  });

  it('asks for more details when too many match, and lists no one', async () => {
    setUp(async () => ({ kind: 'too-many' }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Family name'), 'Whitworth');
    await user.click(screen.getByLabelText('Year of birth only'));
    await user.type(screen.getByLabelText('Year of birth'), '1985');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('heading', { name: 'Too many people match' })).toBeInTheDocument();
    expect(screen.getByText('a given name')).toBeInTheDocument();
    expect(screen.getByText('an exact date of birth instead of a year or an age')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Choose/ })).not.toBeInTheDocument();
  });

  it('offers wider matching after no match, and marks what it finds as such', async () => {
    const answers: PatientSearchOutcome[] = [{ kind: 'no-match' }, { kind: 'matches', matches: [{ patient: person('9990000018'), score: 0.7, exact: false }] }];
    const { searchPatients } = setUp(async () => answers.shift()!);
    const user = await fillIn();
    expect(await screen.findByRole('heading', { name: 'No one found' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Search with wider matching' }));
    expect(await screen.findByRole('heading', { name: '1 person found' })).toBeInTheDocument();
    expect(screen.getByText('Found with wider matching')).toBeInTheDocument();
    expect(searchPatients.mock.calls.map(([search]) => search.wider)).toEqual([false, true]);
  });

  it('words a refused search as about the details, not an NHS number', async () => {
    setUp(async () => {
      throw new ServiceError({ service: 'pds', kind: 'rejected', detail: 'INVALID_SEARCH_DATA' });
    });
    await fillIn();
    expect(await screen.findByText(/did not accept these details/)).toBeInTheDocument();
  });

  // Every error patient-search.yaml documents, as its sandbox words it, through the real client:
  // each gets words a crew can act on, none reads as "no one found" or speaks of an NHS number,
  // and only what may change on asking again offers Try again.
  it.each([
    { reply: [400, 'INVALID_SEARCH_DATA', 'value'], words: /did not accept these details/, tryAgain: false },
    { reply: [400, 'UNSUPPORTED_SERVICE', 'processing'], words: /did not accept these details/, tryAgain: false },
    { reply: [400, 'MISSING_VALUE', 'required'], words: /did not accept these details/, tryAgain: false },
    { reply: [400, 'INVALID_VALUE', 'value'], words: /did not accept these details/, tryAgain: false },
    { reply: [400, 'ADDITIONAL_PROPERTIES', 'invariant'], words: /did not accept these details/, tryAgain: false },
    { reply: [401, 'ACCESS_DENIED', 'forbidden'], words: /sign-in to NHS services has run out, so the search was not done/, tryAgain: false },
    { reply: [403, 'INVALID_VALUE', 'value'], words: /not allowed to search for patients by their details/, tryAgain: false },
    { reply: [408, 'UNABLE_TO_CALL_SERVICE', 'timeout'], words: /did not answer, so the search did not finish/, tryAgain: true },
    { reply: [429, 'TOO_MANY_REQUESTS', 'throttled'], words: /is busy, so the search was not done/, tryAgain: true },
    { reply: [500, 'INTERNAL_SERVER_ERROR', 'exception'], words: /did not answer, so the search did not finish/, tryAgain: true },
    { reply: [503, 'SERVICE_UNAVAILABLE', 'exception'], words: /did not answer, so the search did not finish/, tryAgain: true },
    // Not documented for a search: a gateway's 404 is never an answer about a person.
    { reply: [404, 'RESOURCE_NOT_FOUND', 'not-found'], words: /could not be reached as set up on this device.*does not mean no one matches/, tryAgain: false },
  ] as const)('a search answered $reply.0 $reply.1 shows what to do', async ({ reply: [status, code, issueCode], words, tryAgain }) => {
    const transport: Transport = async () => fhirJson(publishedSearchError(code, code, undefined, issueCode), status);
    const pds = createPdsClient({ transport, baseUrl: 'https://gw.test/pds', organisationOds: () => 'RX8' });
    const runtime = testRuntime({ ...NO_NATIONAL_SERVICES, pds });
    render(
      <RuntimeProvider runtime={runtime}>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <FindPerson onChoose={vi.fn()} />
        </QueryClientProvider>
      </RuntimeProvider>,
    );
    await fillIn();
    const card = (await screen.findByRole('heading', { name: 'The search did not finish' })).closest('section, div')!;
    expect(card).toHaveTextContent(words);
    expect(card).not.toHaveTextContent(/NHS number|No one found|no patient found/i);
    expect(screen.queryByRole('heading', { name: 'No one found' })).not.toBeInTheDocument();
    if (tryAgain) expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    else expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('with no signal, searches only the plans saved on this device, labelled so, and never PDS', async () => {
    const offline = createConnectivity({ probe: async () => false, initiallyReachable: false, events: new EventTarget() as unknown as Window });
    const { searchPatients, runtime, onChoose } = setUp(async () => ({ kind: 'no-match' }), { connectivity: offline });
    vi.mocked(runtime.plans.searchSaved).mockResolvedValue([
      { nhsNumber: '9990000018' as NhsNumber, name: 'Amelia CROSSLEY', birthDate: '1991-03-14', retrievedAt: '2026-06-01T10:00:00Z', expiresAt: '2026-06-02T10:00:00Z', hasCrisisPlan: true },
    ]);
    const user = await fillIn();
    expect(await screen.findByRole('heading', { name: 'Saved on this device, not a national search' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: /^Choose Amelia CROSSLEY/ }));
    expect(onChoose).toHaveBeenCalledWith('9990000018', 'device');
    expect(searchPatients).not.toHaveBeenCalled();
    expect(vi.mocked(runtime.plans.searchSaved).mock.calls[0]![0]).toMatchObject({ family: 'Crossley', given: 'Amelia', birthDate: { kind: 'on', date: '1991-03-14' } });
  });

  it('with no signal and nothing saved that matches, says a search by details needs signal and queues nothing', async () => {
    const offline = createConnectivity({ probe: async () => false, initiallyReachable: false, events: new EventTarget() as unknown as Window });
    const { runtime } = setUp(async () => ({ kind: 'no-match' }), { connectivity: offline });
    await fillIn();
    expect(await screen.findByRole('heading', { name: 'A search by details needs signal' })).toBeInTheDocument();
    expect(runtime.queue.add).not.toHaveBeenCalled();
  });
});

describe('matchInWords', () => {
  it('is Exact only at 1, Close from 0.8, Partial below', () => {
    expect([1, 0.99, 0.8, 0.79, 0].map(matchInWords)).toEqual(['Exact', 'Close', 'Close', 'Partial', 'Partial']);
  });
});
