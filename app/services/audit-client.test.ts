import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { auditHandlers } from '../../mocks/audit';
import type { AccessEvent } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';
import { createAuditClient } from './audit-client';
import { deliveryProblem } from './audit-delivery-problem';
import { ACCESS_HISTORY_PAGE_SIZE } from './audit-history-search';
import { toAuditEventResource } from './audit-event-resource';
import { ACTOR } from '../test-support/access-events';
import { ServiceError } from './service-error';
import {
  expectFailure,
  fhirJson,
  MALFORMED_JSON_REPLIES,
  outcomeResponse,
  startMswServer,
  TEST_TIMEOUT_MS,
  TRANSPORT_AND_STATUS_FAILURES,
  UUID,
  type FailureCase,
} from '../test-support/services';
import { fetchTransport } from './transport';

const BASE = 'https://gw.test/audit/FHIR/R4';
const NHS = '9000000009' as NhsNumber;
const OBSERVER = { name: 'Crew Record Locator' };
const server = startMswServer();
const audit = createAuditClient({ transport: fetchTransport, baseUrl: BASE, observer: OBSERVER, timeoutMs: TEST_TIMEOUT_MS * 25 });
const quickAudit = createAuditClient({ transport: fetchTransport, baseUrl: BASE, observer: OBSERVER, timeoutMs: TEST_TIMEOUT_MS });

function accessEvent(overrides: Partial<AccessEvent> = {}): AccessEvent {
  return {
    id: '0b7f3c2e-9a41-4d6b-8e15-2f4c6a8d0e13',
    action: 'document-retrieval',
    nhsNumber: NHS,
    organisationOds: 'RX8',
    actor: undefined,
    asid: '200000000999',
    correlationId: 'lookup-9c1e44d0',
    pointerId: 'RW5-4b1d7c2a',
    occurredAt: '2025-03-04T14:02:10.123Z',
    request: { method: 'GET', url: 'https://gw.test/spine-secure-proxy/https%3A%2F%2Fprovider.example%2Fplan.pdf', requestId: '9b6a1f0e-2c3d-4e5f-8a9b-1c2d3e4f5a6b' },
    outcome: { kind: 'answered', status: 200, answeredAt: '2025-03-04T14:02:10.845Z' },
    ...overrides,
  };
}

/** The real audit service mock, with every PUT it receives recorded as sent. */
function auditService(): { seen: Request[]; stored: (query?: string) => Promise<{ total: number; entry: { resource: unknown }[] }> } {
  const seen: Request[] = [];
  server.use(...auditHandlers(BASE));
  // Prepended, and answers nothing, so each request goes on to the mock.
  server.use(
    http.put(`${BASE}/AuditEvent/:id`, ({ request }) => {
      seen.push(request.clone());
    }),
  );
  const stored = async (query = '') => {
    const response = await fetch(`${BASE}/AuditEvent${query}`);
    return (await response.json()) as { total: number; entry: { resource: unknown }[] };
  };
  return { seen, stored };
}

describe('audit deliver: the request', () => {
  it('PUTs the event as an R4 AuditEvent at its own id, with FHIR JSON headers and the event’s correlation id', async () => {
    const { seen } = auditService();
    const event = accessEvent();
    await audit.deliver(event);

    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe('PUT');
    expect(request.url).toBe(`${BASE}/AuditEvent/0b7f3c2e-9a41-4d6b-8e15-2f4c6a8d0e13`);
    expect(request.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(request.headers.get('Accept')).toBe('application/fhir+json');
    // Issue 7 point 9: asks for the stored resource, whose id is the confirmation.
    expect(request.headers.get('Prefer')).toBe('return=representation');
    expect(request.headers.get('X-Request-ID')).toMatch(UUID);
    expect(request.headers.get('X-Correlation-ID')).toBe('lookup-9c1e44d0');
    expect(request.headers.get('NHSD-End-User-Organisation-ODS')).toBeNull();
    expect(await request.json()).toEqual(toAuditEventResource(event, OBSERVER));
  });

  it('sends a fresh X-Request-ID on each attempt, the same id and body every time', async () => {
    const { seen } = auditService();
    await audit.deliver(accessEvent());
    await audit.deliver(accessEvent());
    const [first, second] = seen as [Request, Request];
    expect(first.headers.get('X-Request-ID')).not.toBe(second.headers.get('X-Request-ID'));
    expect(first.url).toBe(second.url);
    expect(await first.text()).toBe(await second.text());
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const { seen } = auditService();
    await createAuditClient({ transport: fetchTransport, baseUrl: `${BASE}/`, observer: OBSERVER }).deliver(accessEvent());
    expect(seen[0]!.url).toBe(`${BASE}/AuditEvent/0b7f3c2e-9a41-4d6b-8e15-2f4c6a8d0e13`);
  });

  it('refuses an event id that is no FHIR id, without a request', async () => {
    const { seen } = auditService();
    await expectFailure(audit.deliver(accessEvent({ id: '../Patient/9000000009' })), 'audit', { name: '', reply: () => new HttpResponse(), kind: 'rejected' });
    expect(seen).toEqual([]);
  });
});

describe('audit deliver: delivered', () => {
  it('201 the first time and 200 for a repeat, and the service holds the event once', async () => {
    const { stored } = auditService();
    const event = accessEvent();
    await expect(audit.deliver(event)).resolves.toBeUndefined();
    // As after a reply lost on the way back: the outbox sends the same event again.
    await expect(audit.deliver(event)).resolves.toBeUndefined();

    const bundle = await stored(`?patient:identifier=${encodeURIComponent(`https://fhir.nhs.uk/Id/nhs-number|${NHS}`)}`);
    expect(bundle.total).toBe(1);
    expect(bundle.entry[0]!.resource).toMatchObject({ id: event.id, entity: [{}, { what: { identifier: { value: 'RW5-4b1d7c2a' } } }] });
  });

  it('delivers every kind of access the mock accepts', async () => {
    const { stored } = auditService();
    const events: AccessEvent[] = [
      accessEvent({ id: 'a0000000-0000-4000-8000-000000000001', action: 'patient-read', pointerId: undefined }),
      accessEvent({ id: 'a0000000-0000-4000-8000-000000000002', action: 'pointer-search', pointerId: undefined, outcome: { kind: 'no-answer', reason: 'timeout', at: '2025-03-04T14:02:25.123Z' } }),
      accessEvent({ id: 'a0000000-0000-4000-8000-000000000003', outcome: { kind: 'answered', status: 504, answeredAt: '2025-03-04T14:02:11.000Z' } }),
      accessEvent({ id: 'a0000000-0000-4000-8000-000000000004', action: 'saved-copy-view', request: undefined, asid: undefined, outcome: { kind: 'shown-from-device' } }),
    ];
    for (const event of events) await audit.deliver(event);
    expect((await stored()).total).toBe(4);
  });

  it.each([
    ['201 with the stored resource', () => fhirJson(toAuditEventResource(accessEvent(), OBSERVER), 201)],
    ['200 with the stored resource', () => fhirJson({ ...toAuditEventResource(accessEvent(), OBSERVER), meta: { versionId: '2' } })],
  ])('%s is delivered', async (_label, reply) => {
    server.use(http.put(`${BASE}/AuditEvent/:id`, reply));
    await expect(audit.deliver(accessEvent())).resolves.toBeUndefined();
  });
});

describe('audit deliver: not delivered', () => {
  it('the service’s own 400 for an event it cannot store is rejected, with its status', async () => {
    auditService();
    const error = await expectFailure(audit.deliver(accessEvent({ occurredAt: 'this morning' })), 'audit', {
      name: '',
      reply: () => new HttpResponse(),
      kind: 'rejected',
      status: 400,
    });
    expect(deliveryProblem(error)).toBe('audit rejected: HTTP 400');
  });

  it.each<FailureCase>([
    { name: '202 Accepted (queued, not stored)', reply: () => new HttpResponse(null, { status: 202 }), kind: 'malformed', detail: /HTTP 202/ },
    { name: '204 No Content', reply: () => new HttpResponse(null, { status: 204 }), kind: 'malformed', detail: /HTTP 204/ },
    {
      name: '200 with another AuditEvent',
      reply: () => fhirJson({ ...toAuditEventResource(accessEvent(), OBSERVER), id: 'someone-else' }),
      kind: 'malformed',
      detail: /different id/,
    },
    {
      name: '200 with an error OperationOutcome',
      reply: () => fhirJson({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] }),
      kind: 'malformed',
      detail: /not the stored AuditEvent/,
    },
    // Issue 7 point 9: only the stored AuditEvent with the event's own id confirms it was stored.
    { name: '200 with no body', reply: () => new HttpResponse(null, { status: 200 }), kind: 'malformed', detail: /no body/ },
    { name: '201 with no body', reply: () => new HttpResponse(null, { status: 201 }), kind: 'malformed', detail: /no body/ },
    {
      name: '200 with an informational OperationOutcome (names no id)',
      reply: () => fhirJson({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: 'Updated' }] }),
      kind: 'malformed',
      detail: /not the stored AuditEvent/,
    },
    {
      name: '201 with an AuditEvent without an id',
      reply: () => fhirJson({ ...toAuditEventResource(accessEvent(), OBSERVER), id: undefined }, 201),
      kind: 'malformed',
    },
    {
      name: '403 from a FHIR server with no Spine coding',
      reply: () => fhirJson({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Not allowed' }] }, 403),
      kind: 'forbidden',
      status: 403,
    },
    { name: '415 Unsupported Media Type', reply: () => outcomeResponse(415, undefined), kind: 'rejected', status: 415 },
    ...TRANSPORT_AND_STATUS_FAILURES,
    ...MALFORMED_JSON_REPLIES,
  ])('$name → $kind', async (failure) => {
    const seen: Request[] = [];
    server.use(
      http.put(`${BASE}/AuditEvent/:id`, ({ request }) => {
        seen.push(request);
        return failure.reply();
      }),
    );
    const error = await expectFailure(quickAudit.deliver(accessEvent()), 'audit', failure);
    expect(error.requestId).toBe(seen[0]!.headers.get('X-Request-ID'));
  });

  it('rejects with the caller’s reason, not a ServiceError, when cancelled', async () => {
    server.use(
      http.put(`${BASE}/AuditEvent/:id`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return new HttpResponse(null, { status: 201 });
      }),
    );
    const controller = new AbortController();
    const reason = new Error('app closing');
    const pending = audit.deliver(accessEvent(), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('audit deliverBatch: several events in one FHIR batch', () => {
  const ids = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003'];
  const three = () => ids.map((id) => accessEvent({ id }));

  it('POSTs one batch Bundle of PUT AuditEvent/{id} entries to the base; each stored event is confirmed, once however often sent', async () => {
    const { stored } = auditService();
    const posted: Request[] = [];
    server.use(
      http.post(`${BASE}/`, ({ request }) => {
        posted.push(request.clone());
      }),
    );
    const events = three();
    await expect(audit.deliverBatch(events)).resolves.toEqual({ taken: true, results: [undefined, undefined, undefined] });
    // A lost reply: the same batch again stores nothing twice.
    await expect(audit.deliverBatch(events)).resolves.toEqual({ taken: true, results: [undefined, undefined, undefined] });
    expect((await stored()).total).toBe(3);

    const body = (await posted[0]!.json()) as { resourceType: string; type: string; entry: { resource: { id: string }; request: unknown }[] };
    expect(posted[0]!.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(posted[0]!.headers.get('Prefer')).toBe('return=representation');
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'batch' });
    expect(body.entry.map((entry) => entry.request)).toEqual(ids.map((id) => ({ method: 'PUT', url: `AuditEvent/${id}` })));
    expect(body.entry[1]!.resource).toEqual(toAuditEventResource(events[1]!, OBSERVER));
  });

  it('one event refused leaves the others delivered; an id that is no FHIR id is refused without being sent', async () => {
    auditService();
    const events = [accessEvent({ id: ids[0] }), accessEvent({ id: ids[1], occurredAt: 'this morning' }), accessEvent({ id: 'not a FHIR id!' })];
    const delivery = await audit.deliverBatch(events);
    if (!delivery.taken) throw new Error('expected the batch to be taken');
    expect(delivery.results[0]).toBeUndefined();
    expect(delivery.results[1]).toMatchObject({ name: 'ServiceError', kind: 'rejected', status: 400 });
    expect(delivery.results[2]).toMatchObject({ kind: 'rejected' });
  });

  it('an entry confirmed by its location alone counts; one with 2xx but no id, or 5xx, does not', async () => {
    server.use(
      http.post(`${BASE}/`, () =>
        fhirJson({
          resourceType: 'Bundle',
          type: 'batch-response',
          entry: [
            { response: { status: '201 Created', location: `AuditEvent/${ids[0]}/_history/1` } },
            { response: { status: '200 OK' } },
            { response: { status: '503' } },
          ],
        }),
      ),
    );
    const delivery = await audit.deliverBatch(three());
    if (!delivery.taken) throw new Error('expected the batch to be taken');
    expect(delivery.results[0]).toBeUndefined();
    expect(delivery.results[1]).toMatchObject({ kind: 'malformed' });
    expect(delivery.results[2]).toMatchObject({ kind: 'unavailable', status: 503 });
  });

  it('a location naming another id confirms nothing', async () => {
    server.use(
      http.post(`${BASE}/`, () => fhirJson({ resourceType: 'Bundle', type: 'batch-response', entry: [{ response: { status: '201 Created', location: `AuditEvent/x${ids[0]}/_history/1` } }] })),
    );
    const delivery = await audit.deliverBatch([accessEvent({ id: ids[0] })]);
    expect(delivery).toMatchObject({ taken: true, results: [{ kind: 'malformed' }] });
  });

  it.each([400, 404, 405, 501])('a service that takes no batch (HTTP %i) says so, and nothing counts as delivered', async (status) => {
    server.use(http.post(`${BASE}/`, () => outcomeResponse(status, 'not-supported')));
    await expect(audit.deliverBatch(three())).resolves.toEqual({ taken: false });
  });

  it.each<[string, () => Response, string]>([
    ['503', () => outcomeResponse(503, 'transient'), 'unavailable'],
    ['401', () => outcomeResponse(401, 'login'), 'unauthorised'],
    ['a searchset, not a batch-response', () => fhirJson({ resourceType: 'Bundle', type: 'searchset', entry: [] }), 'malformed'],
    ['fewer entries than sent', () => fhirJson({ resourceType: 'Bundle', type: 'batch-response', entry: [{ response: { status: '201' } }] }), 'malformed'],
    ['a sign-in page', () => new HttpResponse('<html>Sign in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 'malformed'],
  ])('a whole batch that fails (%s) throws: nothing is known to be stored', async (_label, reply, kind) => {
    server.use(http.post(`${BASE}/`, reply));
    await expect(audit.deliverBatch(three())).rejects.toMatchObject({ name: 'ServiceError', kind });
  });
});

describe('deliveryProblem', () => {
  it.each([
    [new ServiceError({ service: 'audit', kind: 'unavailable', detail: 'HTTP 503', status: 503 }), 'audit unavailable: HTTP 503'],
    [new ServiceError({ service: 'audit', kind: 'rate-limited', detail: 'HTTP 429 TOO_MANY_REQUESTS', status: 429, code: 'TOO_MANY_REQUESTS' }), 'audit rate-limited: HTTP 429'],
    [new ServiceError({ service: 'audit', kind: 'timeout', detail: 'No reply within 15000 ms' }), 'audit timeout'],
    [new ServiceError({ service: 'audit', kind: 'network', detail: 'No answer: TypeError: Failed to fetch' }), 'audit network'],
    [new TypeError('Failed to fetch'), 'audit delivery failed: TypeError'],
    ['thrown string', 'audit delivery failed: unknown error'],
  ])('%s → %j', (error, text) => {
    expect(deliveryProblem(error)).toBe(text);
  });

  it('never repeats the service’s diagnostics or codes, which may quote the record', async () => {
    server.use(
      http.put(`${BASE}/AuditEvent/:id`, () =>
        fhirJson(
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'invalid', details: { coding: [{ code: `patient ${NHS}` }] }, diagnostics: `AuditEvent for ${NHS} refused` }],
          },
          422,
        ),
      ),
    );
    const error = await expectFailure(audit.deliver(accessEvent()), 'audit', { name: '', reply: () => new HttpResponse(), kind: 'rejected', status: 422 });
    expect(error.detail).toContain(NHS);
    expect(deliveryProblem(error)).toBe('audit rejected: HTTP 422');
  });
});

describe('audit searchAccessHistory: the request', () => {
  /** The real mock, with every search it receives recorded as sent. */
  function searchedWith(): Request[] {
    const seen: Request[] = [];
    server.use(...auditHandlers(BASE));
    server.use(
      http.get(`${BASE}/AuditEvent`, ({ request }) => {
        seen.push(request.clone());
      }),
    );
    return seen;
  }

  it('GETs AuditEvent with R4 search parameters: UK days as instants, the patient, the kind of access, newest first, one page', async () => {
    const seen = searchedWith();
    await audit.searchAccessHistory({ fromDate: '2025-03-04', toDate: '2025-06-01', nhsNumber: NHS, action: 'document-retrieval' });

    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    const url = new URL(request.url);
    expect(request.method).toBe('GET');
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/AuditEvent`);
    expect([...url.searchParams]).toEqual([
      // 4 March is GMT; 1 June is BST, so its last millisecond is 22:59:59.999 UTC.
      ['date', 'ge2025-03-04T00:00:00.000Z'],
      ['date', 'le2025-06-01T22:59:59.999Z'],
      ['patient:identifier', `https://fhir.nhs.uk/Id/nhs-number|${NHS}`],
      ['type', 'http://terminology.hl7.org/CodeSystem/audit-event-type|rest'],
      ['subtype', 'http://hl7.org/fhir/restful-interaction|read'],
      ['entity-role', 'http://terminology.hl7.org/CodeSystem/object-role|3'],
      ['_sort', '-date'],
      ['_count', String(ACCESS_HISTORY_PAGE_SIZE)],
    ]);
    expect(request.headers.get('Accept')).toBe('application/fhir+json');
    expect(request.headers.get('X-Request-ID')).toMatch(UUID);
    expect(request.headers.get('X-Correlation-ID')).toMatch(UUID);
  });

  it('leaves out the filters not given', async () => {
    const seen = searchedWith();
    await audit.searchAccessHistory({ fromDate: '2025-03-04', toDate: '2025-03-04' });
    expect([...new URL(seen[0]!.url).searchParams.keys()]).toEqual(['date', 'date', '_sort', '_count']);
  });

  it('refuses dates that are no calendar days, without a request', async () => {
    const seen = searchedWith();
    await expectFailure(audit.searchAccessHistory({ fromDate: '2025-02-30', toDate: '2025-03-04' }), 'audit', { name: '', reply: () => new HttpResponse(), kind: 'rejected' });
    expect(seen).toEqual([]);
  });
});

describe('audit searchAccessHistory: the answer', () => {
  const OTHER_NHS = '9434765919' as NhsNumber;
  const day = { fromDate: '2025-03-04', toDate: '2025-03-04' } as const;

  /** Delivered through the client, so the search reads back exactly what the app writes. */
  async function delivered(...events: AccessEvent[]): Promise<void> {
    server.use(...auditHandlers(BASE));
    for (const event of events) await audit.deliver(event);
  }

  const at = (id: string, time: string, overrides: Partial<AccessEvent> = {}) =>
    accessEvent({ id, occurredAt: `2025-03-04T${time}Z`, outcome: { kind: 'answered', status: 200, answeredAt: `2025-03-04T${time}Z` }, ...overrides });

  it('reads back what was delivered as access records, newest first', async () => {
    await delivered(
      at('a0000000-0000-4000-8000-000000000001', '09:00:00.000', { action: 'patient-read', pointerId: undefined }),
      at('a0000000-0000-4000-8000-000000000002', '11:00:00.000', { action: 'saved-copy-view', request: undefined, outcome: { kind: 'shown-from-device' } }),
      at('a0000000-0000-4000-8000-000000000003', '10:00:00.000', { outcome: { kind: 'no-answer', reason: 'timeout', at: '2025-03-04T10:00:15.000Z' } }),
      // The day before, so outside the dates asked for.
      accessEvent({ id: 'a0000000-0000-4000-8000-000000000004', occurredAt: '2025-03-03T23:59:00.000Z', outcome: { kind: 'answered', status: 200, answeredAt: '2025-03-03T23:59:01.000Z' } }),
    );
    const history = await audit.searchAccessHistory(day);
    expect(history).toEqual({
      records: [
        { id: 'a0000000-0000-4000-8000-000000000002', action: 'saved-copy-view', nhsNumber: NHS, organisationOds: 'RX8', organisationName: undefined, person: undefined, occurredAt: '2025-03-04T11:00:00.000Z', outcome: { kind: 'shown-from-device' } },
        { id: 'a0000000-0000-4000-8000-000000000003', action: 'document-retrieval', nhsNumber: NHS, organisationOds: 'RX8', organisationName: undefined, person: undefined, occurredAt: '2025-03-04T10:00:00.000Z', outcome: { kind: 'no-answer', reason: 'timeout' } },
        { id: 'a0000000-0000-4000-8000-000000000001', action: 'patient-read', nhsNumber: NHS, organisationOds: 'RX8', organisationName: undefined, person: undefined, occurredAt: '2025-03-04T09:00:00.000Z', outcome: { kind: 'answered', status: 200 } },
      ],
      unreadable: 0,
      more: false,
    });
  });

  it('finds only the patient and the kind of access asked for', async () => {
    await delivered(
      at('a0000000-0000-4000-8000-000000000001', '09:00:00.000', { action: 'patient-read', pointerId: undefined }),
      at('a0000000-0000-4000-8000-000000000002', '09:00:01.000', { action: 'pointer-search', pointerId: undefined }),
      at('a0000000-0000-4000-8000-000000000003', '09:00:02.000', { nhsNumber: OTHER_NHS }),
      at('a0000000-0000-4000-8000-000000000004', '09:00:03.000'),
    );
    const ids = async (filters: Parameters<typeof audit.searchAccessHistory>[0]) => (await audit.searchAccessHistory(filters)).records.map((r) => r.id.slice(-1));
    expect(await ids({ ...day, nhsNumber: NHS })).toEqual(['4', '2', '1']);
    expect(await ids({ ...day, nhsNumber: OTHER_NHS })).toEqual(['3']);
    expect(await ids({ ...day, action: 'pointer-search' })).toEqual(['2']);
    expect(await ids({ ...day, action: 'document-retrieval', nhsNumber: NHS })).toEqual(['4']);
    expect(await ids({ ...day, action: 'saved-copy-view' })).toEqual([]);
  });

  it('finds one person’s accesses by their CIS2 UUID, named as they were recorded', async () => {
    const other = { ...ACTOR, personId: '555021935999', name: 'Sam Patel', personRoleId: '555021936999' };
    await delivered(
      at('a0000000-0000-4000-8000-000000000001', '09:00:00.000', { actor: ACTOR, organisationOds: ACTOR.organisationOds }),
      at('a0000000-0000-4000-8000-000000000002', '09:00:01.000', { actor: other, organisationOds: other.organisationOds }),
      // Before sign-in: nobody to find.
      at('a0000000-0000-4000-8000-000000000003', '09:00:02.000'),
      at('a0000000-0000-4000-8000-000000000004', '09:00:03.000', { actor: { ...ACTOR, session: 'offline' }, organisationOds: ACTOR.organisationOds }),
    );
    const history = await audit.searchAccessHistory({ ...day, personId: ACTOR.personId });
    expect(history.records.map((r) => [r.id.slice(-1), r.person?.name, r.person?.session])).toEqual([
      ['4', 'Alex Carter', 'offline'],
      ['1', 'Alex Carter', 'signed-in'],
    ]);
    expect((await audit.searchAccessHistory({ ...day, personId: other.personId })).records.map((r) => r.id.slice(-1))).toEqual(['2']);
  });

  it('does not trust an answer holding another person’s accesses: the server ignored the person', async () => {
    server.use(
      http.get(`${BASE}/AuditEvent`, () =>
        fhirJson({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: toAuditEventResource(at('a0000000-0000-4000-8000-000000000001', '09:00:00.000'), OBSERVER) }] }),
      ),
    );
    await expectFailure(audit.searchAccessHistory({ ...day, personId: ACTOR.personId }), 'audit', { name: '', reply: () => new HttpResponse(), kind: 'malformed', detail: /ignored/ });
  });

  function replyWithBundle(bundle: object) {
    server.use(http.get(`${BASE}/AuditEvent`, () => fhirJson(bundle)));
  }
  const stored = (event: AccessEvent) => ({ fullUrl: `${BASE}/AuditEvent/${event.id}`, resource: toAuditEventResource(event, OBSERVER), search: { mode: 'match' } });

  it('counts the entries it cannot read, never failing the rest, and ignores notes about the search itself', async () => {
    const readable = at('a0000000-0000-4000-8000-000000000001', '09:00:00.000');
    replyWithBundle({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 5,
      entry: [
        { search: { mode: 'match' } },
        stored(readable),
        { resource: { resourceType: 'AuditEvent', id: 'other-system', type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110114' }, recorded: '2025-03-04T09:30:00Z' } },
        'not an entry',
        { resource: { ...toAuditEventResource(at('a0000000-0000-4000-8000-000000000002', '09:00:01.000'), OBSERVER), outcomeDesc: 'Fine' } },
        { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'warning', code: 'processing' }] }, search: { mode: 'outcome' } },
      ],
    });
    const history = await audit.searchAccessHistory(day);
    expect(history.records.map((r) => r.id)).toEqual([readable.id]);
    expect(history.unreadable).toBe(4);
    expect(history.more).toBe(false);
  });

  it('an empty searchset is no records', async () => {
    replyWithBundle({ resourceType: 'Bundle', type: 'searchset', total: 0 });
    expect(await audit.searchAccessHistory(day)).toEqual({ records: [], unreadable: 0, more: false });
  });

  it.each([
    ['a next link', { link: [{ relation: 'self', url: `${BASE}/AuditEvent` }, { relation: 'next', url: `${BASE}/AuditEvent?_getpagesoffset=1` }] }],
    ['a total above the entries sent', { total: 7 }],
  ])('says there are more when the Bundle has %s (the next page is read only when asked for)', async (_label, extra) => {
    replyWithBundle({ resourceType: 'Bundle', type: 'searchset', entry: [stored(at('a0000000-0000-4000-8000-000000000001', '09:00:00.000'))], ...extra });
    expect((await audit.searchAccessHistory(day)).more).toBe(true);
  });

  it('does not trust an answer holding another patient’s records: the server ignored the NHS number (wrong patient)', async () => {
    replyWithBundle({ resourceType: 'Bundle', type: 'searchset', entry: [stored(at('a0000000-0000-4000-8000-000000000001', '09:00:00.000', { nhsNumber: OTHER_NHS }))] });
    await expectFailure(audit.searchAccessHistory({ ...day, nhsNumber: NHS }), 'audit', { name: '', reply: () => new HttpResponse(), kind: 'malformed', detail: /ignored/ });
  });

  it('nor one holding another kind of access than asked for', async () => {
    replyWithBundle({ resourceType: 'Bundle', type: 'searchset', entry: [stored(at('a0000000-0000-4000-8000-000000000001', '09:00:00.000'))] });
    await expectFailure(audit.searchAccessHistory({ ...day, action: 'patient-read' }), 'audit', { name: '', reply: () => new HttpResponse(), kind: 'malformed', detail: /ignored/ });
  });
});

describe('audit searchAccessHistory: the next page', () => {
  const day = { fromDate: '2025-03-04', toDate: '2025-03-04' } as const;
  const event = (id: string, time: string) =>
    toAuditEventResource(accessEvent({ id, occurredAt: `2025-03-04T${time}Z`, outcome: { kind: 'answered', status: 200, answeredAt: `2025-03-04T${time}Z` } }), OBSERVER);
  // As a server might spell it: its own parameters, in its own order and encoding.
  const NEXT = `${BASE}/AuditEvent?_getpages=a1b2%7Cc3&_getpagesoffset=100&_count=100&_bundletype=searchset`;

  it('hands back the Bundle’s next link as given, and follows it exactly, checked against the same filters', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/AuditEvent`, ({ request }) => {
        seen.push(request.url);
        const later = new URL(request.url).searchParams.has('_getpages');
        return fhirJson({
          resourceType: 'Bundle',
          type: 'searchset',
          link: later ? [{ relation: 'self', url: request.url }] : [{ relation: 'self', url: request.url }, { relation: 'next', url: NEXT }],
          entry: [{ resource: later ? event('a0000000-0000-4000-8000-000000000001', '09:00:00.000') : event('a0000000-0000-4000-8000-000000000002', '10:00:00.000'), search: { mode: 'match' } }, { resource: { resourceType: 'AuditEvent' } }],
        });
      }),
    );

    const first = await audit.searchAccessHistory(day);
    expect(first).toMatchObject({ more: true, next: NEXT, unreadable: 1 });
    const second = await audit.searchAccessHistory(day, { next: first.next });
    expect(seen).toEqual([expect.stringContaining(`${BASE}/AuditEvent?date=`), NEXT]);
    expect(second.records.map((r) => r.id)).toEqual(['a0000000-0000-4000-8000-000000000001']);
    expect(second).toMatchObject({ more: false, next: undefined, unreadable: 1 });

    // A next page that ignored the patient filter is not trusted either.
    await expect(audit.searchAccessHistory({ ...day, nhsNumber: '9434765919' as NhsNumber }, { next: NEXT })).rejects.toMatchObject({ service: 'audit', kind: 'malformed' });
  });

  it('follows a next link at the base itself, as HAPI writes it ({base}?_getpages=…)', async () => {
    const atBase = `${BASE}?_getpages=a1b2&_getpagesoffset=100&_count=100&_bundletype=searchset`;
    const seen: string[] = [];
    server.use(
      http.get(BASE, ({ request }) => {
        seen.push(request.url);
        return fhirJson({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: request.url }], entry: [] });
      }),
    );
    await expect(audit.searchAccessHistory(day, { next: atBase })).resolves.toMatchObject({ records: [], more: false });
    expect(seen).toEqual([atBase]);
  });

  it('pages through the mock audit service by its next links', async () => {
    server.use(...auditHandlers(BASE));
    for (const [index, time] of ['09:00:00.000', '10:00:00.000'].entries()) {
      await audit.deliver(accessEvent({ id: `b0000000-0000-4000-8000-00000000000${index}`, occurredAt: `2025-03-04T${time}Z`, outcome: { kind: 'answered', status: 200, answeredAt: `2025-03-04T${time}Z` } }));
    }
    // The mock answers `_count`: ask it for pages of one by a link of the kind it writes.
    const next = `${BASE}/AuditEvent?date=ge2025-03-04T00:00:00.000Z&date=le2025-03-04T23:59:59.999Z&_sort=-date&_count=1&_getpagesoffset=1`;
    const page = await audit.searchAccessHistory(day, { next });
    expect(page.records.map((r) => r.id)).toEqual(['b0000000-0000-4000-8000-000000000000']);
    expect(page.next).toBeUndefined();
  });

  it.each([
    ['another origin', 'https://evil.test/audit/FHIR/R4/AuditEvent?_getpagesoffset=100'],
    ['another scheme', NEXT.replace('https:', 'http:')],
    ['another port', NEXT.replace('gw.test', 'gw.test:8443')],
    ['a relative link', '/audit/FHIR/R4/AuditEvent?_getpagesoffset=100'],
    // Issue 7 point 9: the gateway's origin also serves PDS and NRL; the origin alone is not enough.
    ['another service on the same gateway', 'https://gw.test/personal-demographics/FHIR/R4/Patient/9000000009'],
    ['a path that only starts like the base', 'https://gw.test/audit/FHIR/R4-admin/AuditEvent?_getpagesoffset=100'],
    ['a path climbing out of the base', `${BASE}/../../../personal-demographics/FHIR/R4/Patient/9000000009`],
    ['an encoded climb out of the base', `${BASE}/%2e%2e/%2E%2E/%2e%2e/nrl/DocumentReference`],
    ['the gateway’s root', 'https://gw.test/?_getpagesoffset=100'],
    ['credentials in the link', NEXT.replace('https://', 'https://someone:pw@')],
    ['no URL at all', 'javascript:alert(1)'],
  ])('refuses a next link to %s as malformed, without sending anything', async (_label, next) => {
    const seen: string[] = [];
    server.use(
      http.all('*', ({ request }) => {
        seen.push(request.url);
        return HttpResponse.error();
      }),
    );
    const error = await audit.searchAccessHistory(day, { next }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'audit', kind: 'malformed' });
    expect((error as ServiceError).detail).not.toContain(next);
    expect(seen).toEqual([]);
  });
});

describe('audit searchAccessHistory: failures', () => {
  const day = { fromDate: '2025-03-04', toDate: '2025-03-04' } as const;

  it.each<FailureCase>([
    ...TRANSPORT_AND_STATUS_FAILURES,
    ...MALFORMED_JSON_REPLIES,
    {
      name: 'a Bundle that is no searchset (a history)',
      reply: () => fhirJson({ resourceType: 'Bundle', type: 'history', entry: [] }),
      kind: 'malformed',
      detail: /type/,
    },
    {
      name: '403 for a user who may not read the audit log',
      reply: () => fhirJson({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] }, 403),
      kind: 'forbidden',
      status: 403,
    },
  ])('$name → $kind', async (failure) => {
    const seen: Request[] = [];
    server.use(
      http.get(`${BASE}/AuditEvent`, ({ request }) => {
        seen.push(request);
        return failure.reply();
      }),
    );
    const error = await expectFailure(quickAudit.searchAccessHistory(day), 'audit', failure);
    expect(error.requestId).toBe(seen[0]!.headers.get('X-Request-ID'));
  });

  it('rejects with the caller’s reason, not a ServiceError, when cancelled', async () => {
    server.use(
      http.get(`${BASE}/AuditEvent`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return fhirJson({ resourceType: 'Bundle', type: 'searchset' });
      }),
    );
    const controller = new AbortController();
    const reason = new Error('screen closed');
    const pending = audit.searchAccessHistory(day, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });
});
