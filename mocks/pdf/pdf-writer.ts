/**
 * A very small PDF 1.4 writer for the synthetic plan documents. Real producers send PDFs through
 * SSP (docs/national-apis.md §2.1), so the mocks must serve real PDFs that pdf.js can both draw
 * and read text from (the plan screen's text layer, e2e text searches). Text only: the 14
 * standard fonts need no embedding, WinAnsi covers the characters the documents use, and every
 * string is written with octal escapes so the file stays 7-bit apart from the binary marker.
 */

export type PdfBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'bullet'; readonly text: string }
  /** A bold label followed by its value on the same line, e.g. "NHS number: 999 000 0018". */
  | { readonly kind: 'field'; readonly label: string; readonly value: string }
  | { readonly kind: 'page-break' };

export interface PdfSpec {
  /** Document title (Info dictionary), shown by viewers in the title bar. */
  readonly title: string;
  /** Written small at the foot of every page, with "Page n of m". */
  readonly footer: string;
  /** ISO instant for the Info CreationDate, so output is reproducible. */
  readonly createdAt: string;
  readonly blocks: readonly PdfBlock[];
}

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN_X = 56;
const TOP_Y = PAGE_HEIGHT - 64;
const BOTTOM_Y = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const BULLET_INDENT = 14;

type FontName = 'F1' | 'F2'; // F1 Helvetica, F2 Helvetica-Bold

/** WinAnsi bytes for the typographic characters outside Latin-1 that documents use. */
const WIN_ANSI: Readonly<Record<string, number>> = {
  '\u2022': 0x95, // bullet
  '\u2013': 0x96, // en dash
  '\u2014': 0x97, // em dash
  '\u2018': 0x91,
  '\u2019': 0x92,
  '\u201C': 0x93,
  '\u201D': 0x94,
};

/** Helvetica advance widths (per 1000 em) for ASCII 32–126, from the standard font metrics. */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
] as const;
const WIN_ANSI_WIDTHS: Readonly<Record<number, number>> = {
  0x95: 350,
  0x96: 556,
  0x97: 1000,
  0x91: 222,
  0x92: 222,
  0x93: 333,
  0x94: 333,
};

function winAnsiBytes(text: string): number[] {
  return Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) return code;
    // WinAnsi matches Latin-1 from 0xA0 up: Zoë, Siân and Seán need nothing special.
    if (code >= 0xa0 && code <= 0xff) return code;
    const mapped = WIN_ANSI[char];
    if (mapped === undefined) throw new Error(`pdf-writer: no WinAnsi byte for ${JSON.stringify(char)} in ${JSON.stringify(text)}`);
    return mapped;
  });
}

/**
 * Width in points. Latin-1 letters count as an average 556 units and bold as 6% wider than
 * regular Helvetica: close enough for wrapping.
 */
function textWidth(text: string, font: FontName, size: number): number {
  const units = winAnsiBytes(text).reduce((sum, byte) => sum + (HELVETICA_WIDTHS[byte - 0x20] ?? WIN_ANSI_WIDTHS[byte] ?? 556), 0);
  return (units / 1000) * size * (font === 'F2' ? 1.06 : 1);
}

function pdfString(text: string): string {
  const body = winAnsiBytes(text)
    .map((byte) => {
      if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
      if (byte >= 0x80) return `\\${byte.toString(8).padStart(3, '0')}`;
      return String.fromCharCode(byte);
    })
    .join('');
  return `(${body})`;
}

function wrap(text: string, font: FontName, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, font, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function textOp(x: number, y: number, runs: readonly { font: FontName; size: number; text: string }[]): string {
  const shown = runs.map((run) => `/${run.font} ${run.size} Tf ${pdfString(run.text)} Tj`).join(' ');
  return `BT 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm ${shown} ET`;
}

/** Lays the blocks out into pages of content-stream operators. */
function layOut(blocks: readonly PdfBlock[]): string[][] {
  const pages: string[][] = [[]];
  let y = TOP_Y;
  const current = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push([]);
    y = TOP_Y;
  };
  const advance = (height: number) => {
    if (y - height < BOTTOM_Y) newPage();
    y -= height;
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'page-break':
        newPage();
        break;
      case 'title':
        for (const line of wrap(block.text, 'F2', 18, TEXT_WIDTH)) {
          advance(24);
          current().push(textOp(MARGIN_X, y, [{ font: 'F2', size: 18, text: line }]));
        }
        y -= 8;
        current().push(`q 0.8 w ${MARGIN_X} ${y.toFixed(2)} m ${PAGE_WIDTH - MARGIN_X} ${y.toFixed(2)} l S Q`);
        y -= 6;
        break;
      case 'heading':
        advance(10); // space above a heading
        for (const line of wrap(block.text, 'F2', 13, TEXT_WIDTH)) {
          advance(18);
          current().push(textOp(MARGIN_X, y, [{ font: 'F2', size: 13, text: line }]));
        }
        y -= 2;
        break;
      case 'paragraph':
        for (const line of wrap(block.text, 'F1', 11, TEXT_WIDTH)) {
          advance(15);
          current().push(textOp(MARGIN_X, y, [{ font: 'F1', size: 11, text: line }]));
        }
        y -= 4;
        break;
      case 'bullet': {
        const lines = wrap(block.text, 'F1', 11, TEXT_WIDTH - BULLET_INDENT);
        lines.forEach((line, index) => {
          advance(15);
          if (index === 0) current().push(textOp(MARGIN_X + 2, y, [{ font: 'F1', size: 11, text: '\u2022' }]));
          current().push(textOp(MARGIN_X + BULLET_INDENT, y, [{ font: 'F1', size: 11, text: line }]));
        });
        break;
      }
      case 'field': {
        const label = `${block.label}: `;
        const labelWidth = textWidth(label, 'F2', 11);
        const lines = wrap(block.value, 'F1', 11, TEXT_WIDTH - labelWidth);
        lines.forEach((line, index) => {
          advance(15);
          current().push(
            index === 0
              ? textOp(MARGIN_X, y, [
                  { font: 'F2', size: 11, text: label },
                  { font: 'F1', size: 11, text: line },
                ])
              : textOp(MARGIN_X + labelWidth, y, [{ font: 'F1', size: 11, text: line }]),
          );
        });
        break;
      }
    }
  }
  return pages.filter((page, index) => page.length > 0 || index === 0);
}

function pdfDate(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
}

export function writePdf(spec: PdfSpec): Uint8Array<ArrayBuffer> {
  const pages = layOut(spec.blocks);
  const pageCount = pages.length;

  // Fixed objects first, then a (page, contents) pair per page.
  const objects: string[] = [];
  const pageObjectNumber = (index: number) => 6 + index * 2;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObjectNumber(i)} 0 R`).join(' ')}] /Count ${pageCount} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${pdfString(spec.title)} /Creator (Crew Record Locator synthetic data) /Producer (mocks/pdf/pdf-writer.ts) /CreationDate (${pdfDate(spec.createdAt)}) >>`;
  pages.forEach((operators, index) => {
    const footer = textOp(MARGIN_X, 40, [{ font: 'F1', size: 8, text: `${spec.footer}   Page ${index + 1} of ${pageCount}` }]);
    const stream = [...operators, footer].join('\n');
    objects[pageObjectNumber(index)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObjectNumber(index) + 1} 0 R >>`;
    // Every character of the stream is 7-bit, so its length in characters is its length in bytes.
    objects[pageObjectNumber(index) + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });

  // The second line holds bytes above 127 so tools treat the file as binary (PDF 1.4 §3.4.1).
  let file = '%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n';
  const offsets: number[] = [];
  for (let number = 1; number < objects.length; number += 1) {
    offsets[number] = file.length;
    file += `${number} 0 obj\n${objects[number]!}\nendobj\n`;
  }
  const xrefOffset = file.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, LF.
  file += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let number = 1; number < objects.length; number += 1) {
    file += `${String(offsets[number]).padStart(10, '0')} 00000 n \n`;
  }
  file += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  // One byte per character: the file is Latin-1 by construction (see the marker line above).
  const bytes = new Uint8Array(file.length);
  for (let i = 0; i < file.length; i += 1) bytes[i] = file.charCodeAt(i);
  return bytes;
}
