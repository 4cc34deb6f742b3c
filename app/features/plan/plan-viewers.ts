/**
 * The plan viewers, each in its own chunk, and the warm-up that loads them while a plan is
 * fetched (issue 13 point 1). Only this small module is in the lookup screen's chunk: pdf.js and
 * the HTML sanitiser load when a plan is on its way, an HTML or FHIR plan never loads pdf.js.
 */
import type { PointerContent } from '../../domain/pointer';
import { mediaTypeOf } from '../../services/media-types';
import { preloadable } from '../../ui/preloadable';

export const planDocumentView = preloadable(() => import('./plan-document-view').then((module) => module.PlanDocumentView));

export const pdfPlanView = preloadable(() => import('./pdf-plan-view').then((module) => module.PdfPlanView));

/**
 * Told what the open record's document will be, as soon as the locator has said (before the
 * document arrives): the viewer's code starts loading, and for a PDF pdf.js and its worker too,
 * side by side rather than one after the other. A load that fails here is tried again when the
 * plan is shown, where its failure is reported (plan-viewer-boundary.tsx).
 */
export function warmPlanViewer(content: PointerContent): void {
  const ignore = () => undefined;
  planDocumentView.preload().catch(ignore);
  if (mediaTypeOf(content.contentType) !== 'application/pdf') return;
  pdfPlanView.preload().catch(ignore);
  import('./open-plan-pdf').then((module) => module.startPlanPdfWorker(), ignore);
}
