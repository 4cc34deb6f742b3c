// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { parseNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import type { Patient } from '../../domain/patient';
import type { NationalServices } from '../../services/national-services';
import type { PointerSearch } from '../../domain/pointer';
import { ServiceError } from '../../services/service-error';
import { RuntimeProvider } from '../shell/runtime-context';
import { testRuntime } from '../shell/test-runtime';
import { LookupResult } from './lookup-result';
import { newLookup } from '../../sync/lookup-queries';

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

function renderLookup(services: { getPatient: NationalServices['pds']['getPatient']; searchPointers: NationalServices['nrl']['searchPointers'] }, typed = '9990000042') {
  const fail = () => Promise.reject(new Error('not expected in this test'));
  const national: NationalServices = {
    pds: { getPatient: services.getPatient },
    nrl: { searchPointers: services.searchPointers },
    documents: { getDocument: fail },
    contactPages: { getContactDetails: fail },
    ods: { getOrganisation: fail },
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <RuntimeProvider runtime={testRuntime(national)}>
      <QueryClientProvider client={client}>
        <LookupResult lookup={newLookup(nhs(typed))} />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
}

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
    expect(await screen.findByText('NHS number 999 000 0069 has been replaced by 999 000 0077. Records are shown for 999 000 0077.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No crisis plan found' })).toBeInTheDocument();
    expect(searchPointers.mock.calls.map((call) => call[0])).toContain('9990000077');
  });
});
