/**
 * UK phone numbers in one written form and one dialling form, whatever way the page or plan
 * wrote them ("+44 (0)1632 960001", "01632-960-001", "(01632) 960001").
 */
import { stripBidiControls } from './contact-details';

const SHORT_CODES = /^(?:999|111|112|116\d{3}|18001)$/;

/**
 * The national digits ("01632960001") of a UK number as written, or undefined when it does not
 * hold one. An extension ("ext. 214", "x214") is left off: a phone cannot dial it.
 */
export function nationalDigits(written: string): string | undefined {
  let text = stripBidiControls(written).replace(/\s*(?:ext\.?|extension|x)\s*\d+\s*$/i, '');
  text = text.replace(/\(0\)/g, '').trim();
  if (/[^\d\s()+.\-\u00a0]/.test(text)) return undefined;
  const international = /^(?:\+|00)\s*44/.test(text);
  let digits = text.replace(/\D/g, '');
  if (international) digits = `0${digits.replace(/^(?:00)?44/, '')}`;
  if (SHORT_CODES.test(digits) && !international) return digits;
  if (!/^0[1-37-9]\d{8,9}$/.test(digits)) return undefined;
  // Only 01 numbers (and 0800 freephone) have 10 digits; everything else has 11.
  if (digits.length === 10 && !/^01|^0800/.test(digits)) return undefined;
  return digits;
}

/** `tel:` URI in the national dialling form ("tel:01632960001"), or undefined. */
export function dialUri(written: string): string | undefined {
  const digits = nationalDigits(written);
  return digits ? `tel:${digits}` : undefined;
}

/** True for 999, 111 and 112: never offered as a team's number. */
export function isEmergencyOrAdviceNumber(written: string): boolean {
  const digits = nationalDigits(written);
  return digits !== undefined && /^(?:999|111|112)$/.test(digits);
}

/**
 * The one way numbers are shown, spaced by area code as the NHS and GOV.UK style guides do:
 * "020 7946 0000", "0113 496 0000", "01632 960 001", "0300 123 4567", "07700 900 123",
 * "0800 123 456". Text that is not a UK number comes back as written (bidi controls dropped).
 */
export function formatUkNumber(written: string): string {
  const digits = nationalDigits(written);
  if (!digits) return stripBidiControls(written).trim();
  if (digits.length < 10) return digits;
  if (digits.length === 10) {
    return digits.startsWith('0800') ? group(digits, 4, 3, 3) : group(digits, 5, 5);
  }
  if (digits.startsWith('02')) return group(digits, 3, 4, 4);
  if (/^01\d1|^011/.test(digits)) return group(digits, 4, 3, 4);
  if (digits.startsWith('01') || digits.startsWith('07')) return group(digits, 5, 3, 3);
  return group(digits, 4, 3, 4);
}

function group(digits: string, ...sizes: number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}
