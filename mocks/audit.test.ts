import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { auditEventProblems } from './audit';
import { createHandlers } from './handlers';
import { BASES, CORRELATION_ID, outcomeOf, REQUEST_ID } from './test-support';

const ID = 'c2d9e7a4-1b3f-4e8a-9c6d-5f0a1b2c3d4e';
const OTHER_ID = '7e4a2b91-6c3d-4f5e-8a1b-2c3d4e5f6a7b';

/** An R4 AuditEvent written out by hand, so the mock is checked against the spec, not the app. */
function auditEvent(id: string = ID, nhsNumber = '9990000018', pointerId = 'RW5-crisis-plan-0018'): Record<string, unknown> {
  return {
    resourceType: 'AuditEvent',
    id,
    type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
    subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
    action: 'R',
    period: { start: '2025-03-04T14:02:10.123Z', end: '2025-03-04T14:02:10.845Z' },
    recorded: '2025-03-04T14:02:10.845Z',
    outcome: '0',
    outcomeDesc: 'HTTP 200',
    purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }] }],
    agent: [{ who: { type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX8' } }, requestor: true }],
    source: { observer: { type: 'Device', identifier: { system: 'https://fhir.nhs.uk/Id/accredited-system', value: '200000000999' }, display: 'Crew app' } },
    entity: [
      {
        what: { type: 'Patient', identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } },
        type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1' },
        role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1' },
      },
      {
        what: { type: 'DocumentReference', identifier: { value: pointerId } },
        detail: [{ type: 'Ssp-TraceID', valueString: REQUEST_ID }],
      },
    ],
  };
}

function idOf(body: unknown): string {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : ID;
}

/** A fresh set of handlers, so each test starts with an empty audit store. */
function auditService() {
  const handlers = createHandlers(BASES);
  const send = async (path: string, init?: RequestInit): Promise<Response> => {
    const response = await getResponse(handlers, new Request(`${BASES.audit}/${path}`, init));
    if (response === undefined) throw new Error(`No handler answered ${path}`);
    return response;
  };
  /** To the body's own id unless told otherwise. */
  const put = (body: unknown, id: string = idOf(body), contentType = 'application/fhir+json', prefer: string | null = 'return=representation') =>
    send(`AuditEvent/${id}`, {
      method: 'PUT',
      headers: {
        'Content-Type': contentType,
        Accept: 'application/fhir+json',
        'X-Request-ID': REQUEST_ID,
        'X-Correlation-ID': CORRELATION_ID,
        ...(prefer === null ? {} : { Prefer: prefer }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const search = async (query = ''): Promise<{ total: number; entry: { fullUrl: string; resource: { id: string } }[] }> => {
    const response = await send(`AuditEvent${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { total: number; entry: { fullUrl: string; resource: { id: string } }[] };
  };
  return { send, put, search };
}

describe('audit PUT AuditEvent/{id}: update as create', () => {
  it('201 the first time, with Location, ETag, the caller’s ids and the stored resource', async () => {
    const { put } = auditService();
    const response = await put(auditEvent());
    expect(response.status).toBe(201);
    expect(response.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(response.headers.get('Location')).toBe(`${BASES.audit}/AuditEvent/${ID}/_history/1`);
    expect(response.headers.get('ETag')).toBe('W/"1"');
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(response.headers.get('X-Correlation-Id')).toBe(CORRELATION_ID);
    expect(await response.json()).toEqual({ ...auditEvent(), meta: { versionId: '1', lastUpdated: expect.any(String) } });
  });

  it('200 for the same event again, still one stored record at the same version', async () => {
    const { put, search } = auditService();
    expect((await put(auditEvent())).status).toBe(201);
    const again = await put(auditEvent());
    expect(again.status).toBe(200);
    expect(again.headers.get('ETag')).toBe('W/"1"');
    expect(again.headers.get('Location')).toBeNull();
    const bundle = await search();
    expect(bundle.total).toBe(1);
    expect(bundle.entry.map((e) => e.resource.id)).toEqual([ID]);
  });

  // FHIR http "Prefer": the stored resource only when asked for; this mock's default is no body.
  it.each([
    ['no Prefer header', null, ''],
    ['Prefer: return=minimal', 'return=minimal', ''],
  ])('201 with no body for %s', async (_label, prefer, body) => {
    const { put, search } = auditService();
    const response = await put(auditEvent(), ID, 'application/fhir+json', prefer);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe(body);
    expect((await search()).total).toBe(1);
  });

  it('an informational OperationOutcome for Prefer: return=OperationOutcome', async () => {
    const { put } = auditService();
    const response = await put(auditEvent(), ID, 'application/fhir+json', 'return=OperationOutcome');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'information' }] });
  });

  it('a changed event under the same id becomes version 2 of one record', async () => {
    const { put, search } = auditService();
    await put(auditEvent());
    const changed = await put({ ...auditEvent(), outcomeDesc: 'HTTP 200 OK' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ outcomeDesc: 'HTTP 200 OK', meta: { versionId: '2' } });
    expect((await search()).total).toBe(1);
  });

  it('each createHandlers call has its own store', async () => {
    await auditService().put(auditEvent());
    expect((await auditService().search()).total).toBe(0);
  });

  it('415 for a body that is not FHIR JSON', async () => {
    const response = await auditService().put(JSON.stringify(auditEvent()), ID, 'text/plain');
    expect(await outcomeOf(response)).toMatchObject({ status: 415, issueCodes: ['not-supported'] });
  });

  it.each([
    ['not JSON', '{"resourceType": "Audit', 'structure'],
    ['a JSON array', '[]', 'structure'],
  ])('400 for %s', async (_label, body, issueCode) => {
    const response = await auditService().put(body);
    expect(await outcomeOf(response)).toMatchObject({ status: 400, issueCodes: [issueCode], codes: [undefined] });
  });

  it('400 for an id in the URL that is no FHIR id', async () => {
    const response = await auditService().put(auditEvent('not_a:fhir id'), 'not_a%3Afhir%20id');
    expect((await outcomeOf(response)).status).toBe(400);
  });

  it.each<[string, (event: Record<string, unknown>) => Record<string, unknown>, string, string]>([
    ['an id different from the URL’s', (e) => ({ ...e, id: `${ID}-2` }), 'AuditEvent.id', 'value'],
    ['no id', ({ id: _id, ...e }) => e, 'AuditEvent.id', 'required'],
    ['another resource type', (e) => ({ ...e, resourceType: 'Provenance' }), 'AuditEvent.resourceType', 'structure'],
    ['no type', ({ type: _type, ...e }) => e, 'AuditEvent.type', 'required'],
    ['a type as a CodeableConcept (R5 shape)', (e) => ({ ...e, type: { coding: [e.type] } }), 'AuditEvent.type.coding', 'structure'],
    ['no recorded', ({ recorded: _recorded, ...e }) => e, 'AuditEvent.recorded', 'required'],
    ['recorded with no time zone', (e) => ({ ...e, recorded: '2025-03-04T14:02:10' }), 'AuditEvent.recorded', 'value'],
    ['an unknown action code', (e) => ({ ...e, action: 'READ' }), 'AuditEvent.action', 'value'],
    ['an unknown outcome code', (e) => ({ ...e, outcome: '2' }), 'AuditEvent.outcome', 'value'],
    ['no agent', ({ agent: _agent, ...e }) => e, 'AuditEvent.agent', 'required'],
    ['an empty agent list', (e) => ({ ...e, agent: [] }), 'AuditEvent.agent', 'structure'],
    ['an agent without requestor', (e) => ({ ...e, agent: [{ who: { display: 'RX8' } }] }), 'AuditEvent.agent[0].requestor', 'required'],
    ['requestor as a string', (e) => ({ ...e, agent: [{ who: { display: 'RX8' }, requestor: 'true' }] }), 'AuditEvent.agent[0].requestor', 'value'],
    ['no source', ({ source: _source, ...e }) => e, 'AuditEvent.source', 'required'],
    ['a source with no observer', (e) => ({ ...e, source: { site: 'RX8' } }), 'AuditEvent.source.observer', 'required'],
    ['an empty subtype list', (e) => ({ ...e, subtype: [] }), 'AuditEvent.subtype', 'structure'],
    ['a misspelt element', (e) => ({ ...e, outcomeDescription: 'HTTP 200' }), 'AuditEvent.outcomeDescription', 'structure'],
    ['an empty string', (e) => ({ ...e, outcomeDesc: ' ' }), 'AuditEvent.outcomeDesc', 'value'],
    ['a detail with no value', (e) => ({ ...e, entity: [{ detail: [{ type: 'X-Request-ID' }] }] }), 'AuditEvent.entity[0].detail[0].value[x]', 'required'],
    ['an entity with both name and query (sev-1)', (e) => ({ ...e, entity: [{ name: 'x', query: 'eA==' }] }), 'AuditEvent.entity[0]', 'invariant'],
  ])('400 for %s, naming where', async (_label, change, expression, issueCode) => {
    const response = await auditService().put(change(auditEvent()), ID);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issue: { code: string; expression?: string[] }[] };
    expect(body.issue).toContainEqual(expect.objectContaining({ code: issueCode, expression: [expression] }));
  });

  it('stores nothing it refused', async () => {
    const { put, search } = auditService();
    await put({ ...auditEvent(), action: 'READ' });
    expect((await search()).total).toBe(0);
  });

  it('auditEventProblems: none for a valid event, each problem named by FHIRPath otherwise', () => {
    expect(auditEventProblems(auditEvent(), ID)).toEqual([]);
    expect(auditEventProblems(null, ID)).toEqual([{ code: 'structure', expression: 'AuditEvent', diagnostics: 'must be an object' }]);
  });
});

describe('audit GET AuditEvent (search) and AuditEvent/{id} (read)', () => {
  async function threeEvents() {
    const service = auditService();
    await service.put(auditEvent(ID, '9990000018', 'RW5-crisis-plan-0018'));
    await service.put(auditEvent(OTHER_ID, '9990000026', 'RGD-crisis-plan-0026'));
    const third = 'e9b1c3d5-7f2a-4b6c-8d0e-1a2b3c4d5e6f';
    await service.put(auditEvent(third, '9990000018', 'RW5-contact-0018'));
    return { ...service, third };
  }

  it('returns a searchset Bundle of everything delivered, in order', async () => {
    const { search, third } = await threeEvents();
    const bundle = await search();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 3, link: [{ relation: 'self', url: `${BASES.audit}/AuditEvent` }] });
    expect(bundle.entry.map((e) => e.resource.id)).toEqual([ID, OTHER_ID, third]);
    expect(bundle.entry[0]).toMatchObject({ fullUrl: `${BASES.audit}/AuditEvent/${ID}`, search: { mode: 'match' }, resource: { meta: { versionId: '1' } } });
  });

  it.each(['patient:identifier', 'patient.identifier'])('filters by the patient’s NHS number with %s', async (name) => {
    const { search, third } = await threeEvents();
    const bundle = await search(`?${name}=${encodeURIComponent('https://fhir.nhs.uk/Id/nhs-number|9990000018')}`);
    expect(bundle.entry.map((e) => e.resource.id)).toEqual([ID, third]);
    expect((await search(`?${name}=${encodeURIComponent('https://fhir.nhs.uk/Id/ods-organization-code|9990000018')}`)).total).toBe(0);
  });

  it.each(['entity-id', 'entity:identifier'])('filters by a pointer id with %s', async (name) => {
    const { search } = await threeEvents();
    expect((await search(`?${name}=RGD-crisis-plan-0026`)).entry.map((e) => e.resource.id)).toEqual([OTHER_ID]);
    expect((await search(`?${name}=${encodeURIComponent('|RGD-crisis-plan-0026')}`)).total).toBe(1);
    expect((await search(`?${name}=RGD-nothing`)).total).toBe(0);
  });

  /** A person agent written by hand as BALP's user (IRCP, requestor) with their CIS2 UUID in altId. */
  const person = (uuid: string, name: string) => ({
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
    role: [{ coding: [{ system: 'https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode', code: 'S8000:G8000:R8003' }], text: 'Paramedic' }],
    who: { type: 'PractitionerRole', identifier: { system: 'https://fhir.nhs.uk/Id/sds-role-profile-id', value: `${uuid}9` }, display: name },
    altId: uuid,
    name,
    requestor: true,
    purposeOfUse: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }] }],
  });
  const organisation = { who: { type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX7' } }, requestor: false };

  it('stores the person agent as sent, and filters by person with altid (their CIS2 UUID)', async () => {
    const service = auditService();
    const third = 'e9b1c3d5-7f2a-4b6c-8d0e-1a2b3c4d5e6f';
    await service.put({ ...auditEvent(ID), agent: [person('555021935107', 'Alex Carter'), organisation] });
    await service.put({ ...auditEvent(OTHER_ID), agent: [person('555021935999', 'Sam Patel'), organisation] });
    // From before sign-in: no person at all.
    await service.put(auditEvent(third));
    const found = async (query: string) => (await service.search(query)).entry.map((e) => e.resource.id);
    expect(await found('?altid=555021935107')).toEqual([ID]);
    expect(await found('?altid=555021935999,555021935107')).toEqual([ID, OTHER_ID]);
    expect(await found('?altid=555021936000')).toEqual([]);
    // altId is a string: it has no system, so a token naming one matches nothing.
    expect(await found(`?altid=${encodeURIComponent('https://fhir.nhs.uk/Id/sds-user-id|555021935107')}`)).toEqual([]);
    const [stored] = (await service.search('?altid=555021935107')).entry as unknown as { resource: { agent: unknown[] } }[];
    expect(stored!.resource.agent).toEqual([person('555021935107', 'Alex Carter'), organisation]);
  });

  it('400 for a person agent whose purpose of use is no CodeableConcept', async () => {
    const { put } = auditService();
    const bad = { ...auditEvent(ID), agent: [{ ...person('555021935107', 'Alex Carter'), purposeOfUse: ['TREAT'] }] };
    expect(await outcomeOf(await put(bad))).toMatchObject({ status: 400, issueCodes: ['structure'] });
  });

  it('filters by _id and combines filters', async () => {
    const { search, third } = await threeEvents();
    expect((await search(`?_id=${third}`)).entry.map((e) => e.resource.id)).toEqual([third]);
    const both = await search(`?patient:identifier=9990000018&entity-id=RW5-contact-0018`);
    expect(both.entry.map((e) => e.resource.id)).toEqual([third]);
  });

  it('400 for a search parameter it does not know, rather than returning everything', async () => {
    const { send } = await threeEvents();
    expect(await outcomeOf(await send('AuditEvent?patient=9990000018'))).toMatchObject({ status: 400, issueCodes: ['not-supported'] });
  });

  /** Recorded at the given instants, in this order of delivery. */
  async function recordedAt(...instants: string[]) {
    const service = auditService();
    const ids = instants.map((_, i) => `a0000000-0000-4000-8000-00000000000${i}`);
    for (const [i, recorded] of instants.entries()) {
      await service.put({ ...auditEvent(ids[i]), period: { start: recorded, end: recorded }, recorded });
    }
    return { ...service, ids };
  }

  it('filters by date on recorded: ge and le as instants with a zone, and bare days (UTC)', async () => {
    const { search, ids } = await recordedAt('2025-03-03T23:59:59.999Z', '2025-03-04T00:00:00.000Z', '2025-03-04T23:59:59.999Z', '2025-03-05T00:00:00.000Z');
    const found = async (query: string) => (await search(query)).entry.map((e) => e.resource.id);
    expect(await found(`?date=${encodeURIComponent('ge2025-03-04T00:00:00.000Z')}&date=${encodeURIComponent('le2025-03-04T23:59:59.999Z')}`)).toEqual([ids[1], ids[2]]);
    expect(await found('?date=ge2025-03-04&date=le2025-03-04')).toEqual([ids[1], ids[2]]);
    expect(await found('?date=2025-03-04')).toEqual([ids[1], ids[2]]);
    expect(await found('?date=lt2025-03-04')).toEqual([ids[0]]);
    expect(await found('?date=gt2025-03-04')).toEqual([ids[3]]);
    // 01:00 at +01:00 is midnight UTC; a month stands for the whole month.
    expect(await found(`?date=${encodeURIComponent('ge2025-03-04T01:00:00+01:00')}&date=le2025-03`)).toEqual([ids[1], ids[2], ids[3]]);
  });

  it.each(['ap2025-03-04', 'ge2025-03-04T10:00', 'ge4 March', 'ge2025-03-04T10:00:00'])('400 for the date search value %j', async (value) => {
    const { send } = auditService();
    expect(await outcomeOf(await send(`AuditEvent?date=${encodeURIComponent(value)}`))).toMatchObject({ status: 400, issueCodes: ['value'] });
  });

  it('sorts by date either way, and pages with _count, a next link and total', async () => {
    const { search, ids } = await recordedAt('2025-03-04T10:00:00Z', '2025-03-04T12:00:00Z', '2025-03-04T11:00:00Z');
    expect((await search('?_sort=-date')).entry.map((e) => e.resource.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect((await search('?_sort=date')).entry.map((e) => e.resource.id)).toEqual([ids[0], ids[2], ids[1]]);

    const first = (await search('?_sort=-date&_count=2')) as Awaited<ReturnType<typeof search>> & { link: { relation: string; url: string }[] };
    expect(first.total).toBe(3);
    expect(first.entry.map((e) => e.resource.id)).toEqual([ids[1], ids[2]]);
    const next = first.link.find((link) => link.relation === 'next')!.url;
    const second = (await search(next.slice(`${BASES.audit}/AuditEvent`.length))) as typeof first;
    expect(second.entry.map((e) => e.resource.id)).toEqual([ids[0]]);
    expect(second.link.map((link) => link.relation)).toEqual(['self']);
  });

  it('400 for a sort it does not know, or a _count that is no number', async () => {
    const { send } = auditService();
    expect(await outcomeOf(await send('AuditEvent?_sort=-_lastUpdated'))).toMatchObject({ status: 400, issueCodes: ['not-supported'] });
    expect(await outcomeOf(await send('AuditEvent?_count=all'))).toMatchObject({ status: 400, issueCodes: ['value'] });
  });

  it('filters by type, subtype and entity-role as Coding tokens', async () => {
    const service = auditService();
    await service.put(auditEvent(ID));
    const search = { ...auditEvent(OTHER_ID), subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'search-type' }], action: 'E' };
    await service.put({ ...search, entity: [(auditEvent(OTHER_ID).entity as unknown[])[0], { role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '24' } }] });
    const found = async (query: string) => (await service.search(query)).entry.map((e) => e.resource.id);
    expect(await found(`?subtype=${encodeURIComponent('http://hl7.org/fhir/restful-interaction|search-type')}`)).toEqual([OTHER_ID]);
    expect(await found('?subtype=read')).toEqual([ID]);
    expect(await found(`?type=${encodeURIComponent('http://terminology.hl7.org/CodeSystem/audit-event-type|rest')}`)).toEqual([ID, OTHER_ID]);
    expect(await found(`?entity-role=${encodeURIComponent('http://terminology.hl7.org/CodeSystem/object-role|24')}`)).toEqual([OTHER_ID]);
    expect(await found(`?entity-role=${encodeURIComponent('http://terminology.hl7.org/CodeSystem/object-role|1')}`)).toEqual([ID, OTHER_ID]);
  });

  it('reads one stored event, and 404 for an unknown id', async () => {
    const { send } = await threeEvents();
    const found = await send(`AuditEvent/${ID}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ resourceType: 'AuditEvent', id: ID });
    expect((await outcomeOf(await send('AuditEvent/0d0d0d0d-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('404 for anything else under the base, including a create by POST', async () => {
    const { send } = auditService();
    expect((await outcomeOf(await send('AuditEvent', { method: 'POST', body: JSON.stringify(auditEvent()) }))).status).toBe(404);
    expect((await outcomeOf(await send(`AuditEvent/${ID}/_history/1`))).status).toBe(404);
    expect((await outcomeOf(await send('metadata'))).status).toBe(404);
  });
});

describe('audit batch at the base: each entry a PUT AuditEvent/{id}', () => {
  const batch = (entries: unknown[], type = 'batch') => ({ resourceType: 'Bundle', type, entry: entries });
  const putEntry = (resource: Record<string, unknown>, id = String(resource.id)) => ({ resource, request: { method: 'PUT', url: `AuditEvent/${id}` } });
  const post = async (body: unknown, prefer = 'return=representation') => {
    const handlers = createHandlers(BASES);
    const send = async (init: RequestInit) => (await getResponse(handlers, new Request(`${BASES.audit}/`, init)))!;
    const init = { method: 'POST', headers: { 'Content-Type': 'application/fhir+json', Prefer: prefer }, body: JSON.stringify(body) };
    return { first: await send(init), again: () => send(init), read: (id: string) => getResponse(handlers, new Request(`${BASES.audit}/AuditEvent/${id}`)) };
  };

  it('stores every entry, answering each in order with its status, location and (when asked) the stored resource', async () => {
    const { first, again, read } = await post(batch([putEntry(auditEvent(ID)), putEntry(auditEvent(OTHER_ID))]));
    expect(first.status).toBe(200);
    const reply = (await first.json()) as { type: string; entry: { resource?: { id: string }; response: { status: string; location: string } }[] };
    expect(reply.type).toBe('batch-response');
    expect(reply.entry.map((e) => [e.response.status, e.resource?.id])).toEqual([
      ['201 Created', ID],
      ['201 Created', OTHER_ID],
    ]);
    expect(reply.entry[1]!.response.location).toBe(`${BASES.audit}/AuditEvent/${OTHER_ID}/_history/1`);
    expect((await read(ID))!.status).toBe(200);
    // Sent again (a lost reply): the same two records, not four.
    const second = (await (await again()).json()) as typeof reply;
    expect(second.entry.map((e) => e.response.status)).toEqual(['200 OK', '200 OK']);
  });

  it('one entry refused leaves the others stored; a transaction, or a body that is no batch, is refused whole', async () => {
    const { first, read } = await post(batch([putEntry({ ...auditEvent(ID), action: 'X' }), putEntry(auditEvent(OTHER_ID)), { request: { method: 'POST', url: 'AuditEvent' } }]));
    const reply = (await first.json()) as { entry: { response: { status: string; outcome?: unknown } }[] };
    expect(reply.entry.map((e) => e.response.status)).toEqual(['400 Bad Request', '201 Created', '400 Bad Request']);
    expect(reply.entry[0]!.response.outcome).toMatchObject({ resourceType: 'OperationOutcome' });
    expect((await read(ID))!.status).toBe(404);
    expect((await read(OTHER_ID))!.status).toBe(200);

    expect((await outcomeOf((await post(batch([putEntry(auditEvent(ID))], 'transaction'))).first)).status).toBe(400);
    expect((await outcomeOf((await post(auditEvent(ID))).first)).status).toBe(400);
  });
});
