/**
 * A PDF plan, its pages drawn to the width of the screen with their text laid over them: only
 * the first PDF_PAGE_CAP pages are laid out, and only the pages on screen and next to them
 * hold a canvas (pdf-page-window.ts), so a long plan fits in a tablet's memory.
 * Loaded lazily from PlanDocumentView, so pdf.js is fetched only when a PDF plan is opened.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { TextLayer } from 'pdfjs-dist';
import type { PDFPageProxy } from 'pdfjs-dist';
import type { PlanField } from '../../domain/plan-name-match';
import { isPasswordError, openPlanPdf } from './open-plan-pdf';
import { pageText } from './pdf-page-text';
import { pagesToDraw, shownPages } from './pdf-page-window';
import { PdfPlanPage } from './pdf-plan-page';
import { PdfViewControls, usePdfDim, usePdfZoom } from './pdf-view-controls';
import { planFieldsFromPdfText } from './plan-name-fields';
import { PlanOpening, PlanUnreadable } from './plan-notices';
import { planWords } from './plan-words';
import { useElementWidth } from './use-element-width';

type Opened =
  | { readonly status: 'ready'; readonly pages: readonly PDFPageProxy[]; readonly pageCount: number }
  | { readonly status: 'failed'; readonly detail: string };

interface PdfPlanViewProps {
  readonly bytes: Uint8Array;
  /** Told the first page's labelled lines ("Name: …") once read, for the name check. */
  readonly onFirstPageFields?: (fields: readonly PlanField[]) => void;
}

export function PdfPlanView({ bytes, onFirstPageFields }: PdfPlanViewProps) {
  const onFieldsRef = useRef(onFirstPageFields);
  useEffect(() => {
    onFieldsRef.current = onFirstPageFields;
  });
  const pagesRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(pagesRef);
  // Tagged with the bytes it came from, so a different plan shows "opening" at once instead
  // of the previous plan's pages.
  const [opened, setOpened] = useState<{ readonly source: Uint8Array; readonly result: Opened } | null>(null);

  useEffect(() => {
    const task = openPlanPdf(bytes);
    let current = true;
    task.promise
      .then(async (pdf) => {
        // Only the pages laid out are fetched: each one's size keeps its place on screen.
        const { shown } = shownPages(pdf.numPages);
        const pages = await Promise.all(Array.from({ length: shown }, (_, index) => pdf.getPage(index + 1)));
        return { pages, pageCount: pdf.numPages };
      })
      .then(
        ({ pages, pageCount }) => {
          if (!current) return;
          setOpened({ source: bytes, result: { status: 'ready', pages, pageCount } });
          // The identity block is on the first page. Unread text only means no name check.
          // Read once, with the call links under that page (pdf-page-text.ts).
          const first = pages[0];
          if (!first) return;
          pageText(first).then(
            (content) => {
              if (current) onFieldsRef.current?.(planFieldsFromPdfText(content.items));
            },
            (error: unknown) => console.warn('Plan PDF first page text could not be read for the name check', error),
          );
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
  const pages = result?.status === 'ready' && width !== null ? result.pages : null;
  const drawn = useDrawnPages(pagesRef, pages);
  // The other pages' text waits for the first page's, so it never delays what a crew reads first.
  const [firstText, setFirstText] = useState<readonly PDFPageProxy[] | null>(null);
  const withText = useTextLayersWhenIdle(firstText === pages ? pages : null);
  const [zoom, setZoom] = usePdfZoom();
  const [dim, setDim] = usePdfDim();
  const pageWidth = width === null ? null : Math.floor(width * zoom);
  return (
    <div ref={pagesRef}>
      {result?.status === 'failed' ? (
        <PlanUnreadable detail={result.detail} />
      ) : result === null || pages === null || width === null ? (
        <PlanOpening />
      ) : (
        <>
          <PdfViewControls zoom={zoom} onZoom={setZoom} dim={dim} onDim={setDim} />
          <PagesNotShown shown={pages.length} pageCount={result.pageCount} />
          {/* Wider than the screen when zoomed: this box scrolls sideways, never the whole page. */}
          {/* Focusable, so a keyboard can scroll it too (WCAG 2.1.1). */}
          <div className={dim ? 'crl-pdf-pages crl-pdf-pages--dimmed' : 'crl-pdf-pages'} role="region" aria-label={planWords.pagesBox} tabIndex={0}>
          {pages.map((page, index) => (
            <PdfPlanPage
              key={index}
              page={page}
              pageNumber={index + 1}
              pageCount={result.pageCount}
              width={pageWidth ?? width}
              drawn={drawn.includes(index + 1)}
              withText={index < withText}
              onTextShown={index === 0 ? () => setFirstText(pages) : undefined}
            />
          ))}
          </div>
          <PagesNotShown shown={pages.length} pageCount={result.pageCount} />
        </>
      )}
    </div>
  );
}

/** Said before the first page and after the last one shown, so no crew takes it for the end. */
function PagesNotShown({ shown, pageCount }: { shown: number; pageCount: number }) {
  if (shown >= pageCount) return null;
  return (
    <div className="nhsuk-inset-text">
      <p>{planWords.pagesNotShown(shown, pageCount)}</p>
    </div>
  );
}

/**
 * How many pages, from the first, should have their text layer: one more each time the main
 * thread is idle, so Ctrl+F finds words on pages never drawn. None until `pages` is given.
 */
function useTextLayersWhenIdle(pages: readonly PDFPageProxy[] | null): number {
  const [built, setBuilt] = useState<{ readonly pages: readonly PDFPageProxy[] | null; readonly count: number }>({ pages: null, count: 0 });
  useEffect(() => {
    if (!pages) return;
    const idle = typeof requestIdleCallback === 'function';
    let count = 0;
    let handle: number | undefined;
    const next = () => {
      count += 1;
      setBuilt({ pages, count });
      if (count < pages.length) schedule();
    };
    const schedule = () => {
      handle = idle ? requestIdleCallback(next) : window.setTimeout(next, 50);
    };
    schedule();
    return () => {
      if (handle === undefined) return;
      if (idle) cancelIdleCallback(handle);
      else clearTimeout(handle);
    };
  }, [pages]);
  return built.pages === pages ? built.count : 0;
}

/**
 * The pages to draw, following what is on screen: an IntersectionObserver on each page's
 * placeholder (`data-page-number`). Until it reports, and where there is none, the first pages.
 */
function useDrawnPages(container: RefObject<HTMLDivElement | null>, pages: readonly PDFPageProxy[] | null): readonly number[] {
  const pageCount = pages?.length ?? 0;
  const [drawn, setDrawn] = useState<{ readonly pages: readonly PDFPageProxy[] | null; readonly numbers: readonly number[] }>({
    pages: null,
    numbers: [],
  });

  useEffect(() => {
    const element = container.current;
    if (!element || pageCount === 0 || typeof IntersectionObserver === 'undefined') return;
    const visible = new Set<number>();
    let anchor = 1;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const pageNumber = Number((entry.target as HTMLElement).dataset.pageNumber);
        if (entry.isIntersecting) visible.add(pageNumber);
        else visible.delete(pageNumber);
      }
      // Scrolled past the plan: keep the pages last seen rather than jump back to the first.
      if (visible.size > 0) anchor = Math.min(...visible);
      const numbers = pagesToDraw([...visible], pageCount, { anchor });
      setDrawn((previous) =>
        previous.pages === pages && previous.numbers.join() === numbers.join() ? previous : { pages, numbers },
      );
    });
    for (const page of element.querySelectorAll<HTMLElement>('[data-page-number]')) observer.observe(page);
    return () => observer.disconnect();
  }, [container, pages, pageCount]);

  // Another document's window never applies: start this one at its first pages.
  return drawn.pages === pages ? drawn.numbers : pagesToDraw([], pageCount);
}
