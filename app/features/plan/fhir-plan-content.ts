/**
 * What a crew can read from a FHIR resource: the author's narrative where there is one, and a
 * plain summary of its top-level fields where there is not. Pure: no DOM, no sanitising (the
 * narrative is still untrusted XHTML and must go through sanitisePlanHtml before display).
 */

export interface FhirNarrative {
  /** A section title (FHIR document sections), shown as a heading above the narrative. */
  readonly heading?: string | undefined;
  readonly xhtml: string;
}

export interface FhirField {
  readonly label: string;
  readonly value: string;
}

export interface FhirPlanContent {
  readonly resourceType: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly status?: string | undefined;
  /** Every other top-level string, number or true/false field, in the resource's own order. */
  readonly fields: readonly FhirField[];
  readonly narratives: readonly FhirNarrative[];
}

type Json = Readonly<Record<string, unknown>>;

const SUMMARY_KEYS = new Set(['resourceType', 'description', 'status']);

/** Bundles and sections nest; a real plan is a few levels deep, this bounds a hostile one. */
const MAX_DEPTH = 4;

export function readFhirPlan(resource: Json): FhirPlanContent {
  const titleKey = stringAt(resource, 'title') ? 'title' : 'name';
  const fields: FhirField[] = [];
  for (const [key, value] of Object.entries(resource)) {
    if (SUMMARY_KEYS.has(key) || key === titleKey) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields.push({ label: labelFor(key), value: String(value) });
    }
  }
  return {
    resourceType: stringAt(resource, 'resourceType') ?? 'Unknown',
    title: stringAt(resource, titleKey),
    description: stringAt(resource, 'description'),
    status: stringAt(resource, 'status'),
    fields,
    narratives: collectNarratives(resource, 0),
  };
}

/**
 * The resource's own narrative, then (for a FHIR document: Bundle → Composition → sections) the
 * section narratives in reading order, which is how FHIR defines a document's human-readable
 * content. Only Composition entries of a Bundle are read: the Patient and Practitioner entries
 * beside them are for machines, and a Patient narrative could show an address that PDS marks
 * as restricted.
 */
function collectNarratives(resource: Json, depth: number): FhirNarrative[] {
  const found: FhirNarrative[] = [];
  const own = narrativeOf(resource);
  if (own) found.push({ xhtml: own });
  if (depth >= MAX_DEPTH) return found;
  for (const entry of arrayAt(resource, 'entry')) {
    const inner = isObject(entry) ? entry['resource'] : undefined;
    if (isObject(inner) && inner['resourceType'] === 'Composition') found.push(...collectNarratives(inner, depth + 1));
  }
  for (const section of arrayAt(resource, 'section')) {
    if (!isObject(section)) continue;
    const heading = stringAt(section, 'title');
    const [first, ...rest] = collectNarratives(section, depth + 1);
    if (first) found.push({ heading: first.heading ?? heading, xhtml: first.xhtml }, ...rest);
  }
  return found;
}

function narrativeOf(element: Json): string | undefined {
  const text = element['text'];
  if (!isObject(text)) return undefined;
  const div = stringAt(text, 'div');
  return div?.trim() ? div : undefined;
}

/** "lastUpdated" → "Last updated", "id" → "ID". */
export function labelFor(key: string): string {
  if (key === 'id') return 'ID';
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringAt(object: Json, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function arrayAt(object: Json, key: string): readonly unknown[] {
  const value = object[key];
  return Array.isArray(value) ? value : [];
}
