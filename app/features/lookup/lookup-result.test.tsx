// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { parseNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import type { Patient } from '../../domain/patient';
import type { NationalServices } from '../../services/national-services';
import type { PointerSearch } from '../../domain/pointer';
import { ServiceError } from '../../services/service-error';
import { RuntimeProvider } from '../../runtime/runtime-context';
import { testRuntime } from '../../test-support/runtime';
import { LookupResult } from './lookup-result';
import { newLookup } from '../../queries/lookup-queries';
import { createQueryClient } from '../../queries/query-client';
import { getResponse } from 'msw';
import { createHandlers } from '../../../mocks/handlers';
import { SCENARIOS } from '../../../mocks/data/catalogue';
import { TEST_SERVICE_BASES } from '../../../mocks/service-bases';
import { createNationalServices } from '../../services/national-services';
import { createConnectivity } from '../../sync/connectivity';
import { observeReachability } from '../../sync/reachability-transport';
import { buildSnapshot } from '../../test-support/storage';
import type { Runtime } from '../../runtime/runtime-context';
import type { LookupSnapshot } from '../../domain/lookup-snapshot';

const nhs = (value: string): NhsNumber => {
  const parsed = parseNhsNumber(value);
  if (!parsed.ok) throw new Error(value);
  return parsed.value;
};

const patient = (requested: string, current = requested): Patient => ({
  nhsNumber: nhs(current),
  requestedNhsNumber: nhs(requested),
  name: { prefix: undefined, given: ['Jo'], family: 'Bloggs' },
  birthDate: '1990-01-01',
  gender: 'unknown',
  restricted: false,
  address: undefined,
  deceasedAt: undefined,
});

function renderLookup(
  services: { getPatient: NationalServices['pds']['getPatient']; searchPointers: NationalServices['nrl']['searchPointers'] },
  typed = '9990000042',
): Runtime {
  const fail = () => Promise.reject(new Error('not expected in this test'));
  const national: NationalServices = {
    pds: { getPatient: services.getPatient, searchPatients: fail },
    nrl: { searchPointers: services.searchPointers },
    documents: { getDocument: fail },
    contactPages: { getContactDetails: fail },
    ods: { getOrganisation: fail },
  };
  const runtime = testRuntime(national);
  renderWith(runtime, typed);
  return runtime;
}

function renderWith(runtime: Runtime, typed: string, onShowSaved?: (nhsNumber: NhsNumber) => void) {
  // As the app's client: answers are not refetched behind the crew's back (main.tsx).
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  render(
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={client}>
        <LookupResult lookup={newLookup(nhs(typed))} onShowSaved={onShowSaved} />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
}

/** A crisis plan pointer (plus two other records) filed under `subject`. */
const filedUnder = (subject: string): PointerSearch => ({ pointers: buildSnapshot({ nhsNumber: nhs(subject) }).search.pointers, skippedEntries: 0 });
const crisisPlanUnder = (subject: string): PointerSearch => ({ pointers: filedUnder(subject).pointers.slice(0, 1), skippedEntries: 0 });

const none: PointerSearch = { pointers: [], skippedEntries: 0 };

describe('LookupResult', () => {
  it('says "No crisis plan found" only when the locator answered with nothing', async () => {
    renderLookup({ getPatient: async () => patient('9990000042'), searchPointers: async () => none });
    expect(await screen.findByRole('heading', { name: 'No crisis plan found' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Could not check for a crisis plan' })).not.toBeInTheDocument();
    expect(screen.getByText(/^From the national services at \d\d:\d\d\.$/)).toBeInTheDocument();
  });

  it('says "Could not check" when entries could not be read and no crisis plan is left', async () => {
    renderLookup({ getPatient: async () => patient('9990000042'), searchPointers: async () => ({ pointers: [], skippedEntries: 1 }) });
    expect(await screen.findByRole('heading', { name: 'Could not check for a crisis plan' })).toBeInTheDocument();
    expect(screen.getByText(/1 record that could not be read. It may be a crisis plan/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No crisis plan found' })).not.toBeInTheDocument();
  });

  it('says "Could not check" with a retry when the locator fails', async () => {
    renderLookup({
      getPatient: async () => patient('9990000042'),
      searchPointers: async () => {
        throw new ServiceError({ service: 'nrl', kind: 'unavailable', status: 500, detail: 'test' });
      },
    });
    expect(await screen.findByRole('heading', { name: 'Could not check for a crisis plan' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it.each([
    ['a refused organisation (403)', new ServiceError({ service: 'nrl', kind: 'forbidden', status: 403, detail: 'test' }), /Your organisation is not allowed to search/],
    ['a misrouted request (404 from a proxy)', new ServiceError({ service: 'nrl', kind: 'misrouted', status: 404, detail: 'test' }), /could not be reached as set up/],
    ['an answer it could not read', new ServiceError({ service: 'nrl', kind: 'malformed', status: 200, detail: 'test' }), /could not read/],
  ])('says "Could not check" with no Try again after %s, and what to do instead (issue 9 point 6)', async (_, error, words) => {
    renderLookup({ getPatient: async () => patient('9990000042'), searchPointers: async () => Promise.reject(error) });
    const card = await screen.findByRole('region', { name: 'Could not check for a crisis plan' });
    expect(card).toHaveTextContent(words);
    expect(card).toHaveTextContent('This does not mean there is no plan. Use your usual process to contact the local crisis team.');
    expect(card).not.toHaveTextContent(/try again/i);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('offers no Try again for entries that could not be read: asking again returns the same entries', async () => {
    renderLookup({ getPatient: async () => patient('9990000042'), searchPointers: async () => ({ pointers: [], skippedEntries: 1 }) });
    await screen.findByRole('heading', { name: 'Could not check for a crisis plan' });
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('sends a crew whose sign-in ran out to Sign in again, which live mode shows at the top of the screen', async () => {
    const expired = new ServiceError({ service: 'pds', kind: 'unauthorised', status: 401, detail: 'test' });
    renderLookup({ getPatient: async () => Promise.reject(expired), searchPointers: async () => none });
    const card = await screen.findByRole('region', { name: 'Sign in again to see this patient' });
    expect(card).toHaveTextContent('Your sign-in to NHS services has run out, so this patient’s details could not be checked. Sign in again with the button at the top of the screen.');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('in demo mode, which has no sign-in to renew, says what the refused sign-in shows instead of pointing at a button', async () => {
    const expired = new ServiceError({ service: 'pds', kind: 'unauthorised', status: 401, detail: 'test' });
    const fail = () => Promise.reject(new Error('not expected in this test'));
    const runtime = testRuntime(
      {
        pds: { getPatient: async () => Promise.reject(expired), searchPatients: fail },
        nrl: { searchPointers: async () => none },
        documents: { getDocument: fail },
        contactPages: { getContactDetails: fail },
        ods: { getOrganisation: fail },
      },
      { mode: 'demo' },
    );
    renderWith(runtime, '9990000042');
    const card = await screen.findByRole('region', { name: 'The national services refused the sign-in' });
    expect(card).toHaveTextContent(/Demo mode has no sign-in to renew, so pick another demo patient to go on\./);
    expect(screen.queryByRole('heading', { name: 'Sign in again to see this patient' })).not.toBeInTheDocument();
  });

  it('names a restricted patient PDS gives no name for "Name withheld" in every sentence: the banner and the plan', async () => {
    const withheld: Patient = { ...patient('9990000042'), name: undefined, restricted: true };
    renderLookup({ getPatient: async () => withheld, searchPointers: async () => crisisPlanUnder('9990000042') });
    const banner = await screen.findByRole('region', { name: 'Patient details from the Personal Demographics Service' });
    expect(within(banner).getByRole('heading', { level: 2 })).toHaveTextContent(/^Name withheld$/);
    expect(await screen.findByText('For Name withheld, NHS number 999 000 0042')).toBeInTheDocument();
    expect(screen.queryByText(/Name not available/)).not.toBeInTheDocument();
  });

  it('shows nothing from the locator when PDS cannot confirm the patient', async () => {
    renderLookup({
      getPatient: async () => {
        throw new ServiceError({ service: 'pds', kind: 'not-found', status: 404, detail: 'test' });
      },
      searchPointers: async () => none,
    });
    expect(await screen.findByRole('heading', { name: 'Could not confirm who this is' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No crisis plan found' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Patient details/ })).not.toBeInTheDocument();
  });

  it('asks the locator again with the number PDS holds now when the typed one was superseded', async () => {
    const searchPointers = vi.fn(async (_nhsNumber: NhsNumber): Promise<PointerSearch> => none);
    renderLookup({ getPatient: async () => patient('9990000069', '9990000077'), searchPointers }, '9990000069');
    expect(await screen.findByText('NHS number 999 000 0069 has been replaced by 999 000 0077. Records filed under either number are shown.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No crisis plan found' })).toBeInTheDocument();
    expect(searchPointers.mock.calls.map((call) => call[0])).toContain('9990000077');
  });

  it('keeps the answer under the typed number when PDS replaced it, and says the plan was filed under the old number', async () => {
    const searchPointers = vi.fn(async (n: NhsNumber): Promise<PointerSearch> => (n === '9990000069' ? crisisPlanUnder('9990000069') : none));
    const runtime = renderLookup({ getPatient: async () => patient('9990000069', '9990000077'), searchPointers }, '9990000069');
    expect(await screen.findByRole('heading', { name: 'Crisis plan found' })).toBeInTheDocument();
    expect(screen.getByText('Filed under old NHS number 999 000 0069')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No crisis plan found' })).not.toBeInTheDocument();
    // Each number was searched once: the typed number's answer was kept, not asked again.
    expect(searchPointers.mock.calls.map((call) => call[0]).sort()).toEqual(['9990000069', '9990000077']);
    // The saved copy holds the plan filed under the old number, beside the current number's answer.
    await vi.waitFor(() => expect(runtime.plans.save).toHaveBeenCalled());
    const saved = vi.mocked(runtime.plans.save).mock.calls[0]![0] as LookupSnapshot;
    expect(saved.search.pointers.map((p) => p.subjectNhsNumber)).toEqual(['9990000069']);
    expect(saved.patient.nhsNumber).toBe('9990000077');
  });

  it('shows plans filed under both numbers together, each saying which number it is under', async () => {
    const searchPointers = async (n: NhsNumber): Promise<PointerSearch> => crisisPlanUnder(n);
    renderLookup({ getPatient: async () => patient('9990000069', '9990000077'), searchPointers }, '9990000069');
    expect(await screen.findByRole('heading', { name: '2 crisis plans found' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '2 records found' });
    expect(list).toHaveTextContent('Filed under current NHS number 999 000 0077');
    expect(list).toHaveTextContent('Filed under old NHS number 999 000 0069');
  });

  it('says "Could not check", never "No crisis plan found", when one number’s search failed and the other found nothing', async () => {
    const searchPointers = async (n: NhsNumber): Promise<PointerSearch> => {
      if (n === '9990000069') throw new ServiceError({ service: 'nrl', kind: 'unavailable', status: 500, detail: 'test' });
      return none;
    };
    const runtime = renderLookup({ getPatient: async () => patient('9990000069', '9990000077'), searchPointers }, '9990000069');
    expect(await screen.findByRole('heading', { name: 'Could not check for a crisis plan' })).toBeInTheDocument();
    expect(screen.getByText(/The search under the old NHS number 999 000 0069 did not finish/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No crisis plan found' })).not.toBeInTheDocument();
    // Half an answer is never saved: it would later read as complete.
    expect(runtime.plans.save).not.toHaveBeenCalled();
  });

  it('shows a plan found under one number, and warns that the other number could not be checked', async () => {
    const searchPointers = async (n: NhsNumber): Promise<PointerSearch> => {
      if (n === '9990000077') throw new ServiceError({ service: 'nrl', kind: 'timeout', detail: 'test' });
      return crisisPlanUnder(n);
    };
    renderLookup({ getPatient: async () => patient('9990000069', '9990000077'), searchPointers }, '9990000069');
    expect(await screen.findByRole('heading', { name: 'Crisis plan found' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Could not check under the current NHS number 999 000 0077: there may be other plans' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('LookupResult saving on the device (issue 8 point 1)', () => {
  it('saves an answered lookup once, as the save mutation, never as a query, also under StrictMode', async () => {
    const fail = () => Promise.reject(new Error('not expected in this test'));
    const runtime = testRuntime({
      pds: { getPatient: async () => patient('9990000042'), searchPatients: fail },
      nrl: { searchPointers: async () => none },
      documents: { getDocument: fail },
      contactPages: { getContactDetails: fail },
      ods: { getOrganisation: fail },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    render(
      <StrictMode>
        <RuntimeProvider runtime={runtime}>
          <QueryClientProvider client={client}>
            <LookupResult lookup={newLookup(nhs('9990000042'))} />
          </QueryClientProvider>
        </RuntimeProvider>
      </StrictMode>,
    );
    expect(await screen.findByText(/^Saved on this device at \d\d:\d\d, kept for 24 hours\.$/)).toBeInTheDocument();
    expect(runtime.plans.save).toHaveBeenCalledTimes(1);
    // Writes are mutations; the query cache holds only what the services answered.
    expect(client.getMutationCache().findAll({ mutationKey: ['save-lookup'] })).toHaveLength(1);
    expect(client.getQueryCache().getAll().map((query) => query.queryKey[0])).toEqual(['patient', 'pointers']);
  });
});

describe('LookupResult when the locator is slow but the network is fine (issue 7 point 1)', () => {
  const mocks = createHandlers(TEST_SERVICE_BASES);
  // As fetch does: a request whose signal aborts (the client's timeout) rejects with the reason.
  const answeredByMocks = (request: Request) =>
    Promise.race([
      getResponse(mocks, request).then((response) => response ?? Promise.reject(new TypeError('Failed to fetch'))),
      new Promise<never>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })),
    ]);

  function liveRuntime(transport: (request: Request) => Promise<Response>) {
    const connectivity = createConnectivity({ probe: async () => true, initiallyReachable: true, events: new EventTarget() as unknown as Window });
    const { pds, nrl, ods, ssp } = TEST_SERVICE_BASES;
    const services = createNationalServices({
      transport: observeReachability(transport, connectivity, [pds, nrl, ods, ssp]),
      bases: { pds, nrl, ods, ssp },
      organisationOds: () => 'RX8',
      // The real clients with a short timeout, so the locator's hang ends in the test's time.
      timeoutMs: 150,
      recordAccess: async () => undefined,
    });
    return testRuntime(services, { connectivity });
  }

  it('says "Could not check" with Try again under the confirmed patient, never "no signal"', async () => {
    const runtime = liveRuntime(answeredByMocks);
    renderWith(runtime, SCENARIOS.locatorTimeout.nhsNumber);
    const banner = await screen.findByRole('region', { name: 'Patient details from the Personal Demographics Service' });
    expect(await screen.findByRole('heading', { name: 'Could not check for a crisis plan' })).toBeInTheDocument();
    expect(screen.getByText(/The National Record Locator took too long to answer/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    // The confirmed identity stays on screen, and nothing says the cause is the signal.
    expect(banner).toBeInTheDocument();
    expect(banner).toHaveTextContent('999 000 0107');
    expect(screen.queryByText(/No signal/)).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be reached/)).not.toBeInTheDocument();
    expect(runtime.queue.add).not.toHaveBeenCalled();
    expect(runtime.connectivity.getSnapshot().reachable).toBe(true);
  });

  it('offers the copy saved on this device as a second choice when the locator fails', async () => {
    const runtime = liveRuntime(answeredByMocks);
    const snapshot = buildSnapshot({ nhsNumber: nhs(SCENARIOS.locatorTimeout.nhsNumber) });
    vi.mocked(runtime.plans.find).mockResolvedValue({ snapshot, retrievedAt: snapshot.retrievedAt, expiresAt: '2999-01-01T00:00:00.000Z' });
    const onShowSaved = vi.fn();
    renderWith(runtime, SCENARIOS.locatorTimeout.nhsNumber, onShowSaved);
    expect(await screen.findByRole('heading', { name: 'Could not check for a crisis plan' })).toBeInTheDocument();
    (await screen.findByRole('button', { name: /^Show the copy saved on this device \(retrieved / })).click();
    expect(onShowSaved).toHaveBeenCalledWith(SCENARIOS.locatorTimeout.nhsNumber);
    expect(screen.getByRole('region', { name: 'Patient details from the Personal Demographics Service' })).toBeInTheDocument();
  });

  it('still switches to the device when PDS itself got no answer', async () => {
    const runtime = liveRuntime(async () => Promise.reject(new TypeError('Failed to fetch')));
    renderWith(runtime, SCENARIOS.locatorTimeout.nhsNumber);
    expect(await screen.findByText(/No signal, and nothing is saved on this device/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Patient details from the Personal Demographics Service' })).not.toBeInTheDocument();
    expect(runtime.connectivity.getSnapshot().reachable).toBe(false);
  });

  describe('a dead zone the browser calls online (issue 13 point 3)', () => {
    /** PDS's first request fails at once as with no signal; everything after is answered. */
    function firstPdsRequestFails() {
      let failed = false;
      return (request: Request) => {
        if (!failed && request.url.includes('/Patient/')) {
          failed = true;
          return Promise.reject(new TypeError('Failed to fetch'));
        }
        return answeredByMocks(request);
      };
    }

    function renderWithAppClient(runtime: Runtime, typed: string) {
      render(
        <RuntimeProvider runtime={runtime}>
          <QueryClientProvider client={createQueryClient()}>
            <LookupResult lookup={newLookup(nhs(typed))} />
          </QueryClientProvider>
        </RuntimeProvider>,
      );
    }

    it('shows the saved copy at once, without waiting for the retry, and the fresh answer when the retry succeeds', async () => {
      const typed = SCENARIOS.planPdf.nhsNumber;
      const runtime = liveRuntime(firstPdsRequestFails());
      const snapshot = buildSnapshot({ nhsNumber: nhs(typed) });
      vi.mocked(runtime.plans.find).mockResolvedValue({ snapshot, retrievedAt: snapshot.retrievedAt, expiresAt: '2999-01-01T00:00:00.000Z' });
      const started = Date.now();
      renderWithAppClient(runtime, typed);
      expect(await screen.findByText(/The national services could not be reached\. This is the copy saved on this device/)).toBeInTheDocument();
      // Well before the automatic retry (1 s) has run.
      expect(Date.now() - started).toBeLessThan(800);
      // The retry answers: the fresh answer replaces the copy.
      expect(await screen.findByText(/^From the national services/, {}, { timeout: 4000 })).toBeInTheDocument();
      expect(screen.queryByText(/This is the copy saved on this device/)).not.toBeInTheDocument();
      expect(runtime.queue.add).not.toHaveBeenCalled();
    });

    it('with nothing saved, keeps checking until the retry has answered, and queues nothing', async () => {
      const typed = SCENARIOS.planPdf.nhsNumber;
      const runtime = liveRuntime(firstPdsRequestFails());
      renderWithAppClient(runtime, typed);
      expect(await screen.findByText(/^From the national services/, {}, { timeout: 4000 })).toBeInTheDocument();
      expect(screen.queryByText(/No signal, and nothing is saved on this device/)).not.toBeInTheDocument();
      expect(runtime.queue.add).not.toHaveBeenCalled();
    });
  });
});
