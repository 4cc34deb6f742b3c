import { describe, expect, it } from 'vitest';
import { labelFor, readFhirPlan } from './fhir-plan-content';

describe('readFhirPlan', () => {
  it('summarises a resource without narrative from its top-level fields', () => {
    const content = readFhirPlan({
      resourceType: 'CarePlan',
      id: 'cp-1',
      status: 'active',
      intent: 'plan',
      title: 'Mental health crisis plan',
      description: 'Agreed with the patient on 3 March.',
      created: '2026-03-03',
      subject: { reference: 'Patient/9000000009' },
      period: { start: '2026-03-03' },
    });
    expect(content).toEqual({
      resourceType: 'CarePlan',
      title: 'Mental health crisis plan',
      description: 'Agreed with the patient on 3 March.',
      status: 'active',
      fields: [
        { label: 'ID', value: 'cp-1' },
        { label: 'Intent', value: 'plan' },
        { label: 'Created', value: '2026-03-03' },
      ],
      narratives: [],
    });
  });

  it('reads the resource’s own narrative', () => {
    const content = readFhirPlan({ resourceType: 'CarePlan', text: { status: 'generated', div: '<div>Plan</div>' } });
    expect(content.narratives).toEqual([{ xhtml: '<div>Plan</div>' }]);
  });

  it('ignores an empty narrative', () => {
    expect(readFhirPlan({ resourceType: 'CarePlan', text: { div: '  ' } }).narratives).toEqual([]);
  });

  it('reads a FHIR document’s composition and sections in order, not its other entries', () => {
    const content = readFhirPlan({
      resourceType: 'Bundle',
      type: 'document',
      entry: [
        {
          resource: {
            resourceType: 'Composition',
            title: 'Crisis plan',
            section: [
              { title: 'Triggers', text: { div: '<div>Loud noise</div>' } },
              { title: 'Contacts', section: [{ text: { div: '<div>Crisis team</div>' } }] },
            ],
          },
        },
        { resource: { resourceType: 'Patient', text: { div: '<div>1 Secret Street</div>' } } },
      ],
    });
    expect(content.narratives).toEqual([
      { heading: 'Triggers', xhtml: '<div>Loud noise</div>' },
      { heading: 'Contacts', xhtml: '<div>Crisis team</div>' },
    ]);
  });

  it('uses name as the title when there is no title, and does not repeat it', () => {
    const content = readFhirPlan({ resourceType: 'PlanDefinition', name: 'CrisisPlan', version: '2' });
    expect(content.title).toBe('CrisisPlan');
    expect(content.fields).toEqual([{ label: 'Version', value: '2' }]);
  });
});

describe('labelFor', () => {
  it('turns FHIR field names into words', () => {
    expect(labelFor('lastUpdated')).toBe('Last updated');
    expect(labelFor('id')).toBe('ID');
    expect(labelFor('status')).toBe('Status');
  });
});
