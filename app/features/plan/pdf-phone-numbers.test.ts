import { describe, expect, it } from 'vitest';
import { pdfLines, phoneNumbersOnPdfPage, type PdfTextItem } from './pdf-phone-numbers';

const lines = (...texts: string[]): PdfTextItem[] => texts.map((str) => ({ str, hasEOL: true }));

describe('phone numbers on a PDF page', () => {
  it('joins text items into lines at their ends of line, skipping marked content', () => {
    expect(pdfLines([{ str: 'Crisis line: ' }, { type: 'beginMarkedContent' }, { str: '01632 960 417', hasEOL: true }, { str: 'Next' }])).toEqual([
      'Crisis line: 01632 960 417',
      'Next',
    ]);
  });

  it('lists each number for calling once, in the one format, with its national digits', () => {
    expect(phoneNumbersOnPdfPage(lines('Crisis line (24 hours): 01632 960417', 'Care coordinator: +44 (0)113 496 0000', 'Again: 01632 960 417'))).toEqual([
      { display: '01632 960 417', digits: '01632960417', label: 'Crisis line (24 hours)' },
      { display: '0113 496 0000', digits: '01134960000', label: 'Care coordinator' },
    ]);
  });

  it('never lists an NHS number, a date, 999 or 111, nor a fax or text-only number', () => {
    expect(
      phoneNumbersOnPdfPage(
        lines('NHS number: 999 000 0018', 'Date of birth: 14/03/1991', 'In an emergency call 999 or 111', 'Fax: 01632 960 019', 'Text only', '07700 900 019'),
      ),
    ).toEqual([]);
  });
});
