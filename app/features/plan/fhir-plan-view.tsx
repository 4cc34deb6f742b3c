import { Fragment, useMemo } from 'react';
import { labelFor, readFhirPlan } from './fhir-plan-content';
import type { FhirPlanContent } from './fhir-plan-content';
import { PlanMarkup } from './plan-markup';
import { planWords } from './plan-words';
import { hasReadableContent, sanitisePlanHtml } from './sanitise-plan-html';

export function FhirPlanView({ resource }: { resource: Readonly<Record<string, unknown>> }) {
  const content = useMemo(() => readFhirPlan(resource), [resource]);
  const narratives = useMemo(
    () =>
      content.narratives
        .map((narrative) => ({
          heading: narrative.heading,
          safeHtml: sanitisePlanHtml(narrative.xhtml, { topHeadingLevel: narrative.heading ? 4 : 3 }),
        }))
        .filter((narrative) => hasReadableContent(narrative.safeHtml)),
    [content],
  );
  const json = useMemo(() => JSON.stringify(resource, null, 2), [resource]);

  return (
    <>
      {narratives.length > 0 ? (
        narratives.map((narrative, index) => (
          <Fragment key={index}>
            {narrative.heading && <h3>{narrative.heading}</h3>}
            <PlanMarkup safeHtml={narrative.safeHtml} />
          </Fragment>
        ))
      ) : (
        <FhirSummary content={content} />
      )}
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{planWords.technicalView}</span>
        </summary>
        <div className="nhsuk-details__text">
          <pre className="crl-plan-json">{json}</pre>
        </div>
      </details>
    </>
  );
}

/** For a resource with no narrative: what it is and its plain fields, never raw JSON alone. */
function FhirSummary({ content }: { content: FhirPlanContent }) {
  const kind = labelFor(content.resourceType);
  const rows = [
    { label: planWords.fhirResourceType, value: kind },
    ...(content.status ? [{ label: planWords.fhirStatus, value: content.status }] : []),
    ...content.fields,
  ];
  return (
    <>
      <h3>{content.title ?? kind}</h3>
      {content.description && <p>{content.description}</p>}
      <dl className="nhsuk-summary-list">
        {rows.map((row, index) => (
          <div className="nhsuk-summary-list__row" key={index}>
            <dt className="nhsuk-summary-list__key">{row.label}</dt>
            <dd className="nhsuk-summary-list__value">{row.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
