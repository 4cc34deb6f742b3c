import type { PDFPageProxy } from 'pdfjs-dist';

type PageText = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

const read = new WeakMap<PDFPageProxy, Promise<PageText>>();

/**
 * A page's text as pdf.js reads it (normalised), read once per page however many parts of the
 * viewer ask: the first page's is wanted by the name check and by the call links under it, and
 * each read is a round trip to the worker. A failed read is not kept, so it can be tried again.
 */
export function pageText(page: PDFPageProxy): Promise<PageText> {
  let text = read.get(page);
  if (!text) {
    text = page.getTextContent();
    read.set(page, text);
    text.catch(() => {
      if (read.get(page) === text) read.delete(page);
    });
  }
  return text;
}
