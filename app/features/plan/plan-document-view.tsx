/**
 * A retrieved plan (or other urgent-care record), whatever form its producer published it in.
 * The app loads this module lazily; PDF plans load pdf.js lazily again from here, so an HTML
 * or FHIR plan never downloads it.
 */
import { Suspense, useMemo, useState } from 'react';
import type { JSX } from 'react';
import { patientsNamedIn } from '../../domain/fhir-patients';
import type { Patient } from '../../domain/patient';
import type { PlanDocument } from '../../domain/plan-document';
import type { PlanField } from '../../domain/plan-name-match';
import { FhirPlanView } from './fhir-plan-view';
import { HtmlPlanView } from './html-plan-view';
import { planFieldsFromFhir, planFieldsFromHtml } from './plan-name-fields';
import { PlanNameWarning } from './plan-name-warning';
import { PlanOpening } from './plan-notices';
import { PlanViewerBoundary } from './plan-viewer-boundary';
import { pdfPlanView } from './plan-viewers';
import { planWords } from './plan-words';
import { sanitisePlanHtml } from './sanitise-plan-html';
import './plan-document-view.css';

const PdfPlanView = pdfPlanView.Component;

interface PlanDocumentViewProps {
  readonly document: PlanDocument;
  readonly title: string;
  /** The person PDS confirmed: the name the plan labels is checked against theirs. */
  readonly patient: Pick<Patient, 'name' | 'restricted'>;
}

export function PlanDocumentView({ document: plan, title, patient }: PlanDocumentViewProps): JSX.Element {
  const [pdfFields, setPdfFields] = useState<{ readonly plan: PlanDocument; readonly fields: readonly PlanField[] } | null>(null);
  const markupFields = useMemo(() => fieldsFromMarkup(plan), [plan]);
  const fields = markupFields ?? (pdfFields?.plan === plan ? pdfFields.fields : null);
  return (
    <section aria-label={title} className="crl-plan-document">
      <PlanNameWarning fields={fields} patient={patient} />
      {!checkedByApp(plan) && <p className="crl-plan-document__check">{planWords.checkAgainstBanner}</p>}
      <PlanViewerBoundary plan={plan}>
        <PlanBody plan={plan} onPdfFields={(fields) => setPdfFields({ plan, fields })} />
      </PlanViewerBoundary>
    </section>
  );
}

/** The labelled lines of an HTML or FHIR plan, at once; a PDF's come once its first page is read. */
function fieldsFromMarkup(plan: PlanDocument): readonly PlanField[] | null {
  switch (plan.kind) {
    case 'html':
      return planFieldsFromHtml(sanitisePlanHtml(plan.html));
    case 'fhir':
      return planFieldsFromFhir(plan.resource);
    case 'pdf':
      return null;
  }
}

/**
 * A FHIR plan that names its patient was matched to this one when retrieved (document-client.ts);
 * a PDF or HTML plan, or a FHIR one naming no NHS number, cannot be: the banner is the check.
 */
function checkedByApp(plan: PlanDocument): boolean {
  return plan.kind === 'fhir' && patientsNamedIn(plan.resource).length > 0;
}

function PlanBody({ plan, onPdfFields }: { plan: PlanDocument; onPdfFields: (fields: readonly PlanField[]) => void }) {
  switch (plan.kind) {
    case 'pdf':
      return (
        <Suspense fallback={<PlanOpening />}>
          <PdfPlanView bytes={plan.bytes} onFirstPageFields={onPdfFields} />
        </Suspense>
      );
    case 'html':
      return <HtmlPlanView html={plan.html} />;
    case 'fhir':
      return <FhirPlanView resource={plan.resource} />;
  }
}
