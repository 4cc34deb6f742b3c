/**
 * A retrieved plan (or other urgent-care record), whatever form its producer published it in.
 * The app loads this module lazily; PDF plans load pdf.js lazily again from here, so an HTML
 * or FHIR plan never downloads it.
 */
import { lazy, Suspense } from 'react';
import type { JSX } from 'react';
import type { PlanDocument } from '../../domain/plan-document';
import { FhirPlanView } from './fhir-plan-view';
import { HtmlPlanView } from './html-plan-view';
import { PlanOpening } from './plan-notices';
import { PlanViewerBoundary } from './plan-viewer-boundary';
import './plan-document-view.css';

const PdfPlanView = lazy(() => import('./pdf-plan-view').then((module) => ({ default: module.PdfPlanView })));

export function PlanDocumentView({ document: plan, title }: { document: PlanDocument; title: string }): JSX.Element {
  return (
    <section aria-label={title} className="crl-plan-document">
      <PlanViewerBoundary plan={plan}>
        <PlanBody plan={plan} />
      </PlanViewerBoundary>
    </section>
  );
}

function PlanBody({ plan }: { plan: PlanDocument }) {
  switch (plan.kind) {
    case 'pdf':
      return (
        <Suspense fallback={<PlanOpening />}>
          <PdfPlanView bytes={plan.bytes} />
        </Suspense>
      );
    case 'html':
      return <HtmlPlanView html={plan.html} />;
    case 'fhir':
      return <FhirPlanView resource={plan.resource} />;
  }
}
