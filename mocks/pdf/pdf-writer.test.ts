import { describe, expect, it } from 'vitest';
import { readPdfText } from './pdf-text';
import { writePdf, type PdfBlock } from './pdf-writer';

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');

function sample(blocks: readonly PdfBlock[] = [{ kind: 'title', text: 'Crisis plan' }, { kind: 'paragraph', text: 'Hello' }]) {
  return writePdf({ title: 'Sample', footer: 'Synthetic', createdAt: '2025-11-04T09:00:00Z', blocks });
}

describe('writePdf: file structure', () => {
  const bytes = sample([
    { kind: 'title', text: 'Mental Health Crisis Plan' },
    { kind: 'field', label: 'Name', value: 'Amelia Crossley' },
    { kind: 'page-break' },
    { kind: 'heading', text: 'Triggers' },
    { kind: 'bullet', text: 'Loud arguments' },
  ]);
  const text = latin1(bytes);

  it('starts with the PDF 1.4 header and a binary marker line, and ends with %%EOF', () => {
    expect(text.startsWith('%PDF-1.4\n%')).toBe(true);
    expect(bytes[10]).toBeGreaterThan(127);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('has xref offsets that each point at their own "N 0 obj"', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
    expect(Number(first)).toBe(0);
    const entriesStart = startxref + `xref\n0 ${count}\n`.length;
    for (let number = 0; number < Number(count); number += 1) {
      const entry = text.slice(entriesStart + number * 20, entriesStart + (number + 1) * 20);
      expect(entry, `entry ${number}`).toMatch(/^\d{10} \d{5} [nf] \n$/);
      if (number === 0) continue;
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${number} 0 obj`.length), `object ${number}`).toBe(`${number} 0 obj`);
    }
    expect(text).toContain(`trailer\n<< /Size ${count} /Root 1 0 R /Info 5 0 R >>`);
  });

  it('gives every stream its exact /Length in bytes', () => {
    const streams = [...text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)];
    expect(streams.length).toBe(2);
    for (const match of streams) {
      const start = match.index + match[0].length;
      expect(text.slice(start + Number(match[1]), start + Number(match[1]) + '\nendstream'.length)).toBe('\nendstream');
    }
  });
});

describe('writePdf: what pdf.js reads', () => {
  it('reads the title, the pages and the text, with escapes and WinAnsi characters intact', async () => {
    const pdf = await readPdfText(
      sample([
        { kind: 'title', text: 'Plan (draft) \\ final' },
        { kind: 'bullet', text: 'Costs \u00A35 \u2013 “quoted” and ‘single’' },
        { kind: 'page-break' },
        { kind: 'field', label: 'NHS number', value: '999 000 0018' },
      ]),
    );
    expect(pdf.title).toBe('Sample');
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]).toContain('Plan (draft) \\ final');
    expect(pdf.pages[0]).toContain('\u2022 Costs \u00A35 \u2013 “quoted” and ‘single’');
    expect(pdf.pages[1]).toMatch(/^NHS number: 999 000 0018 Synthetic Page 2 of 2$/);
  });

  it('wraps long text and starts new pages by itself, numbering them', async () => {
    const paragraph = 'A long sentence about what helps in a crisis, repeated to fill the page. '.repeat(6);
    const pdf = await readPdfText(sample(Array.from({ length: 30 }, () => ({ kind: 'paragraph' as const, text: paragraph }))));
    expect(pdf.pages.length).toBeGreaterThan(2);
    pdf.pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pdf.pages.length}`));
  });

  it('shows Latin-1 names such as Zoë and Siân', async () => {
    expect((await readPdfText(sample([{ kind: 'paragraph', text: 'Zoë Siân Seán' }]))).pages[0]).toContain('Zoë Siân Seán');
  });

  it.each(['Łukasz', 'Crisis \u{1F691}'])('refuses %s, which the standard fonts cannot show, rather than garbling it', (text) => {
    expect(() => sample([{ kind: 'paragraph', text }])).toThrow(/WinAnsi/);
  });
});
