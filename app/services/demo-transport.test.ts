import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../mocks/data/catalogue';
import type { AccessEvent, ServiceAccess } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';
import { validatePatientSearch, widenPatientSearch, type SearchForm } from '../domain/patient-search';
import { createAuditClient } from './audit-client';
import { createDemoTransport } from './demo-transport';
import { createNationalServices } from './national-services';
import { isServiceError } from './service-error';
import { isTemporary } from '../queries/offline-policy';
import { testContext } from '../test-support/services';

const AMELIA = SCENARIOS.planPdf.nhsNumber as NhsNumber;

/** The demo transport with the trainer's switch in the test's hands, and the clients over it as the app builds them. */
async function demo() {
  const signal = { off: false };
  const wiring = await createDemoTransport({ noSignal: () => signal.off });
  const recorded: ServiceAccess[] = [];
  const services = createNationalServices({
    transport: wiring.transport,
    bases: wiring.bases,
    organisationOds: () => wiring.organisationOds,
    asid: wiring.asid,
    recordAccess: async (access) => void recorded.push(access),
  });
  const audit = createAuditClient({ transport: wiring.transport, baseUrl: wiring.bases.audit, observer: { name: 'Crew Record Locator' } });
  const storedEvents = async () => {
    const response = await wiring.transport(new Request(`${wiring.bases.audit}/AuditEvent`));
    return ((await response.json()) as { total: number }).total;
  };
  return { signal, wiring, services, audit, recorded, storedEvents };
}

function accessEvent(): AccessEvent {
  return {
    id: crypto.randomUUID(),
    action: 'patient-read',
    nhsNumber: AMELIA,
    organisationOds: 'RX8',
    // Demo accesses are made by the synthetic trainer demo mode signs in (issue 10 point 9).
    actor: {
      personId: '999999999901',
      name: 'Demo Trainer',
      personRoleId: '999999999902',
      roleCode: 'S8000:G8000:R8008',
      roleName: '"Clinical":"Clinical Provision":"Trainer"',
      organisationOds: 'RX8',
      organisationName: undefined,
      session: 'demo',
    },
    asid: '200000000999',
    correlationId: 'lookup-demo-1',
    pointerId: undefined,
    occurredAt: new Date().toISOString(),
    request: { method: 'GET', url: 'https://demo.invalid/personal-demographics/FHIR/R4/Patient/9990000018', requestId: crypto.randomUUID() },
    outcome: { kind: 'answered', status: 200, answeredAt: new Date().toISOString() },
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('demo transport: Simulate no signal', () => {
  it('answers from the synthetic services while the switch is off', async () => {
    const { services } = await demo();
    await expect(services.pds.getPatient(AMELIA, testContext())).resolves.toMatchObject({ nhsNumber: AMELIA });
  });

  it('refuses every request as fetch does with no network, so the clients report no signal', async () => {
    const { signal, wiring, services } = await demo();
    signal.off = true;

    const raw = await failure(wiring.transport(new Request(`${wiring.bases.pds}/Patient/${AMELIA}`)));
    expect(raw).toBeInstanceOf(TypeError);
    expect(String(raw)).toMatch(/^TypeError: Failed to fetch/);

    for (const call of [services.pds.getPatient(AMELIA, testContext()), services.nrl.searchPointers(AMELIA, testContext())]) {
      const error = await failure(call);
      expect(isServiceError(error) && { kind: error.kind, temporary: isTemporary(error) }).toEqual({ kind: 'network', temporary: true });
    }
  });

  it('loses the answer to a request that was out when the signal went', async () => {
    const { signal, wiring } = await demo();
    const out = failure(wiring.transport(new Request(`${wiring.bases.pds}/Patient/${AMELIA}`)));
    signal.off = true;
    expect(await out).toBeInstanceOf(TypeError);
  });

  it('refuses access-event deliveries too, and delivers them once the signal is back', async () => {
    const { signal, audit, storedEvents } = await demo();
    const event = accessEvent();
    signal.off = true;
    const error = await failure(audit.deliver(event));
    expect(isServiceError(error) && error.kind).toBe('network');

    signal.off = false;
    await audit.deliver(event);
    await expect(storedEvents()).resolves.toBe(1);
  });

  it('starts the synthetic services again empty on reset: the audit service forgets what it was sent', async () => {
    const { wiring, audit, storedEvents } = await demo();
    await audit.deliver(accessEvent());
    await expect(storedEvents()).resolves.toBe(1);
    wiring.resetServices();
    await expect(storedEvents()).resolves.toBe(0);
  });
});

describe('demo mode: PDS search by details (issue 12), the real client against the mock', () => {
  const details = (family: string, given: string, birthDate: SearchForm['birthDate']) => {
    const result = validatePatientSearch({ family, given, birthDate, gender: '', postcode: '' });
    if (!result.ok) throw new Error('invalid test search');
    return result.search;
  };

  it('finds Amelia Crossley by name and date of birth, recording the search and not her', async () => {
    const { services, recorded } = await demo();
    const outcome = await services.pds.searchPatients(details('Crossley', 'Amelia', { kind: 'date', day: '14', month: '3', year: '1991' }), testContext());
    expect(outcome.kind === 'matches' && outcome.matches.map((m) => [m.patient.nhsNumber, m.exact])).toEqual([[AMELIA, true]]);
    expect(recorded).toEqual([expect.objectContaining({ action: 'patient-search', nhsNumber: undefined, query: expect.stringContaining('family=Crossley') })]);
  });

  it('too many, no match, then wider matching', async () => {
    const { services } = await demo();
    await expect(services.pds.searchPatients(details('Whitworth', '', { kind: 'age', from: '30', to: '60' }), testContext())).resolves.toEqual({ kind: 'too-many' });
    const misspelt = details('Kettridge', 'Samuel', { kind: 'date', day: '17', month: '9', year: '1988' });
    await expect(services.pds.searchPatients(misspelt, testContext())).resolves.toEqual({ kind: 'no-match' });
    const wider = widenPatientSearch(misspelt);
    if (!wider.ok) throw new Error('expected wider');
    const outcome = await services.pds.searchPatients(wider.search, testContext());
    expect(outcome.kind === 'matches' && outcome.matches.map((m) => [m.patient.nhsNumber, m.exact])).toEqual([[SCENARIOS.superseded.currentNhsNumber, false]]);
  });

  it('lists a restricted person without an address', async () => {
    const { services } = await demo();
    const outcome = await services.pds.searchPatients(details('Ellison', '', { kind: 'year', year: '1995' }), testContext());
    const restricted = outcome.kind === 'matches' ? outcome.matches.find((m) => m.patient.restricted) : undefined;
    expect(restricted?.patient).toMatchObject({ nhsNumber: SCENARIOS.restricted.nhsNumber, address: undefined });
  });
});
