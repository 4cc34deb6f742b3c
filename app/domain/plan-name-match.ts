/**
 * Does the name a plan is written for match the person PDS confirmed? PDF and HTML plans carry
 * no NHS number the app can read reliably, but they almost always print the name where they
 * label it ("Name:", "Patient name:"). A different name is a warning for the crew to check,
 * never a block: names are written many ways, and the NHS number on the plan is the real check
 * (issue 9 point 6).
 */
import type { PatientName } from './patient';

/** A labelled line of a plan, as the viewer read it: "Name: Amelia Crossley". */
export interface PlanField {
  readonly label: string;
  readonly value: string;
}

export type PlanNameCheck =
  /** Family name and a given name agree, allowing for case, accents, order, titles and a missing middle name. */
  | { readonly kind: 'same'; readonly planName: string }
  /** The plan names someone else, or spells them differently: the crew should check. */
  | { readonly kind: 'different'; readonly planName: string }
  /** Nothing to compare: the plan labels no name, or PDS gave none (a restricted record may withhold it). */
  | { readonly kind: 'not-compared' };

/** Labels that name the person the plan is for. Not "Preferred name", "Next of kin name" and the like. */
const WHOLE_NAME_LABEL = /^(?:(?:patient|client|service user|person)(?:'s|’s)?\s+)?(?:full\s+)?name(?:\s+of\s+(?:patient|client|service user|person))?$/;
const FAMILY_LABEL = /^(?:surname|family name|last name)$/;
const GIVEN_LABEL = /^(?:forenames?|first names?|given names?|christian names?)$/;

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'rev', 'revd', 'master']);

/** Longest name shown back to the crew: a plan's "name" field could hold a paragraph. */
const MAX_SHOWN = 80;

/** Splits "Label: value" lines into fields; a line with no colon is not a field. */
export function fieldsFromLines(lines: readonly string[]): PlanField[] {
  return lines.flatMap((line) => {
    const match = /^\s*([^:]{1,40}?)\s*:\s*(.+?)\s*$/.exec(line);
    return match ? [{ label: match[1]!, value: match[2]! }] : [];
  });
}

/**
 * The name the plan is written for, as it prints it: the first whole-name field, else
 * forenames and surname fields together. Undefined when the plan labels no name.
 */
export function findPlanName(fields: readonly PlanField[]): string | undefined {
  const labelled = (pattern: RegExp) => fields.find((field) => pattern.test(normaliseLabel(field.label)) && field.value.trim() !== '');
  const whole = labelled(WHOLE_NAME_LABEL);
  if (whole) return cleanValue(whole.value);
  const family = labelled(FAMILY_LABEL);
  if (!family) return undefined;
  const given = labelled(GIVEN_LABEL);
  return cleanValue([given?.value, family.value].filter(Boolean).join(' '));
}

/**
 * Compares the plan's name with PDS's. Same when every word of PDS's family name is in the plan's
 * name and one of the plan's other words is one of PDS's given names (or its initial); order,
 * titles, case, accents, hyphens and apostrophes do not count, and a middle name on one side only
 * is allowed. A plan naming only a family name is compared on that alone.
 */
export function checkPlanName(planName: string | undefined, confirmed: PatientName | undefined): PlanNameCheck {
  if (planName === undefined || confirmed === undefined) return { kind: 'not-compared' };
  const familyWords = words(confirmed.family);
  const givenWords = confirmed.given.flatMap(words);
  const planWords = words(planName).filter((word) => !TITLES.has(word));
  if (familyWords.length === 0 || planWords.length === 0) return { kind: 'not-compared' };
  const shown = planName.length > MAX_SHOWN ? `${planName.slice(0, MAX_SHOWN - 1)}…` : planName;

  const familyFound = familyWords.every((word) => planWords.includes(word));
  if (!familyFound) return { kind: 'different', planName: shown };
  const planGiven = planWords.filter((word) => !familyWords.includes(word));
  if (planGiven.length === 0) return { kind: 'same', planName: shown };
  const givenFound = planGiven.some((word) =>
    givenWords.some((given) => given === word || (word.length === 1 && given.startsWith(word))),
  );
  return { kind: givenFound ? 'same' : 'different', planName: shown };
}

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\(s\)/g, '').replace(/[*.]/g, '').replace(/\s+/g, ' ').trim();
}

/** Drops what often follows a name on the same line: "(known as Millie)", a date, an NHS number. */
function cleanValue(value: string): string | undefined {
  const cleaned = value
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s{2,}|\t|\b(?:DOB|D\.O\.B|Date of birth|NHS)\b/i)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Lower case, accents off, apostrophes dropped, hyphens and commas as spaces, no digits. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
}
