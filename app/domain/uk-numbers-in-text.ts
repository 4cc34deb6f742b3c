/**
 * UK phone numbers written in free text (a plan's words), with where they sit. Never an NHS
 * number (10 digits, 3-3-4, passing the Modulus 11 check), never a CHI number (10 digits
 * starting with a date of birth, DDMMYY), never a date or time, never 999 or 111 alone.
 */
import { checkDigitFor } from './nhs-number';
import { formatUkNumber, nationalDigits } from './uk-phone-number';

export interface NumberInText {
  /** Index of the first character of the number as written. */
  readonly start: number;
  /** Index after its last character. */
  readonly end: number;
  readonly written: string;
  /** National digits, e.g. "01632960001". */
  readonly digits: string;
  /** In the app's one format, e.g. "01632 960 001". */
  readonly display: string;
}

/** A run of digit groups with the separators numbers are written with (spaces, hyphens, brackets). */
const CANDIDATE = /(?<![\w+.])(?:(?:\+|00)\s?44[\s-]?(?:\(0\)[\s-]?)?|\(0)?\d[\d\s\u00a0()-]*\d\)?(?![\w.]\d|\d)/g;
const GROUP = /\(?\+?\d+\)?/g;

export function ukNumbersInText(text: string): NumberInText[] {
  const found: NumberInText[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    found.push(...numbersInRun(text, match.index, match[0]));
  }
  return found;
}

/** A run can hold two numbers side by side ("01632 960001 / 0113 496 0000" splits at "/", but not "01632 960001 0113 4960000"). */
function numbersInRun(text: string, runStart: number, run: string): NumberInText[] {
  const groups = [...run.matchAll(GROUP)].map((g) => ({ start: g.index, end: g.index + g[0].length }));
  const found: NumberInText[] = [];
  let first = 0;
  while (first < groups.length) {
    let taken: NumberInText | undefined;
    for (let last = first; last < groups.length && last < first + 6; last++) {
      const { offset, written } = balanced(run.slice(groups[first]!.start, groups[last]!.end));
      const start = runStart + groups[first]!.start + offset;
      const digits = nationalDigits(written);
      if (digits && digits.length >= 10 && isPhoneShaped(written, digits, text, start)) {
        taken = { start, end: start + written.length, written, digits, display: formatUkNumber(written) };
        break;
      }
    }
    if (taken) {
      found.push(taken);
      while (first < groups.length && runStart + groups[first]!.start < taken.end) first++;
    } else {
      first++;
    }
  }
  return found;
}

/** Drops a bracket that opens or closes outside the number ("(01632 960001)" gives "01632 960001"). */
function balanced(text: string): { offset: number; written: string } {
  let offset = 0;
  let written = text;
  const count = (c: string) => written.split(c).length - 1;
  // A number's own brackets only go round its area code: "(01632) 960001".
  if (written.startsWith('(') && !/^\(0\d{2,4}\)/.test(written)) {
    written = written.slice(1);
    offset = 1;
  }
  if (written.endsWith(')') && count(')') > count('(')) written = written.slice(0, -1);
  return { offset, written };
}

function isPhoneShaped(written: string, digits: string, text: string, start: number): boolean {
  const bare = written.replace(/\D/g, '');
  const before = text.slice(Math.max(0, start - 24), start);
  if (/\b(?:nhs|chi|hospital|mrn|patient)\s*(?:no\.?|number|num)?\s*[:#]?\s*$/i.test(before)) return false;
  if (bare.length === 10 && !written.startsWith('+')) {
    // An NHS number is written 3-3-4 and passes Modulus 11; a CHI number is DDMMYY and four digits.
    if (/^\d{3}[\s-]\d{3}[\s-]\d{4}$/.test(written.trim()) && checkDigitFor(bare.slice(0, 9)) === Number(bare[9])) return false;
    if (/^\d{6}[\s-]?\d{4}$/.test(written.trim()) && isDdMmYy(bare.slice(0, 6))) return false;
  }
  return digits.length >= 10;
}

function isDdMmYy(six: string): boolean {
  const day = Number(six.slice(0, 2));
  const month = Number(six.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}
