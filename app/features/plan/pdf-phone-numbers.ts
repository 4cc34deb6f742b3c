/**
 * Phone numbers written in a PDF plan's text, for the list of call links under each page
 * (issue 9 point 3). pdf.js's text layer is transparent text over the drawing: a link inside it
 * would be invisible and as small as the print, so the numbers a page gives for calling are
 * offered as ordinary, big links below the page instead. The same rules as in HTML plans
 * (link-phone-numbers.ts): never an NHS or CHI number, a date, 999 or 111 alone, and not a
 * number the words before it give as a fax, textphone or text-only line.
 */
import { numberUseOf } from '../../domain/number-use';
import { ukNumbersInText } from '../../domain/uk-numbers-in-text';

/** What pdf.js's getTextContent gives: text items, and marked-content items without text. */
export type PdfTextItem = { readonly str: string; readonly hasEOL?: boolean } | { readonly type: string };

export interface PdfPhoneNumber {
  /** In the app's one format. */
  readonly display: string;
  /** National digits, for the tel: link. */
  readonly digits: string;
  /** The words before it on its line ("Crisis line (24 hours)"), when there are any. */
  readonly label?: string;
}

/** How far back the words that say what a number is for are looked for, as in HTML plans. */
const CONTEXT_CHARACTERS = 40;
/** The most of a line's words shown beside its number. */
const LABEL_CHARACTERS = 60;

export function pdfLines(items: readonly PdfTextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (!('str' in item)) continue;
    line += item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Each callable number once, in the order the page gives them. */
export function phoneNumbersOnPdfPage(items: readonly PdfTextItem[]): PdfPhoneNumber[] {
  const found = new Map<string, PdfPhoneNumber>();
  let previousLine = '';
  for (const line of pdfLines(items)) {
    let wordsFrom = 0;
    for (const number of ukNumbersInText(line)) {
      // The words since the previous number on this line (or the end of the line before).
      const words = line.slice(wordsFrom, number.start);
      const context = (wordsFrom === 0 ? `${previousLine} ` : '') + words;
      wordsFrom = number.end;
      if (numberUseOf(context.slice(-CONTEXT_CHARACTERS)) !== 'call') continue;
      const label = words.replace(/[\s:;,–-]+$/u, '').replace(/^[\s:;,/•·*–-]+/u, '').slice(-LABEL_CHARACTERS);
      if (!found.has(number.digits)) found.set(number.digits, { display: number.display, digits: number.digits, ...(label ? { label } : {}) });
    }
    previousLine = line;
  }
  return [...found.values()];
}
