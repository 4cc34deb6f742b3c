import { http, type RequestHandler } from 'msw';
import type { OperationOutcomeIssue } from './fhir/fhir-types';
import { FHIR_JSON, jsonResponse } from './http/fhir-response';
import { operationOutcome } from './http/operation-outcome';
import { traceHeaders } from './http/request-ids';

/**
 * The trust's audit service: a plain FHIR R4 server (not a national API; DESIGN.md "every lookup
 * and every view → … → audit service"), modelled on a HAPI FHIR server that allows
 * client-assigned ids. `PUT AuditEvent/{id}` is update-as-create: 201 the first time, 200 after,
 * and one stored event however often it is sent; a `batch` Bundle POSTed to the base does the
 * same for each of its entries. `GET AuditEvent` and `GET AuditEvent/{id}`
 * read back what was delivered, searchable by the R4 parameters in SEARCH_PARAMETERS (one person
 * by `altid`, their CIS2 UUID). Errors are plain OperationOutcomes with no Spine coding.
 */

export interface AuditProblem {
  /** FHIR issue type: `required`, `value`, `structure` or `invariant`. */
  readonly code: 'required' | 'value' | 'structure' | 'invariant';
  /** Where, as a FHIRPath, e.g. `AuditEvent.agent[0].requestor`. */
  readonly expression: string;
  readonly diagnostics: string;
}

// R4 element names, so a misspelt element is refused as a strict server would (HAPI's strict
// parser), rather than stored and silently lost.
const BASE_ELEMENTS = ['id', 'extension', 'modifierExtension'];
const ELEMENTS = {
  AuditEvent: ['resourceType', 'id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension', 'type', 'subtype', 'action', 'period', 'recorded', 'outcome', 'outcomeDesc', 'purposeOfEvent', 'agent', 'source', 'entity'],
  agent: [...BASE_ELEMENTS, 'type', 'role', 'who', 'altId', 'name', 'requestor', 'location', 'policy', 'media', 'network', 'purposeOfUse'],
  source: [...BASE_ELEMENTS, 'site', 'observer', 'type'],
  entity: [...BASE_ELEMENTS, 'what', 'type', 'role', 'lifecycle', 'securityLabel', 'name', 'description', 'query', 'detail'],
  detail: [...BASE_ELEMENTS, 'type', 'valueString', 'valueBase64Binary'],
  Coding: ['id', 'extension', 'system', 'version', 'code', 'display', 'userSelected'],
  CodeableConcept: ['id', 'extension', 'coding', 'text'],
  Reference: ['id', 'extension', 'reference', 'type', 'identifier', 'display'],
  Identifier: ['id', 'extension', 'use', 'type', 'system', 'value', 'period', 'assigner'],
  Period: ['id', 'extension', 'start', 'end'],
} as const;

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** R4 `instant`: seconds and a zone are required. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** R4 `dateTime`: a year, year-month, date, or a full time with a zone. */
const DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const ACTIONS = ['C', 'R', 'U', 'D', 'E'];
const OUTCOMES = ['0', '4', '8', '12'];

type Json = Record<string, unknown>;

/**
 * Why `body` is not an R4 AuditEvent the server may store as AuditEvent/{id}: the required
 * elements and cardinalities, the required bindings (action, outcome), R4 element names, no empty
 * strings, arrays or objects (ele-1), and `id` equal to the URL's (FHIR update). Empty when valid.
 */
export function auditEventProblems(body: unknown, id: string): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const problem = (code: AuditProblem['code'], expression: string, diagnostics: string): void => {
    problems.push({ code, expression, diagnostics });
  };

  function object(value: unknown, path: string, elements: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem('structure', path, 'must be an object');
      return undefined;
    }
    const keys = Object.keys(value);
    if (keys.length === 0) problem('structure', path, 'must not be empty (ele-1)');
    for (const key of keys) if (!elements.includes(key)) problem('structure', `${path}.${key}`, `unknown element '${key}'`);
    return value as Json;
  }

  function list(value: unknown, path: string, min: 0 | 1): unknown[] {
    if (value === undefined) {
      if (min === 1) problem('required', path, 'minimum required = 1, but only found 0');
      return [];
    }
    if (!Array.isArray(value)) {
      problem('structure', path, 'must be an array');
      return [];
    }
    if (value.length === 0) problem('structure', path, 'must not be an empty array (ele-1)');
    return value;
  }

  function string(value: unknown, path: string, required = false, pattern?: RegExp, what = 'string'): void {
    if (value === undefined) {
      if (required) problem('required', path, 'minimum required = 1, but only found 0');
      return;
    }
    if (typeof value !== 'string' || value.trim() === '') problem('value', path, `must be a non-empty ${what}`);
    else if (pattern && !pattern.test(value)) problem('value', path, `is not a valid ${what}`);
  }

  function code(value: unknown, path: string, allowed: readonly string[]): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || !allowed.includes(value)) problem('value', path, `must be one of ${allowed.join(', ')}`);
  }

  function coding(value: unknown, path: string, required = false): void {
    if (value === undefined) {
      if (required) problem('required', path, 'minimum required = 1, but only found 0');
      return;
    }
    const c = object(value, path, ELEMENTS.Coding);
    if (!c) return;
    string(c.system, `${path}.system`, required, /^\S+$/, 'uri');
    string(c.code, `${path}.code`, required, /^\S+( \S+)*$/, 'code');
    string(c.display, `${path}.display`);
  }

  function codeableConcept(value: unknown, path: string): void {
    const c = object(value, path, ELEMENTS.CodeableConcept);
    if (!c) return;
    list(c.coding, `${path}.coding`, 0).forEach((item, i) => coding(item, `${path}.coding[${i}]`));
    string(c.text, `${path}.text`);
  }

  function reference(value: unknown, path: string, required = false): void {
    if (value === undefined) {
      if (required) problem('required', path, 'minimum required = 1, but only found 0');
      return;
    }
    const r = object(value, path, ELEMENTS.Reference);
    if (!r) return;
    string(r.reference, `${path}.reference`);
    string(r.type, `${path}.type`, false, /^[A-Z][A-Za-z]+$/, 'resource type');
    string(r.display, `${path}.display`);
    if (r.identifier !== undefined) {
      const identifier = object(r.identifier, `${path}.identifier`, ELEMENTS.Identifier);
      if (identifier) {
        string(identifier.system, `${path}.identifier.system`, false, /^\S+$/, 'uri');
        string(identifier.value, `${path}.identifier.value`);
      }
    }
  }

  const event = object(body, 'AuditEvent', ELEMENTS.AuditEvent);
  if (!event) return problems;
  if (event.resourceType !== 'AuditEvent') problem('structure', 'AuditEvent.resourceType', 'must be AuditEvent');
  if (event.id === undefined) problem('required', 'AuditEvent.id', 'an update needs the id in the body');
  else if (event.id !== id) problem('value', 'AuditEvent.id', 'does not match the id in the URL');
  else string(event.id, 'AuditEvent.id', true, FHIR_ID, 'id');

  coding(event.type, 'AuditEvent.type', true);
  list(event.subtype, 'AuditEvent.subtype', 0).forEach((item, i) => coding(item, `AuditEvent.subtype[${i}]`));
  code(event.action, 'AuditEvent.action', ACTIONS);
  if (event.period !== undefined) {
    const period = object(event.period, 'AuditEvent.period', ELEMENTS.Period);
    string(period?.start, 'AuditEvent.period.start', false, DATE_TIME, 'dateTime');
    string(period?.end, 'AuditEvent.period.end', false, DATE_TIME, 'dateTime');
  }
  string(event.recorded, 'AuditEvent.recorded', true, INSTANT, 'instant');
  code(event.outcome, 'AuditEvent.outcome', OUTCOMES);
  string(event.outcomeDesc, 'AuditEvent.outcomeDesc');
  list(event.purposeOfEvent, 'AuditEvent.purposeOfEvent', 0).forEach((item, i) => codeableConcept(item, `AuditEvent.purposeOfEvent[${i}]`));

  list(event.agent, 'AuditEvent.agent', 1).forEach((item, i) => {
    const path = `AuditEvent.agent[${i}]`;
    const agent = object(item, path, ELEMENTS.agent);
    if (!agent) return;
    if (typeof agent.requestor !== 'boolean') {
      if (agent.requestor === undefined) problem('required', `${path}.requestor`, 'minimum required = 1, but only found 0');
      else problem('value', `${path}.requestor`, 'must be a boolean');
    }
    if (agent.type !== undefined) codeableConcept(agent.type, `${path}.type`);
    list(agent.role, `${path}.role`, 0).forEach((role, j) => codeableConcept(role, `${path}.role[${j}]`));
    reference(agent.who, `${path}.who`);
    string(agent.altId, `${path}.altId`);
    string(agent.name, `${path}.name`);
    list(agent.purposeOfUse, `${path}.purposeOfUse`, 0).forEach((purpose, j) => codeableConcept(purpose, `${path}.purposeOfUse[${j}]`));
  });

  if (event.source === undefined) {
    problem('required', 'AuditEvent.source', 'minimum required = 1, but only found 0');
  } else {
    const source = object(event.source, 'AuditEvent.source', ELEMENTS.source);
    if (source) {
      string(source.site, 'AuditEvent.source.site');
      reference(source.observer, 'AuditEvent.source.observer', true);
      list(source.type, 'AuditEvent.source.type', 0).forEach((item, i) => coding(item, `AuditEvent.source.type[${i}]`));
    }
  }

  list(event.entity, 'AuditEvent.entity', 0).forEach((item, i) => {
    const path = `AuditEvent.entity[${i}]`;
    const entity = object(item, path, ELEMENTS.entity);
    if (!entity) return;
    reference(entity.what, `${path}.what`);
    coding(entity.type, `${path}.type`);
    coding(entity.role, `${path}.role`);
    coding(entity.lifecycle, `${path}.lifecycle`);
    list(entity.securityLabel, `${path}.securityLabel`, 0).forEach((label, j) => coding(label, `${path}.securityLabel[${j}]`));
    string(entity.name, `${path}.name`);
    string(entity.description, `${path}.description`);
    string(entity.query, `${path}.query`, false, /^[A-Za-z0-9+/]+={0,2}$/, 'base64Binary');
    if (entity.name !== undefined && entity.query !== undefined) problem('invariant', path, 'sev-1: either a name or a query (NOT both)');
    list(entity.detail, `${path}.detail`, 0).forEach((detailItem, j) => {
      const detailPath = `${path}.detail[${j}]`;
      const detail = object(detailItem, detailPath, ELEMENTS.detail);
      if (!detail) return;
      string(detail.type, `${detailPath}.type`, true);
      const values = [detail.valueString, detail.valueBase64Binary].filter((value) => value !== undefined);
      if (values.length !== 1) problem('required', `${detailPath}.value[x]`, 'exactly one of valueString or valueBase64Binary is required');
      string(detail.valueString, `${detailPath}.valueString`);
      string(detail.valueBase64Binary, `${detailPath}.valueBase64Binary`, false, /^[A-Za-z0-9+/]+={0,2}$/, 'base64Binary');
    });
  });

  return problems;
}

/** The search parameters the mock knows; anything else is refused, so a typo cannot match all. */
const SEARCH_PARAMETERS = new Set(['_id', 'patient:identifier', 'patient.identifier', 'entity:identifier', 'entity-id', 'date', 'type', 'subtype', 'entity-role', 'altid']);
/** Result parameters: how matches are sorted and paged, not which match. `_getpagesoffset` is HAPI's paging. */
const RESULT_PARAMETERS = new Set(['_sort', '_count', '_getpagesoffset']);
/** A page when no `_count` is given, as HAPI's default. */
const DEFAULT_COUNT = 20;

/**
 * An R4 date search value (hl7.org/fhir/R4/search.html#date) as the range it stands for, [low,
 * high) in epoch ms, with its prefix; undefined when it is not one. A value with a time must have
 * a zone; a bare date is a UTC day here (the mock's server time zone).
 */
function dateSearch(value: string): { readonly prefix: string; readonly low: number; readonly high: number } | undefined {
  const match = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/.exec(value);
  if (!match) return undefined;
  const [, prefix = 'eq', year, month, day, hour, minute, second, fraction, zone] = match;
  if (hour === undefined) {
    const y = Number(year);
    if (month === undefined) return { prefix, low: Date.UTC(y, 0, 1), high: Date.UTC(y + 1, 0, 1) };
    const m = Number(month) - 1;
    if (day === undefined) return { prefix, low: Date.UTC(y, m, 1), high: Date.UTC(y, m + 1, 1) };
    const low = Date.UTC(y, m, Number(day));
    return { prefix, low, high: low + 86_400_000 };
  }
  const low = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${fraction ?? ''}${zone}`);
  if (Number.isNaN(low)) return undefined;
  const width = second === undefined ? 60_000 : fraction === undefined ? 1_000 : 1;
  return { prefix, low, high: low + width };
}

/** Whether the instant `at` meets one date search value (a point target: its range is itself). */
function matchesDate(value: string, at: number): boolean {
  const search = dateSearch(value);
  if (!search) return false;
  switch (search.prefix) {
    case 'eq':
      return at >= search.low && at < search.high;
    case 'ge':
      return at >= search.low;
    case 'gt':
      return at >= search.high;
    case 'le':
      return at < search.high;
    case 'lt':
      return at < search.low;
    default:
      return false;
  }
}

const SUPPORTED_DATE_PREFIXES = ['eq', 'ge', 'gt', 'le', 'lt'];

interface StoredEvent {
  readonly resource: Json;
  readonly versionId: number;
  readonly lastUpdated: string;
}

function auditError(request: Request, status: number, ...issues: OperationOutcomeIssue[]) {
  return jsonResponse(operationOutcome(...issues), { status, contentType: FHIR_JSON, headers: traceHeaders(request) });
}

function issue(code: string, diagnostics: string, expression?: string): OperationOutcomeIssue {
  return { severity: 'error', code, diagnostics, ...(expression === undefined ? {} : { expression: [expression] }) };
}

/** A token search value: `system|value`, `|value` (no system), `system|` or a bare value. */
function matchesToken(token: string, identifier: unknown): boolean {
  if (typeof identifier !== 'object' || identifier === null) return false;
  const { system, value } = identifier as { system?: unknown; value?: unknown };
  const bar = token.indexOf('|');
  if (bar === -1) return value === token;
  const wantedSystem = token.slice(0, bar);
  const wantedValue = token.slice(bar + 1);
  if (wantedSystem === '' ? system !== undefined : system !== wantedSystem) return false;
  return wantedValue === '' || value === wantedValue;
}

function entities(resource: Json): { what?: { type?: unknown; identifier?: unknown }; role?: { system?: unknown; code?: unknown } }[] {
  return Array.isArray(resource.entity) ? (resource.entity as ReturnType<typeof entities>) : [];
}

/** A token search value against a Coding (`system|code`, `|code`, `system|` or a bare code). */
function matchesCodingToken(token: string, coding: unknown): boolean {
  if (typeof coding !== 'object' || coding === null) return false;
  const { system, code } = coding as { system?: unknown; code?: unknown };
  return matchesToken(token, { system, value: code });
}

function codings(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function agents(resource: Json): { altId?: unknown }[] {
  return Array.isArray(resource.agent) ? (resource.agent as ReturnType<typeof agents>) : [];
}

function matchesSearch(stored: StoredEvent, name: string, value: string): boolean {
  const tokens = value.split(',');
  const anyToken = (identifier: unknown) => tokens.some((token) => matchesToken(token, identifier));
  const anyCoding = (list: unknown) => codings(list).some((coding) => tokens.some((token) => matchesCodingToken(token, coding)));
  switch (name) {
    case '_id':
      return tokens.includes(String(stored.resource.id));
    case 'date':
      // R4: AuditEvent's `date` parameter is `AuditEvent.recorded`.
      return tokens.some((token) => matchesDate(token, Date.parse(String(stored.resource.recorded))));
    case 'type':
      return anyCoding(stored.resource.type);
    case 'subtype':
      return anyCoding(stored.resource.subtype);
    case 'entity-role':
      return entities(stored.resource).some((entity) => anyCoding(entity.role));
    case 'altid':
      // R4 `altid`: a token on AuditEvent.agent.altId, a string, so it has a value and no system.
      return agents(stored.resource).some((agent) => typeof agent.altId === 'string' && tokens.some((token) => matchesToken(token, { value: agent.altId })));

    case 'patient:identifier':
    case 'patient.identifier':
      // R4's `patient` parameter is the entities that are Patients; ours name theirs by identifier.
      return entities(stored.resource).some((entity) => (entity.what?.type === 'Patient' || entity.role?.code === '1') && anyToken(entity.what?.identifier));
    default:
      // `entity:identifier` (R4) and `entity-id` (its STU3 name): any entity's identifier.
      return entities(stored.resource).some((entity) => anyToken(entity.what?.identifier));
  }
}

export function auditHandlers(base: string): RequestHandler[] {
  // One store per call: each createHandlers(...) (each test, each demo page) starts empty.
  const store = new Map<string, StoredEvent>();

  const withMeta = (stored: StoredEvent): Json => ({
    ...stored.resource,
    meta: { ...(stored.resource.meta as Json | undefined), versionId: String(stored.versionId), lastUpdated: stored.lastUpdated },
  });
  const location = (id: string, versionId: number) => `${base}/AuditEvent/${id}/_history/${versionId}`;

  /**
   * FHIR update-as-create of AuditEvent/{id}, as HAPI does it: the same content again is a no-op
   * update (same version); new content is a new version. 400 with the problems when `body` is not
   * an AuditEvent the server may store under that id.
   */
  const update = (id: string, body: unknown): { status: 400; issues: OperationOutcomeIssue[] } | { status: 200; stored: StoredEvent; created: boolean } => {
    if (!FHIR_ID.test(id)) return { status: 400, issues: [issue('value', `'${id.slice(0, 70)}' is not a valid FHIR id`)] };
    const problems = auditEventProblems(body, id);
    if (problems.length > 0) return { status: 400, issues: problems.map((p) => issue(p.code, `${p.expression}: ${p.diagnostics}`, p.expression)) };
    const { meta: _meta, ...resource } = body as Json;
    const existing = store.get(id);
    const unchanged = existing !== undefined && JSON.stringify(withoutMeta(existing.resource)) === JSON.stringify(resource);
    const stored: StoredEvent = unchanged ? existing : { resource: body as Json, versionId: (existing?.versionId ?? 0) + 1, lastUpdated: new Date().toISOString() };
    store.set(id, stored);
    return { status: 200, stored, created: existing === undefined };
  };

  const unsupported = ({ request }: { request: Request }) =>
    auditError(
      request,
      404,
      issue('not-supported', `The mock audit service answers only PUT and GET AuditEvent/{id}, GET AuditEvent and a batch POSTed to its base, not ${request.method} ${new URL(request.url).pathname}`),
    );

  return [
    http.put(`${base}/AuditEvent/:id`, async ({ request, params }) => {
      const id = String(params.id);
      const mediaType = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (FHIR_ID.test(id) && mediaType !== 'application/fhir+json' && mediaType !== 'application/json') {
        return auditError(request, 415, issue('not-supported', `Content-Type ${mediaType ?? '(none)'} is not supported; send application/fhir+json`));
      }
      let body: unknown;
      try {
        body = FHIR_ID.test(id) ? JSON.parse(await request.text()) : undefined;
      } catch {
        return auditError(request, 400, issue('structure', 'Failed to parse request body as a JSON resource'));
      }
      const result = update(id, body);
      if (result.status === 400) return auditError(request, 400, ...result.issues);
      const { stored, created } = result;
      const headers: Record<string, string> = { ...traceHeaders(request), ETag: `W/"${stored.versionId}"` };
      if (created) headers.Location = location(id, stored.versionId);
      const status = created ? 201 : 200;
      // FHIR http "Prefer": the body is the stored resource only when asked for. Servers differ in
      // their default; this mock takes the leanest (no body), so a client must ask to see the id.
      switch (preferredReturn(request)) {
        case 'representation':
          return jsonResponse(withMeta(stored), { status, contentType: FHIR_JSON, headers });
        case 'OperationOutcome':
          return jsonResponse(storedOutcome(id), { status, contentType: FHIR_JSON, headers });
        default:
          return new Response(null, { status, headers });
      }
    }),

    // A FHIR batch at the base (R4 http.html#transaction; sent to `{base}/`), as HAPI takes one: each entry is handled
    // as if sent on its own, and answered in its own `response` in the same order; one entry
    // refused leaves the others stored. Only `PUT AuditEvent/{id}` entries are taken; a
    // `transaction`, or any other entry, is refused as a whole or for that entry.
    http.post(`${base}/`, async ({ request }) => {
      const mediaType = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/fhir+json' && mediaType !== 'application/json') {
        return auditError(request, 415, issue('not-supported', `Content-Type ${mediaType ?? '(none)'} is not supported; send application/fhir+json`));
      }
      let bundle: unknown;
      try {
        bundle = JSON.parse(await request.text());
      } catch {
        return auditError(request, 400, issue('structure', 'Failed to parse request body as a JSON resource'));
      }
      const { resourceType, type, entry } = (typeof bundle === 'object' && bundle !== null ? bundle : {}) as Json;
      if (resourceType !== 'Bundle' || type !== 'batch' || !Array.isArray(entry)) {
        return auditError(request, 400, issue('not-supported', 'The mock audit service takes only a Bundle of type batch at its base'));
      }
      const representation = preferredReturn(request) === 'representation';
      const answers = entry.map((item: unknown) => {
        const { resource, request: entryRequest } = (typeof item === 'object' && item !== null ? item : {}) as Json;
        const { method, url } = (typeof entryRequest === 'object' && entryRequest !== null ? entryRequest : {}) as Json;
        const id = typeof url === 'string' ? /^AuditEvent\/([^/?#]*)$/.exec(url)?.[1] : undefined;
        if (method !== 'PUT' || id === undefined) {
          return { response: { status: '400 Bad Request', outcome: operationOutcome(issue('not-supported', 'Each entry must be PUT AuditEvent/{id}')) } };
        }
        const result = update(id, resource);
        if (result.status === 400) return { response: { status: '400 Bad Request', outcome: operationOutcome(...result.issues) } };
        const { stored, created } = result;
        return {
          ...(representation ? { resource: withMeta(stored) } : {}),
          response: {
            status: created ? '201 Created' : '200 OK',
            location: location(id, stored.versionId),
            etag: `W/"${stored.versionId}"`,
            lastModified: stored.lastUpdated,
          },
        };
      });
      return jsonResponse({ resourceType: 'Bundle', type: 'batch-response', entry: answers }, { contentType: FHIR_JSON, headers: traceHeaders(request) });
    }),

    http.get(`${base}/AuditEvent`, ({ request }) => {
      const url = new URL(request.url);
      const params = [...url.searchParams];
      const filters = params.filter(([name]) => !RESULT_PARAMETERS.has(name));
      const unknown = filters.filter(([name]) => !SEARCH_PARAMETERS.has(name)).map(([name]) => name);
      if (unknown.length > 0) {
        return auditError(
          request,
          400,
          issue('not-supported', `Unknown search parameter ${unknown.join(', ')}; the mock knows ${[...SEARCH_PARAMETERS, ...RESULT_PARAMETERS].join(', ')}`),
        );
      }
      const badDates = filters
        .filter(([name]) => name === 'date')
        .flatMap(([, value]) => value.split(','))
        .filter((value) => !SUPPORTED_DATE_PREFIXES.includes(dateSearch(value)?.prefix ?? ''));
      if (badDates.length > 0) {
        return auditError(request, 400, issue('value', `Invalid date search value '${badDates[0]!.slice(0, 40)}': use eq, ge, gt, le or lt and a date, or a dateTime with a zone`));
      }
      const sort = url.searchParams.get('_sort');
      if (sort !== null && sort !== 'date' && sort !== '-date') {
        return auditError(request, 400, issue('not-supported', `The mock sorts only by date or -date, not '${sort.slice(0, 40)}'`));
      }
      const count = url.searchParams.get('_count') ?? String(DEFAULT_COUNT);
      const offset = url.searchParams.get('_getpagesoffset') ?? '0';
      if (!/^\d{1,4}$/.test(count) || !/^\d{1,6}$/.test(offset)) {
        return auditError(request, 400, issue('value', '_count and _getpagesoffset must be whole numbers'));
      }

      const matches = [...store.values()].filter((stored) => filters.every(([name, value]) => matchesSearch(stored, name, value)));
      // Without _sort, in the order delivered. Sorting is stable, so equal times keep that order.
      if (sort !== null) {
        const direction = sort === '-date' ? -1 : 1;
        matches.sort((a, b) => direction * (Date.parse(String(a.resource.recorded)) - Date.parse(String(b.resource.recorded))));
      }
      const start = Number(offset);
      const end = start + Number(count);
      const link = [{ relation: 'self', url: request.url }];
      if (end < matches.length) {
        const next = new URL(url);
        next.searchParams.set('_getpagesoffset', String(end));
        link.push({ relation: 'next', url: next.toString() });
      }
      return jsonResponse(
        {
          resourceType: 'Bundle',
          type: 'searchset',
          total: matches.length,
          link,
          entry: matches.slice(start, end).map((stored) => ({
            fullUrl: `${base}/AuditEvent/${String(stored.resource.id)}`,
            resource: withMeta(stored),
            search: { mode: 'match' },
          })),
        },
        { contentType: FHIR_JSON, headers: traceHeaders(request) },
      );
    }),

    http.get(`${base}/AuditEvent/:id`, ({ request, params }) => {
      const id = String(params.id);
      const stored = store.get(id);
      if (stored === undefined) return auditError(request, 404, issue('processing', `HAPI-2001: Resource AuditEvent/${id.slice(0, 70)} is not known`));
      return jsonResponse(withMeta(stored), { contentType: FHIR_JSON, headers: { ...traceHeaders(request), ETag: `W/"${stored.versionId}"` } });
    }),

    http.all(base, unsupported),
    http.all(`${base}/*`, unsupported),
  ];
}

/** The `return` preference of a `Prefer` header (RFC 7240), e.g. `return=representation`. */
function preferredReturn(request: Request): string | undefined {
  const prefer = request.headers.get('Prefer') ?? '';
  return /(?:^|[,;\s])return\s*=\s*"?([A-Za-z]+)"?/.exec(prefer)?.[1];
}

function storedOutcome(id: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: `Stored AuditEvent/${id}` }] };
}

function withoutMeta(resource: Json): Json {
  const { meta: _meta, ...rest } = resource;
  return rest;
}
