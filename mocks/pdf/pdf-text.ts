/**
 * For tests: what pdf.js (the app's renderer) reads out of a PDF, page by page. Reading with the
 * same library the app uses is the real check that the writer's output is usable.
 */
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

export interface PdfText {
  readonly title: string | undefined;
  /** Each page's text items, joined with single spaces. */
  readonly pages: readonly string[];
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of the buffer it is given, so hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return { title: typeof title === 'string' ? title : undefined, pages };
  } finally {
    await pdf.destroy();
  }
}
