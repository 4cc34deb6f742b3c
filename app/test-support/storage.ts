/**
 * Test helpers for app/storage: a fresh fake IndexedDB per device, realistic LookupSnapshot and
 * AccessEvent factories, a way to make writes fail as a full disk does, and a raw dump of what
 * IndexedDB actually holds. Used by tests only.
 */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { AccessActor, AccessEvent } from '../domain/access-event';
import { documentKey, type LookupSnapshot } from '../domain/lookup-snapshot';
import { parseNhsNumber, type NhsNumber } from '../domain/nhs-number';
import type { Pointer } from '../domain/pointer';
import { FORMAT_RECORD_CONTACT, FORMAT_UNSTRUCTURED } from '../domain/pointer';
import { MENTAL_HEALTH_CRISIS_PLAN, SNOMED_SYSTEM, recordTypeFor } from '../domain/record-types';
import { createClinicalLock } from '../storage/clinical-lock';
import { DeviceDatabase, type DeviceDatabaseOptions } from '../storage/device-database';
import { KEYS_ROW_ID } from '../storage/device-keys';
import type { DroppedRecord, UnreadableRecords } from '../storage/storage-errors';

export function nhs(value: string): NhsNumber {
  const parsed = parseNhsNumber(value);
  if (!parsed.ok) throw new Error(`Test NHS number ${value} is not valid: ${parsed.problem}`);
  return parsed.value;
}

export const MARIGOLD = nhs('9434765919');
/** Marigold's old number, superseded by MARIGOLD. */
export const MARIGOLD_OLD = nhs('9123456787');
export const ORLANDO = nhs('9483738458');
export const PETRA = nhs('9000000009');

export const NOW = new Date('2026-11-25T14:02:00.000Z');
export const hoursFrom = (date: Date, hours: number): Date => new Date(date.getTime() + hours * 3_600_000);

export interface TestDevice {
  readonly name: string;
  readonly indexedDB: IDBFactory;
  readonly db: DeviceDatabase;
  /** Every record storage reported dropping. */
  readonly dropped: DroppedRecord[];
  /** Every report of unreadable records storage kept (one per read that met them). */
  readonly unreadable: UnreadableRecords[];
  /** Opens the same database again, as the app does after a reload (closing `db` first). */
  reopen(options?: Pick<DeviceDatabaseOptions, 'schemaVersion'>): DeviceDatabase;
  /** Makes writes to chosen tables fail as a full disk does; see QuotaSwitch. */
  readonly quota: QuotaSwitch;
}

let devices = 0;

/** The shift PIN tests use, and a PBKDF2 count small enough for tests (the app's is 600,000). */
export const TEST_PIN = '482915';
export const TEST_PIN_ITERATIONS = 1_000;

/**
 * Opens the clinical lock of this connection with TEST_PIN: sets it when no PIN is set, else
 * unlocks (as after a reload, or in a second tab). For tests of what lies behind the lock.
 */
export async function unlocked(db: DeviceDatabase, pin: string = TEST_PIN): Promise<DeviceDatabase> {
  const lock = createClinicalLock(db, { iterations: TEST_PIN_ITERATIONS });
  if ((await db.keys.get(KEYS_ROW_ID)) === undefined && !db.tables.some((table) => table.name === 'session')) {
    // A database opened as an older schema (migration tests) lacks tables setPin wipes: wrap the
    // keys on a scratch device and bring the row over (it is data only), then unlock it here.
    const scratch = testDevice();
    await unlocked(scratch.db, pin);
    await db.keys.put((await scratch.db.keys.get(KEYS_ROW_ID))!);
    scratch.db.close();
  }
  if ((await db.keys.get(KEYS_ROW_ID)) === undefined) await lock.setPin(pin);
  else if ((await lock.unlock(pin)) !== 'unlocked') throw new Error('Test PIN did not unlock');
  return db;
}

export function testDevice(options: Pick<DeviceDatabaseOptions, 'schemaVersion'> & { name?: string; indexedDB?: IDBFactory } = {}): TestDevice {
  devices += 1;
  const name = options.name ?? `crew-record-locator-test-${devices}`;
  const indexedDB = options.indexedDB ?? new IDBFactory();
  const dropped: DroppedRecord[] = [];
  const unreadable: UnreadableRecords[] = [];
  const quota = new QuotaSwitch();
  const open = (schemaVersion?: number) => {
    const db = new DeviceDatabase(name, {
      indexedDB,
      IDBKeyRange,
      onDroppedRecord: (d) => dropped.push(d),
      onUnreadableRecords: (u) => unreadable.push(u),
      schemaVersion,
    });
    db.use(quota.middleware());
    return db;
  };
  let db = open(options.schemaVersion);
  return {
    name,
    indexedDB,
    get db() {
      return db;
    },
    dropped,
    unreadable,
    reopen(again = {}) {
      db.close();
      db = open(again.schemaVersion);
      return db;
    },
    quota,
  };
}

/** A test device whose clinical lock is open (TEST_PIN set): for tests of what lies behind the lock. */
export async function unlockedDevice(options: Parameters<typeof testDevice>[0] = {}): Promise<TestDevice> {
  const device = testDevice(options);
  await unlocked(device.db);
  return device;
}

/**
 * A full disk, simulated in Dexie's DBCore layer (so the production code under test is unchanged):
 * the next `failures` adds/puts to the named tables reject as a browser does when out of quota.
 */
export class QuotaSwitch {
  private failures = 0;
  private tables: readonly string[] = ['plans'];
  private shape: 'dom' | 'dexie-wrapped' = 'dom';
  /** How many writes were refused. */
  refused = 0;

  failNext(failures: number, options: { tables?: readonly string[]; shape?: 'dom' | 'dexie-wrapped' } = {}): void {
    this.failures = failures;
    this.tables = options.tables ?? ['plans'];
    this.shape = options.shape ?? 'dom';
  }

  middleware() {
    return {
      stack: 'dbcore' as const,
      name: 'test-quota',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName: string) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) => {
              const writes = request.type === 'add' || request.type === 'put';
              if (writes && this.tables.includes(tableName) && this.failures > 0) {
                this.failures -= 1;
                this.refused += 1;
                return Promise.reject(this.error());
              }
              return table.mutate(request);
            },
          };
        },
      }),
    };
  }

  private error(): unknown {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    if (this.shape === 'dom') return quota;
    // How Dexie reports a transaction aborted by the browser for lack of space (stack-notes §4.4).
    return Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
  }
}

export interface SnapshotOptions {
  nhsNumber?: NhsNumber;
  requestedNhsNumber?: NhsNumber;
  given?: string[];
  family?: string;
  birthDate?: string;
  retrievedAt?: Date;
  restricted?: boolean;
  address?: readonly string[] | undefined;
  /** Leave out the crisis plan pointer (e.g. withdrawn upstream). */
  withoutCrisisPlan?: boolean;
}

/** Plain words that appear in the factory's plan documents, for the "nothing in clear" test. */
export const PLAN_TEXT = {
  pdf: 'Speak calmly and offer the blue room; avoid restraint',
  html: 'Goldie responds well to being asked about her allotment',
  fhir: 'Lamotrigine 100mg twice daily',
} as const;

export const TEAM = {
  name: 'Larkspur Crisis Resolution Team',
  display: '01632 960 417',
  tel: 'tel:01632960417',
  switchboard: '0113 496 0000',
} as const;

const ODS = 'RX4';
/** The crew's organisation (an ambulance trust). */
export const CREW_ODS = 'RYA';
/** The paramedic who made the accesses `buildAccessEvent` records, signed in to CIS2 at CREW_ODS. */
export const CREW_ACTOR: AccessActor = {
  personId: '555021935107',
  name: 'Alex Carter',
  personRoleId: '555021936109',
  roleCode: 'S8000:G8000:R8003',
  roleName: '"Clinical":"Clinical Provision":"Paramedic"',
  organisationOds: CREW_ODS,
  organisationName: 'South East Coast Ambulance Service NHS Foundation Trust',
  session: 'signed-in',
};
const GATEWAY = 'https://api.trust.example.nhs.uk';
const SSP_PDF = 'https://larkspur.example.nhs.uk/plans/crisis-7731.pdf';
const HTML_PLAN = 'https://larkspur.example.nhs.uk/plans/respect-7731.html';
const FHIR_PLAN = 'https://larkspur.example.nhs.uk/fhir/CarePlan/7731';
const CONTACT_PAGE = 'https://www.larkspur.example.nhs.uk/crisis-team';

/** A PDF-like document whose bytes sit at an offset inside a larger buffer, as fetch slices can. */
export function pdfBytes(text = PLAN_TEXT.pdf): Uint8Array {
  const body = new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Page >> stream\nBT (${text}) Tj ET\nendstream\n%%EOF\n\u0000\u00ff\u0080`);
  const padded = new Uint8Array(body.byteLength + 16);
  padded.fill(0xab);
  padded.set(body, 7);
  return padded.subarray(7, 7 + body.byteLength);
}

/** A realistic LookupSnapshot for one patient: crisis plan (PDF), ReSPECT form (HTML), care plan (FHIR), team contacts. */
export function buildSnapshot(options: SnapshotOptions = {}): LookupSnapshot {
  const nhsNumber = options.nhsNumber ?? MARIGOLD;
  const requestedNhsNumber = options.requestedNhsNumber ?? nhsNumber;
  const restricted = options.restricted ?? false;
  const address = 'address' in options ? options.address : restricted ? undefined : ['12 Larkspur Lane', 'Hebden Bridge', 'HX7 8QT'];

  const pointer = (id: string, code: string, contents: Pointer['contents']): Pointer => ({
    id,
    subjectNhsNumber: nhsNumber,
    recordType: recordTypeFor({ system: SNOMED_SYSTEM, code, display: undefined }),
    date: '2026-10-01T09:30:00Z',
    authorOds: ODS,
    custodianOds: ODS,
    practiceSetting: { code: '1325901000000101', display: 'Crisis resolution team' },
    providerAsid: '200000001234',
    contents,
  });
  const content = (url: string, contentType: string, formatCode = FORMAT_UNSTRUCTURED) => ({
    contentType,
    url,
    title: undefined,
    creation: '2026-10-01T09:30:00Z',
    formatCode,
    stability: 'static' as const,
    retrievalMechanism: 'SSP' as const,
  });

  const crisis = pointer(`RX4-crisis-${nhsNumber}`, MENTAL_HEALTH_CRISIS_PLAN, [
    content(SSP_PDF, 'application/pdf'),
    content(CONTACT_PAGE, 'text/html', FORMAT_RECORD_CONTACT),
  ]);
  const respect = pointer(`RX4-respect-${nhsNumber}`, '1382601000000107', [content(HTML_PLAN, 'text/html')]);
  const carePlan = pointer(`RX4-careplan-${nhsNumber}`, '736366004', [content(FHIR_PLAN, 'application/fhir+json')]);
  const pointers = options.withoutCrisisPlan ? [respect, carePlan] : [crisis, respect, carePlan];

  return {
    patient: {
      nhsNumber,
      requestedNhsNumber,
      name: { prefix: 'Ms', given: options.given ?? ['Marigold', 'Anne'], family: options.family ?? 'Quenby' },
      birthDate: options.birthDate ?? '1987-03-14',
      gender: 'female',
      restricted,
      address,
      deceasedAt: undefined,
    },
    search: { pointers, skippedEntries: 0 },
    documents: {
      ...(options.withoutCrisisPlan ? {} : { [documentKey(crisis.id, SSP_PDF)]: { kind: 'pdf' as const, bytes: pdfBytes(), contentType: 'application/pdf' } }),
      [documentKey(respect.id, HTML_PLAN)]: { kind: 'html', html: `<h1>ReSPECT</h1><p>${PLAN_TEXT.html}</p>`, contentType: 'text/html' },
      [documentKey(carePlan.id, FHIR_PLAN)]: {
        kind: 'fhir',
        resource: { resourceType: 'CarePlan', id: '7731', status: 'active', note: [{ text: PLAN_TEXT.fhir }], extension: undefined },
        contentType: 'application/fhir+json',
      },
    },
    contacts: {
      [CONTACT_PAGE]: {
        sourceUrl: CONTACT_PAGE,
        teamName: TEAM.name,
        numbers: [{ label: 'Crisis line (24 hours)', display: TEAM.display, tel: TEAM.tel }],
        hours: '24 hours a day, 7 days a week',
      },
    },
    organisations: { [ODS]: { odsCode: ODS, name: 'Larkspur Moor NHS Foundation Trust', switchboard: TEAM.switchboard } },
    retrievedAt: (options.retrievedAt ?? NOW).toISOString(),
  };
}

/**
 * Every row of every object store, read with the raw IndexedDB API (not our code, not Dexie),
 * serialised to text: strings as they are, binary (Blobs, ArrayBuffers, typed arrays) decoded
 * both as UTF-8 and as Latin-1, so any clear text inside would show.
 */
export async function dumpRawRows(indexedDB: IDBFactory, name: string): Promise<{ text: string; rows: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    const stores = [...db.objectStoreNames];
    const values: unknown[] = [];
    for (const store of stores) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('getAll failed'));
      });
      values.push(...rows);
    }
    const parts: string[] = [];
    const walk = async (value: unknown): Promise<void> => {
      if (value instanceof Blob) return addBinary(new Uint8Array(await value.arrayBuffer()));
      if (value instanceof ArrayBuffer) return addBinary(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return addBinary(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value instanceof CryptoKey) {
        parts.push(`[CryptoKey ${value.algorithm.name}]`);
        return;
      }
      if (Array.isArray(value)) {
        for (const item of value) await walk(item);
        return;
      }
      if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
          parts.push(key);
          await walk(item);
        }
        return;
      }
      parts.push(String(value));
    };
    const addBinary = (bytes: Uint8Array) => {
      parts.push(new TextDecoder('utf-8').decode(bytes), Buffer.from(bytes).toString('latin1'));
    };
    for (const value of values) await walk(value);
    return { text: parts.join('\n'), rows: values.length };
  } finally {
    db.close();
  }
}

export interface AccessEventOptions extends Partial<AccessEvent> {
  /** Shorthand for `occurredAt`. */
  at?: Date;
}

/** What the audit trail should never show in clear: the SSP URL of MARIGOLD's crisis plan PDF, as sent through the gateway. */
export const SSP_PDF_REQUEST_URL = `${GATEWAY}/ssp/${encodeURIComponent(SSP_PDF)}`;

/**
 * A realistic AccessEvent: by default the crisis plan PDF for `nhsNumber` retrieved through SSP
 * and answered 200. Pass `action` and the matching `request`/`outcome` for other kinds, or use
 * `accessEventFor` for each kind's usual shape.
 */
export function buildAccessEvent(options: AccessEventOptions = {}): AccessEvent {
  const { at, ...fields } = options;
  const nhsNumber = fields.nhsNumber ?? MARIGOLD;
  const occurredAt = fields.occurredAt ?? (at ?? NOW).toISOString();
  // Tests also pass occurredAt values that are not instants at all.
  const sentAt = Number.isNaN(Date.parse(occurredAt)) ? (at ?? NOW).getTime() : Date.parse(occurredAt);
  return {
    id: crypto.randomUUID(),
    action: 'document-retrieval',
    nhsNumber,
    organisationOds: CREW_ODS,
    actor: CREW_ACTOR,
    asid: '200000009999',
    correlationId: crypto.randomUUID(),
    pointerId: `RX4-crisis-${nhsNumber}`,
    occurredAt,
    request: { method: 'GET', url: SSP_PDF_REQUEST_URL, requestId: crypto.randomUUID() },
    outcome: { kind: 'answered', status: 200, answeredAt: new Date(sentAt + 800).toISOString() },
    ...fields,
  };
}

/** Each action with the request and outcome it usually has, for `nhsNumber`. */
export function accessEventFor(action: AccessEvent['action'], nhsNumber: NhsNumber = MARIGOLD, at: Date = NOW): AccessEvent {
  const base = buildAccessEvent({ nhsNumber, at });
  switch (action) {
    case 'patient-read':
      return { ...base, action, pointerId: undefined, request: { method: 'GET', url: `${GATEWAY}/pds/Patient/${nhsNumber}`, requestId: crypto.randomUUID() } };
    case 'patient-search': {
      // A search by details names no patient; its terms are the query.
      const query = 'family=Ashdown&birthdate=eq1984-06-01&_max-results=10';
      return { ...base, action, nhsNumber: undefined, query, pointerId: undefined, request: { method: 'GET', url: `${GATEWAY}/pds/Patient?${query}`, requestId: crypto.randomUUID() } };
    }
    case 'pointer-search':
      // The number travels in the body, not the URL.
      return { ...base, action, pointerId: undefined, request: { method: 'POST', url: `${GATEWAY}/nrl/DocumentReference/_search`, requestId: crypto.randomUUID() } };
    case 'document-retrieval':
      return base;
    case 'saved-copy-view':
      return { ...base, action, request: undefined, outcome: { kind: 'shown-from-device' } };
  }
}
