import { NHS_NUMBER_SYSTEM } from './nhs-number';

/** One place a FHIR document names a patient by NHS number. */
export interface NamedPatient {
  /** Where, for logs: e.g. `CarePlan.subject`, `Bundle.entry[2] Patient.identifier`. Never the number. */
  readonly where: string;
  /** As written, spaces removed: not necessarily a valid NHS number. */
  readonly nhsNumber: string;
}

type Json = Readonly<Record<string, unknown>>;

/** References that say whose record a resource is (FHIR R4: subject, patient, beneficiary, for). */
const PATIENT_REFERENCES = ['subject', 'patient', 'beneficiary', 'for'] as const;

/** A real plan nests a level or two (Bundle → Composition, contained); this bounds a hostile one. */
const MAX_DEPTH = 4;

/**
 * Every NHS number a FHIR resource names for its patient: the subject-like references'
 * identifiers, and the identifiers of any Patient it contains or bundles, at any depth up to a
 * bound. Literal references (`Patient/123`) are server ids, not NHS numbers, and are not read;
 * a contained or bundled Patient they point at is read directly. Empty when the document names
 * no NHS number, which means it cannot be checked this way.
 */
export function patientsNamedIn(resource: Json): NamedPatient[] {
  const found: NamedPatient[] = [];
  visit(resource, typeOf(resource), 0, found);
  return found;
}

function visit(resource: Json, path: string, depth: number, found: NamedPatient[]): void {
  if (resource['resourceType'] === 'Patient') {
    for (const nhsNumber of nhsNumbersIn(arrayAt(resource, 'identifier'))) found.push({ where: `${path}.identifier`, nhsNumber });
  }
  for (const key of PATIENT_REFERENCES) {
    const reference = resource[key];
    for (const item of Array.isArray(reference) ? reference : [reference]) {
      if (!isObject(item)) continue;
      for (const nhsNumber of nhsNumbersIn([item['identifier']])) found.push({ where: `${path}.${key}`, nhsNumber });
    }
  }
  if (depth >= MAX_DEPTH) return;
  arrayAt(resource, 'contained').forEach((inner, index) => {
    if (isObject(inner)) visit(inner, `${path}.contained[${index}] ${typeOf(inner)}`, depth + 1, found);
  });
  arrayAt(resource, 'entry').forEach((entry, index) => {
    const inner = isObject(entry) ? entry['resource'] : undefined;
    if (isObject(inner)) visit(inner, `${path}.entry[${index}] ${typeOf(inner)}`, depth + 1, found);
  });
}

function nhsNumbersIn(identifiers: readonly unknown[]): string[] {
  return identifiers.flatMap((identifier) => {
    if (!isObject(identifier) || identifier['system'] !== NHS_NUMBER_SYSTEM) return [];
    const value = identifier['value'];
    return typeof value === 'string' ? [value.replace(/\s+/g, '')] : [];
  });
}

function typeOf(resource: Json): string {
  const type = resource['resourceType'];
  return typeof type === 'string' ? type : 'Resource';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(object: Json, key: string): readonly unknown[] {
  const value = object[key];
  return Array.isArray(value) ? value : [];
}
