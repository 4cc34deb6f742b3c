// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { PlanDocument } from '../../domain/plan-document';
import { PlanDocumentView } from './plan-document-view';

afterEach(cleanup);

function show(document: PlanDocument) {
  render(<PlanDocumentView document={document} title="Mental health crisis plan document" patient={{ name: undefined, restricted: false }} />);
  return screen.getByRole('region', { name: 'Mental health crisis plan document' });
}

describe('PlanDocumentView: HTML plans', () => {
  it('shows the plan’s headings (under the page’s own) and text, without its scripts', () => {
    const plan = show({
      kind: 'html',
      contentType: 'text/html',
      html:
        '<h1>Crisis plan for Sam</h1><script>document.title = "pwned"</script>' +
        '<h2>What helps</h2><ul><li>Speak calmly</li><li>Offer a quiet room</li></ul>' +
        '<p>Crisis line: <a href="tel:08001234567">0800 123 4567</a></p>',
    });
    expect(within(plan).getByRole('heading', { level: 3, name: 'Crisis plan for Sam' })).toBeInTheDocument();
    expect(within(plan).getByRole('heading', { level: 4, name: 'What helps' })).toBeInTheDocument();
    expect(within(plan).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Speak calmly', 'Offer a quiet room']);
    expect(within(plan).getByRole('link', { name: '0800 123 4567' })).toHaveAttribute('href', 'tel:08001234567');
    expect(plan.querySelector('script')).toBeNull();
    expect(document.title).not.toBe('pwned');
  });

  it('says so when nothing readable is left, instead of showing a blank area', () => {
    const plan = show({ kind: 'html', contentType: 'text/html', html: '<script>alert(1)</script><iframe src="https://x.example"></iframe>' });
    expect(within(plan).getByRole('alert')).toHaveTextContent('This plan could not be displayed');
  });
});

describe('PlanDocumentView: FHIR plans', () => {
  it('shows the resource’s narrative, and the JSON only behind "Technical view"', () => {
    const plan = show({
      kind: 'fhir',
      contentType: 'application/fhir+json',
      resource: {
        resourceType: 'CarePlan',
        status: 'active',
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><h2>Safety plan</h2><p>Call Sam’s sister first.</p></div>' },
      },
    });
    expect(within(plan).getByRole('heading', { level: 3, name: 'Safety plan' })).toBeInTheDocument();
    expect(within(plan).getByText('Call Sam’s sister first.')).toBeVisible();
    expect(within(plan).getByText('Technical view')).toBeInTheDocument();
    expect(within(plan).getByText(/"resourceType": "CarePlan"/)).not.toBeVisible();
  });

  it('summarises a resource without narrative in words, not raw JSON', () => {
    const plan = show({
      kind: 'fhir',
      contentType: 'application/fhir+json',
      resource: {
        resourceType: 'CarePlan',
        status: 'active',
        intent: 'plan',
        title: 'Crisis and contingency plan',
        description: 'Agreed with Sam and the community mental health team.',
      },
    });
    expect(within(plan).getByRole('heading', { level: 3, name: 'Crisis and contingency plan' })).toBeInTheDocument();
    expect(within(plan).getByText('Agreed with Sam and the community mental health team.')).toBeVisible();
    const terms = within(plan).getAllByRole('term').map((term) => term.textContent);
    const values = within(plan).getAllByRole('definition').map((value) => value.textContent);
    expect(terms).toEqual(['Record type', 'Status', 'Intent']);
    expect(values).toEqual(['Care plan', 'active', 'plan']);
  });

  it('shows a FHIR document’s sections under their titles', () => {
    const plan = show({
      kind: 'fhir',
      contentType: 'application/fhir+json',
      resource: {
        resourceType: 'Bundle',
        type: 'document',
        entry: [
          {
            resource: {
              resourceType: 'Composition',
              section: [{ title: 'Triggers', text: { div: '<div><h1>Noise</h1><p>Sirens distress Sam.</p></div>' } }],
            },
          },
        ],
      },
    });
    expect(within(plan).getByRole('heading', { level: 3, name: 'Triggers' })).toBeInTheDocument();
    expect(within(plan).getByRole('heading', { level: 4, name: 'Noise' })).toBeInTheDocument();
    expect(within(plan).getByText('Sirens distress Sam.')).toBeVisible();
  });
});
