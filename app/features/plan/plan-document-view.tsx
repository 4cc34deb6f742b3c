/**
 * A retrieved plan (or other urgent-care record), whatever form its producer published it in.
 * The app loads this module lazily; PDF plans load pdf.js lazily again from here, so an HTML
 * or FHIR plan never downloads it.
 */
import { lazy, Suspense } from 'react';
import type { JSX } from 'react';
import { patientsNamedIn } from '../../domain/fhir-patients';
import type { PlanDocument } from '../../domain/plan-document';
import { FhirPlanView } from './fhir-plan-view';
import { HtmlPlanView } from './html-plan-view';
import { PlanOpening } from './plan-notices';
import { PlanViewerBoundary } from './plan-viewer-boundary';
import { planWords } from './plan-words';
import './plan-document-view.css';

const PdfPlanView = lazy(() => import('./pdf-plan-view').then((module) => ({ default: module.PdfPlanView })));

export function PlanDocumentView({ document: plan, title }: { document: PlanDocument; title: string }): JSX.Element {
  return (
    <section aria-label={title} className="crl-plan-document">
      {!checkedByApp(plan) && <p className="crl-plan-document__check">{planWords.checkAgainstBanner}</p>}
      <PlanViewerBoundary plan={plan}>
        <PlanBody plan={plan} />
      </PlanViewerBoundary>
    </section>
  );
}

/**
 * A FHIR plan that names its patient was matched to this one when retrieved (document-client.ts);
 * a PDF or HTML plan, or a FHIR one naming no NHS number, cannot be: the banner is the check.
 */
function checkedByApp(plan: PlanDocument): boolean {
  return plan.kind === 'fhir' && patientsNamedIn(plan.resource).length > 0;
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
