/**
 * The labelled lines of a plan ("Name: Amelia Crossley"), read from each form a producer may
 * publish, for the name check (domain/plan-name-match.ts). Reads only what is already in hand:
 * sanitised HTML, the first PDF page's text, the FHIR resource.
 */
import { fieldsFromLines, type PlanField } from '../../domain/plan-name-match';

/** pdf.js TextContent items: text runs with a position, the last of each line marked. */
interface PdfTextItem {
  readonly str: string;
  readonly hasEOL: boolean;
  readonly transform: readonly number[];
}

/** Fields from one page of PDF text: runs on the same baseline join into one line. */
export function planFieldsFromPdfText(items: readonly unknown[]): PlanField[] {
  const lines: string[] = [];
  let line = '';
  let baseline: number | undefined;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const y = item.transform[5];
    if (baseline !== undefined && y !== undefined && Math.abs(y - baseline) > 2 && line !== '') {
      lines.push(line);
      line = '';
    }
    line += item.str;
    baseline = y ?? baseline;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return fieldsFromLines(lines);
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string' && Array.isArray((item as PdfTextItem).transform);
}

/**
 * Fields from sanitised plan HTML: a table row's header and first cell, a term and its
 * description, or a "Label: value" line of text.
 */
export function planFieldsFromHtml(safeHtml: string): PlanField[] {
  const template = document.createElement('template');
  template.innerHTML = safeHtml;
  const root = template.content;
  const fields: PlanField[] = [];
  for (const row of root.querySelectorAll('tr')) {
    const [label, value] = [...row.querySelectorAll('th, td')].map(text);
    if (label && value) fields.push({ label: label.replace(/:$/, ''), value });
  }
  for (const term of root.querySelectorAll('dt')) {
    const description = term.nextElementSibling;
    if (description?.tagName === 'DD') fields.push({ label: text(term).replace(/:$/, ''), value: text(description) });
  }
  const lines = [...root.querySelectorAll('p, li, div, span, td, h1, h2, h3, h4, h5, h6')].map(text);
  return [...fields, ...fieldsFromLines(lines)];
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

type Json = Readonly<Record<string, unknown>>;

/**
 * Fields from a FHIR plan: the display of its subject-like reference, or the name of a Patient it
 * contains or bundles (first found).
 */
export function planFieldsFromFhir(resource: Json): PlanField[] {
  const fields: PlanField[] = [];
  visit(resource, 0, fields);
  return fields;
}

function visit(resource: Json, depth: number, fields: PlanField[]): void {
  if (resource['resourceType'] === 'Patient') {
    const name = firstName(resource['name']);
    if (name) fields.push({ label: 'Name', value: name });
  }
  for (const key of ['subject', 'patient', 'beneficiary', 'for']) {
    const reference = resource[key];
    if (isObject(reference) && typeof reference['display'] === 'string') fields.push({ label: 'Name', value: reference['display'] });
  }
  if (depth >= 4) return;
  for (const inner of arrayAt(resource, 'contained')) if (isObject(inner)) visit(inner, depth + 1, fields);
  for (const entry of arrayAt(resource, 'entry')) {
    const inner = isObject(entry) ? entry['resource'] : undefined;
    if (isObject(inner)) visit(inner, depth + 1, fields);
  }
}

/** A HumanName's text, or its given names and family name. */
function firstName(names: unknown): string | undefined {
  const name = Array.isArray(names) ? names.find(isObject) : undefined;
  if (!name) return undefined;
  if (typeof name['text'] === 'string' && name['text'].trim() !== '') return name['text'];
  const given = Array.isArray(name['given']) ? name['given'].filter((part): part is string => typeof part === 'string') : [];
  const family = typeof name['family'] === 'string' ? name['family'] : '';
  const whole = [...given, family].join(' ').trim();
  return whole === '' ? undefined : whole;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(object: Json, key: string): readonly unknown[] {
  const value = object[key];
  return Array.isArray(value) ? value : [];
}
