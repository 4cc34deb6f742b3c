/**
 * A PDF plan, every page drawn to the width of the screen with its text laid over it.
 * Loaded lazily from PlanDocumentView, so pdf.js is fetched only when a PDF plan is opened.
 */
import { useEffect, useRef, useState } from 'react';
import { TextLayer } from 'pdfjs-dist';
import type { PDFPageProxy } from 'pdfjs-dist';
import { isPasswordError, openPlanPdf } from './open-plan-pdf';
import { PdfPlanPage } from './pdf-plan-page';
import { PlanOpening, PlanUnreadable } from './plan-notices';
import { planWords } from './plan-words';
import { useElementWidth } from './use-element-width';

type Opened =
  | { readonly status: 'ready'; readonly pages: readonly PDFPageProxy[] }
  | { readonly status: 'failed'; readonly detail: string };

export function PdfPlanView({ bytes }: { bytes: Uint8Array }) {
  const pagesRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(pagesRef);
  // Tagged with the bytes it came from, so a different plan shows "opening" at once instead
  // of the previous plan's pages.
  const [opened, setOpened] = useState<{ readonly source: Uint8Array; readonly result: Opened } | null>(null);

  useEffect(() => {
    const task = openPlanPdf(bytes);
    let current = true;
    task.promise
      .then((pdf) => Promise.all(Array.from({ length: pdf.numPages }, (_, index) => pdf.getPage(index + 1))))
      .then(
        (pages) => {
          if (current) setOpened({ source: bytes, result: { status: 'ready', pages } });
        },
        (error: unknown) => {
          if (!current) return;
          console.warn('Plan PDF could not be opened', error);
          const detail = isPasswordError(error) ? planWords.passwordProtected : planWords.unreadable;
          setOpened({ source: bytes, result: { status: 'failed', detail } });
        },
      );
    return () => {
      current = false;
      // Frees the document and its pages (the shared worker stays, for the next plan); then
      // drops the text layers' shared measuring canvas (pdf.js keeps it while any text layer is
      // still rendering).
      void task.destroy().finally(() => TextLayer.cleanup());
    };
  }, [bytes]);

  const result = opened?.source === bytes ? opened.result : null;
  return (
    <div ref={pagesRef}>
      {result?.status === 'failed' ? (
        <PlanUnreadable detail={result.detail} />
      ) : result === null || width === null ? (
        <PlanOpening />
      ) : (
        result.pages.map((page, index) => (
          <PdfPlanPage key={index} page={page} pageNumber={index + 1} pageCount={result.pages.length} width={width} />
        ))
      )}
    </div>
  );
}
