/**
 * pdf.js set up for plans: the bytes we already hold, and nothing fetched from anywhere else.
 * Imported only by the lazily loaded PDF view, so pdf.js never weighs on the first screen.
 */
import { GlobalWorkerOptions, PDFWorker, VerbosityLevel, getDocument } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// A same-origin, hashed build asset, so the service worker can keep it for offline use.
GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: PDFWorker | undefined;

/**
 * One pdf.js worker for every plan opened in this page, started with the first: starting one
 * (loading and parsing its 1.2 MB script) costs a few hundred ms each time, so a plan opened
 * again (back from the list, or the saved copy) draws sooner: 287 -> 185 ms median on the
 * benchmark (docs/performance.md). Starting it as soon as a search begins was tried and
 * dropped: it slowed the patient banner (126 -> 215 ms) for no gain on the first plan; it now
 * starts when the locator names a PDF plan (startPlanPdfWorker).
 * None where there are no workers (unit tests): pdf.js then uses its own fallback.
 */
function planPdfWorker(): PDFWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!sharedWorker || sharedWorker.destroyed) {
    const worker = new PDFWorker({ verbosity: VerbosityLevel.ERRORS });
    // A worker that failed to start is not kept: the next plan tries a fresh one.
    worker.promise.catch(() => {
      if (sharedWorker === worker) sharedWorker = undefined;
    });
    sharedWorker = worker;
  }
  return sharedWorker;
}

/**
 * Starts the worker before a PDF plan's bytes have arrived: called when the locator names a PDF
 * plan, so the worker's script loads and compiles while the plan is fetched (issue 13 point 1).
 * At search start it competed with the patient banner; by the locator's answer PDS has answered.
 */
export function startPlanPdfWorker(): void {
  planPdfWorker();
}

export function openPlanPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  const worker = planPdfWorker();
  return getDocument({
    ...(worker ? { worker } : {}),
    // pdf.js transfers this buffer to its worker, leaving it empty here: give it a copy, so
    // the cached plan can be opened again.
    data: bytes.slice(),
    // Producer PDFs are untrusted: never compile code from them (fonts, functions).
    isEvalSupported: false,
    enableXfa: false,
    // No cMapUrl, standardFontDataUrl, wasmUrl or iccUrl: pdf.js then has nowhere to fetch
    // from. The 14 standard fonts (Helvetica, Times…) map to the tablet's own fonts instead,
    // and a feature that would need a missing file (CJK CMaps, JPEG 2000, ICC profiles)
    // degrades in the drawing, never in a network request.
    useSystemFonts: true,
    useWorkerFetch: false,
    verbosity: VerbosityLevel.ERRORS,
  });
}

/** pdf.js names its errors rather than exporting every class. */
export function isPasswordError(error: unknown): boolean {
  return error instanceof Error && error.name === 'PasswordException';
}

export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RenderingCancelledException' || error.name === 'AbortException');
}
