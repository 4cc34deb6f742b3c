import { describe, expect, it } from 'vitest';
import { checkDigitFor, isNhsNumber } from '../../app/domain/nhs-number';
import { CONTACT_PAGE_ORIGINS } from '../contact-pages';
import type { DocumentReference } from '../fhir/fhir-types';
import { sspTargetUrl } from '../ssp-url';
import { CARE_TEAMS } from './care-teams';
import { ALL_SCENARIOS, DEMO_PATIENTS, SCENARIOS } from './catalogue';
import { CONTACT_PAGES } from './contact-page-html';
import { ORGANISATIONS } from './organisations';

const VALID_POINTERS = ALL_SCENARIOS.flatMap((scenario) =>
  scenario.pointers.flatMap((stored) => (stored.kind === 'valid' ? [{ scenario, pointer: stored.resource }] : [])),
);
const ALL_NUMBERS = [...new Set(ALL_SCENARIOS.flatMap((s) => [s.nhsNumber, ...(s.patient ? [s.patient.id] : [])]))];

function contentUrls(pointer: DocumentReference): string[] {
  return pointer.content.map((content) => content.attachment.url);
}

describe('synthetic NHS numbers (§5)', () => {
  it.each(ALL_NUMBERS)('%s is in the 999 test range and passes Modulus 11', (nhsNumber) => {
    expect(nhsNumber).toMatch(/^999\d{7}$/);
    expect(isNhsNumber(nhsNumber)).toBe(true);
    expect(checkDigitFor(nhsNumber.slice(0, 9))).toBe(Number(nhsNumber[9]));
  });

  it('gives every scenario its own number', () => {
    const typed = ALL_SCENARIOS.map((s) => s.nhsNumber);
    expect(new Set(typed).size).toBe(typed.length);
    const superseding = ALL_SCENARIOS.filter((s) => s.patient && s.patient.id !== s.nhsNumber).length;
    expect(new Set(ALL_NUMBERS).size).toBe(ALL_SCENARIOS.length + superseding); // + each superseding number
  });
});

describe('SCENARIOS', () => {
  it('names every scenario, with its number and a one-line description', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(ALL_SCENARIOS.map((s) => s.name).sort());
    for (const scenario of ALL_SCENARIOS) {
      const summary = SCENARIOS[scenario.name];
      expect(summary.nhsNumber).toBe(scenario.nhsNumber);
      expect(summary.label.length).toBeGreaterThan(0);
      expect(summary.description).not.toContain('\n');
      expect(summary.description.length).toBeLessThan(180);
    }
  });

  it('describes each demo patient in a trainer’s words: no service jargon, and no age written in (issue 9 point 6)', () => {
    const JARGON = /\b(FHIR|PDS|NRL|SSP|ODS|HTTP|JSON|XHTML|CarePlan|Bundle|OperationOutcome|pointers?|practiceSetting|retrieval-mechanism|[A-Z]+_[A-Z_]+|[1-5]\d\d [A-Z]{3,})\b/;
    const WRITTEN_AGE = /\d+[- ]years?[- ]old|\baged? \d+/i;
    for (const { label, description } of Object.values(SCENARIOS)) {
      expect(`${label} ${description}`).not.toMatch(JARGON);
      expect(`${label} ${description}`).not.toMatch(WRITTEN_AGE);
    }
  });

  it('gives the demo list each date of birth PDS holds, to work the age out from', () => {
    expect(SCENARIOS.planFhir.birthDate).toBe('2009-10-31');
    expect(SCENARIOS.pdsBusy.birthDate).toBeUndefined();
  });

  it.each([
    ['supersededOldPointer', [SCENARIOS.supersededOldPointer.nhsNumber]],
    ['supersededBothNumbers', [SCENARIOS.supersededBothNumbers.currentNhsNumber, SCENARIOS.supersededBothNumbers.nhsNumber]],
  ] as const)('%s: PDS replaced the typed number, and crisis plans are filed under %j', (name, subjects) => {
    const scenario = ALL_SCENARIOS.find((s) => s.name === name)!;
    expect(scenario.patient!.id).toBe(SCENARIOS[name].currentNhsNumber);
    expect(scenario.patient!.id).not.toBe(scenario.nhsNumber);
    expect(scenario.pointers.map((p) => (p.kind === 'valid' ? p.resource.subject.identifier.value : p.nhsNumber))).toEqual(subjects);
  });

  it('superseded: the typed number differs from the one PDS holds, and NRL holds only the new one', () => {
    const scenario = ALL_SCENARIOS.find((s) => s.name === 'superseded')!;
    expect(scenario.patient!.id).toBe(SCENARIOS.superseded.currentNhsNumber);
    expect(scenario.patient!.id).not.toBe(scenario.nhsNumber);
  });
});

describe('DEMO_PATIENTS', () => {
  it('holds one PDS record per scenario that PDS knows, each with the NHS number as id and identifier', () => {
    expect(DEMO_PATIENTS).toHaveLength(ALL_SCENARIOS.filter((s) => s.patient).length);
    for (const patient of DEMO_PATIENTS) {
      expect(patient.identifier[0]!.value).toBe(patient.id);
      expect(patient.meta.security).toHaveLength(1);
    }
  });

  it('has a name for everyone but the restricted patient PDS sends without one (Patient.yaml)', () => {
    const nameless = DEMO_PATIENTS.filter((p) => p.name === undefined);
    expect(nameless.map((p) => p.id)).toEqual([SCENARIOS.restrictedNoName.nhsNumber]);
    expect(nameless[0]!.meta.security[0]!.code).toBe('R');
  });

  it('spans ages from teenager to over seventy-five', () => {
    const years = DEMO_PATIENTS.map((p) => Number(p.birthDate.slice(0, 4)));
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2008);
    expect(Math.min(...years)).toBeLessThanOrEqual(1950);
  });

  it('holds no location or contact data at all for the restricted patients', () => {
    const restricted = DEMO_PATIENTS.filter((p) => p.meta.security.some((label) => label.code === 'R'));
    expect(restricted.map((p) => p.id)).toEqual([SCENARIOS.restricted.nhsNumber, SCENARIOS.restrictedNoName.nhsNumber]);
    for (const patient of restricted) {
      expect(patient).not.toHaveProperty('address');
      expect(patient).not.toHaveProperty('telecom');
      expect(patient).not.toHaveProperty('generalPractitioner');
    }
  });
});

describe('pointers (§1.5)', () => {
  it('name as subject the patient they belong to, as PDS now numbers them or (never updated) by the number it replaced', () => {
    for (const scenario of ALL_SCENARIOS) {
      for (const stored of scenario.pointers) {
        const subject = stored.kind === 'valid' ? stored.resource.subject.identifier.value : stored.nhsNumber;
        expect([scenario.patient?.id, scenario.nhsNumber], scenario.name).toContain(subject);
        if (stored.kind === 'valid') expect(stored.resource.subject.identifier.system).toBe('https://fhir.nhs.uk/Id/nhs-number');
      }
    }
  });

  it('have unique ids in NRL’s id pattern', () => {
    const ids = ALL_SCENARIOS.flatMap((s) => s.pointers.map((p) => (p.kind === 'valid' ? p.resource.id : p.id)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(?=.{1,64}$)[A-Za-z0-9.]+-[A-Za-z0-9]+[A-Za-z0-9_-]*$/);
  });

  it('are dated in 2025–2026', () => {
    for (const { pointer } of VALID_POINTERS) expect(pointer.date, pointer.id).toMatch(/^202[56]-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('pair format and content type as NRL does, and route by scheme', () => {
    for (const { pointer } of VALID_POINTERS) {
      for (const content of pointer.content) {
        const { contentType, url } = content.attachment;
        const code = content.format.code;
        const where = `${pointer.id} ${url}`;
        if (contentType === 'application/pdf') expect(code, where).toBe('urn:nhs-ic:unstructured');
        if (contentType === 'text/html') expect(['urn:nhs-ic:structured', 'urn:nhs-ic:record-contact'], where).toContain(code);
        if (code === 'urn:nhs-ic:record-contact') {
          expect(url, where).toMatch(/^https:\/\//);
          expect(content.extension.map((e) => e.valueCodeableConcept?.coding[0]?.code), where).toContain('Direct');
        } else {
          expect(url, where).toMatch(/^ssp:\/\//);
        }
      }
    }
  });

  it('with SSP content name the provider ASID that serves it', () => {
    for (const { scenario, pointer } of VALID_POINTERS) {
      for (const url of contentUrls(pointer).filter((u) => u.startsWith('ssp://'))) {
        const document = scenario.documents.find((d) => d.url === sspTargetUrl(url));
        expect(document, url).toBeDefined();
        expect(pointer.context?.related?.[0]?.identifier).toEqual({ system: 'https://fhir.nhs.uk/Id/nhsSpineASID', value: document!.providerAsid });
      }
    }
  });

  it('with contact content point at a served contact page', () => {
    const pages = new Set(CONTACT_PAGES.map((page) => page.url));
    for (const { pointer } of VALID_POINTERS) {
      for (const content of pointer.content.filter((c) => c.format.code === 'urn:nhs-ic:record-contact')) {
        expect(pages.has(content.attachment.url), content.attachment.url).toBe(true);
      }
    }
  });

  it('carry no NHS number in any URL (§2.1: no patient identifiers in pointer URLs)', () => {
    const urls = [...VALID_POINTERS.flatMap(({ pointer }) => contentUrls(pointer)), ...ALL_SCENARIOS.flatMap((s) => s.documents.map((d) => d.url))];
    for (const url of urls) for (const nhsNumber of ALL_NUMBERS) expect(url).not.toContain(nhsNumber);
  });

  it('are authored by organisations ODS knows, one of which has no phone', () => {
    const known = new Set(ORGANISATIONS.map((o) => o.id));
    for (const { pointer } of VALID_POINTERS) expect(known.has(pointer.author[0]!.identifier.value), pointer.id).toBe(true);
    expect(ORGANISATIONS.filter((o) => !o.telecom?.some((t) => t.system === 'phone')).map((o) => o.id)).toEqual(['RXV']);
  });
});

describe('nothing synthetic can reach the real world', () => {
  it('uses only reserved host names (.example, .invalid) for every URL', () => {
    const urls = [
      ...VALID_POINTERS.flatMap(({ pointer }) => contentUrls(pointer)),
      ...ALL_SCENARIOS.flatMap((s) => s.documents.map((d) => d.url)),
      ...CARE_TEAMS.map((t) => t.contactPageUrl),
      ...CONTACT_PAGE_ORIGINS,
      ...ORGANISATIONS.flatMap((o) => (o.telecom ?? []).filter((t) => t.system === 'url').map((t) => t.value)),
    ];
    for (const url of urls) expect(new URL(url.replace(/^ssp:/, 'https:')).hostname, url).toMatch(/\.(example|invalid)$/);
  });
});
