// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findPlanName } from '../../domain/plan-name-match';
import { planFieldsFromFhir, planFieldsFromHtml, planFieldsFromPdfText } from './plan-name-fields';

const run = (str: string, y: number, hasEOL = false) => ({ str, hasEOL, transform: [11, 0, 0, 11, 56, y] });

describe('planFieldsFromPdfText', () => {
  it('joins a bold label and its value on one baseline into a field', () => {
    const items = [run('Mental Health Crisis Plan', 780, true), run('Name: ', 740), run('Amelia Crossley', 740, true), run('NHS number: ', 725), run('999 000 0018', 725)];
    expect(planFieldsFromPdfText(items)).toEqual([
      { label: 'Name', value: 'Amelia Crossley' },
      { label: 'NHS number', value: '999 000 0018' },
    ]);
  });

  it('starts a new line when the baseline moves even without an end-of-line mark', () => {
    expect(findPlanName(planFieldsFromPdfText([run('Plan for', 760), run('Name: Emily Crossley', 740), { type: 'beginMarkedContent' }]))).toBe('Emily Crossley');
  });
});

describe('planFieldsFromHtml', () => {
  it('reads table rows, term lists and "Label: value" lines', () => {
    expect(findPlanName(planFieldsFromHtml('<table><tr><th>Patient name:</th><td>Amelia Crossley</td></tr></table>'))).toBe('Amelia Crossley');
    expect(findPlanName(planFieldsFromHtml('<dl><dt>Full name</dt><dd>Amelia Crossley</dd></dl>'))).toBe('Amelia Crossley');
    expect(findPlanName(planFieldsFromHtml('<p><strong>Name:</strong> Amelia Crossley</p>'))).toBe('Amelia Crossley');
  });
});

describe('planFieldsFromFhir', () => {
  it('reads a contained Patient’s name', () => {
    const resource = { resourceType: 'CarePlan', contained: [{ resourceType: 'Patient', name: [{ given: ['Amelia'], family: 'Crossley' }] }] };
    expect(findPlanName(planFieldsFromFhir(resource))).toBe('Amelia Crossley');
  });
});
