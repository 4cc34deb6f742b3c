/**
 * pdf.js set up for plans: the bytes we already hold, and nothing fetched from anywhere else.
 * Imported only by the lazily loaded PDF view, so pdf.js never weighs on the first screen.
 */
import { GlobalWorkerOptions, VerbosityLevel, getDocument } from 'pdfjs-dist';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// A same-origin, hashed build asset, so the service worker can keep it for offline use.
GlobalWorkerOptions.workerSrc = workerUrl;

export function openPlanPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
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
