// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { PlanDocument } from '../../domain/plan-document';
import { PlanDocumentView } from './plan-document-view';
import { planWords } from './plan-words';

afterEach(cleanup);

function show(document: PlanDocument) {
  render(<PlanDocumentView document={document} title="Mental health crisis plan document" patient={{ name: undefined, restricted: false }} />);
  return screen.getByRole('region', { name: 'Mental health crisis plan document' });
}

const fhir = (resource: Record<string, unknown>): PlanDocument => ({ kind: 'fhir', contentType: 'application/fhir+json', resource });

describe('PlanDocumentView: a plan the app cannot match to the patient says the banner is the check (issue 7 point 4)', () => {
  it('on an HTML plan', () => {
    const plan = show({ kind: 'html', contentType: 'text/html', html: '<h1>Crisis plan</h1><p>Speak calmly.</p>' });
    expect(within(plan).getByText(planWords.checkAgainstBanner)).toBeVisible();
  });

  it('on a PDF plan, before the document has even been drawn', () => {
    const plan = show({ kind: 'pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7\n%%EOF') });
    expect(within(plan).getByText(planWords.checkAgainstBanner)).toBeInTheDocument();
  });

  it('on a FHIR plan that names no NHS number', () => {
    const plan = show(fhir({ resourceType: 'CarePlan', status: 'active', text: { div: '<div><p>Call the team.</p></div>' } }));
    expect(within(plan).getByText(planWords.checkAgainstBanner)).toBeVisible();
  });

  it('not on a FHIR plan whose patient the app checked when it was retrieved', () => {
    const plan = show(
      fhir({
        resourceType: 'CarePlan',
        status: 'active',
        subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000018' } },
        text: { div: '<div><p>Call the team.</p></div>' },
      }),
    );
    expect(within(plan).queryByText(planWords.checkAgainstBanner)).toBeNull();
    expect(within(plan).getByText('Call the team.')).toBeVisible();
  });
});
