// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { Patient } from '../../domain/patient';
import type { PlanDocument } from '../../domain/plan-document';
import { PlanDocumentView } from './plan-document-view';

afterEach(cleanup);

const amelia: Pick<Patient, 'name' | 'restricted'> = { name: { prefix: 'Ms', given: ['Amelia'], family: 'Crossley' }, restricted: false };

function show(document: PlanDocument, patient = amelia) {
  render(<PlanDocumentView document={document} title="Crisis plan" patient={patient} />);
  return screen.getByRole('region', { name: 'Crisis plan' });
}

const html = (name: string): PlanDocument => ({
  kind: 'html',
  contentType: 'text/html',
  html: `<h1>Crisis plan</h1><table><tr><th>Name</th><td>${name}</td></tr><tr><th>Date of birth</th><td>14 March 1991</td></tr></table><p>Speak calmly.</p>`,
});

describe('PlanDocumentView: the name in the plan against the name PDS confirmed (issue 9 point 6)', () => {
  it('warns above the plan, and still shows it, when the plan names someone else', () => {
    const plan = show(html('Emily Crossley'));
    const heading = screen.getByRole('heading', { name: 'Important: Check the name' });
    expect(heading.parentElement).toHaveTextContent(
      'This plan names Emily Crossley; the person confirmed by PDS is Amelia CROSSLEY. Check you have the right person before acting on it.',
    );
    expect(heading.compareDocumentPosition(screen.getByText('Speak calmly.')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(plan).toHaveTextContent('Speak calmly.');
  });

  it('says nothing when the names agree, written another way', () => {
    show(html('CROSSLEY, Ms Amelia'));
    expect(screen.queryByText(/Check the name/)).toBeNull();
  });

  it('says nothing for a restricted record whose name PDS withheld', () => {
    show(html('Declan Ashworth'), { name: undefined, restricted: true });
    expect(screen.queryByText(/Check the name/)).toBeNull();
  });

  it('reads a FHIR plan’s subject display', () => {
    show({ kind: 'fhir', contentType: 'application/fhir+json', resource: { resourceType: 'CarePlan', subject: { display: 'Amelia Crosby' } } });
    expect(screen.getByRole('heading', { name: 'Important: Check the name' }).parentElement).toHaveTextContent('This plan names Amelia Crosby');
  });
});
