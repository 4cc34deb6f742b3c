import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../pdf/pdf-text';
import { sspTargetUrl } from '../../ssp-url';
import { CARE_TEAMS } from '../care-teams';
import { ALL_SCENARIOS, DEMO_PATIENTS } from '../catalogue';
import { CONTACT_PAGES } from '../contact-page-html';
import { OTHER_PATIENT_NHS_NUMBER } from '../scenarios/plan-other-patient';
import { ORGANISATIONS } from '../organisations';
import { documentName, spacedNhsNumber } from './document-dates';

/** Every served document with the scenario and pointer type it belongs to, and its text. */
async function readServedDocuments() {
  const served = [];
  for (const scenario of ALL_SCENARIOS) {
    for (const document of scenario.documents) {
      if (!('body' in document)) continue;
      const pointer = scenario.pointers.find(
        (p) => p.kind === 'valid' && p.resource.content.some((c) => c.attachment.url.startsWith('ssp://') && sspTargetUrl(c.attachment.url) === document.url),
      );
      const typeCode = pointer?.kind === 'valid' ? pointer.resource.type.coding[0]!.code : undefined;
      const subject = pointer?.kind === 'valid' ? pointer.resource.subject.identifier.value : scenario.patient!.id;
      const body = document.body();
      const pages = typeof body === 'string' ? [body] : (await readPdfText(body)).pages;
      served.push({ scenario, document, typeCode, subject, pages, text: pages.join('\n') });
    }
  }
  return served;
}

// Parsed once: reading every PDF with pdf.js is the slow part.
let served: ReturnType<typeof readServedDocuments> | undefined;
const servedDocuments = () => (served ??= readServedDocuments());

/** Ofcom's ranges for drama (TV, radio, film): allocated to no one. */
const DRAMA_RANGES = [/^01632960\d{3}$/, /^02079460\d{3}$/, /^01134960\d{3}$/, /^01614960\d{3}$/, /^07700900\d{3}$/];

/** UK phone numbers as people write them: spaces, hyphens, brackets, +44 (0). */
function phoneNumbersIn(text: string): string[] {
  const found = text.match(/(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s()-]{7,14}\d(?!\d)/g) ?? [];
  return found.map((written) => {
    const digits = written.replace(/\(0\)/, '').replace(/\D/g, '');
    return digits.startsWith('44') ? `0${digits.slice(2)}` : digits;
  });
}

describe('the documents providers serve', () => {
  // Reading them (the 400-page plan above all) takes a few seconds on a loaded machine: done
  // once, here, with room for it, rather than inside the first test's 5 s.
  beforeAll(() => servedDocuments(), 60_000);

  it('identify the patient by name and the NHS number their pointer is filed under', async () => {
    for (const { scenario, text, subject } of await servedDocuments()) {
      // planOtherPatient's document is, on purpose, about someone else: the app must refuse it.
      if (scenario.name === 'planOtherPatient') {
        expect(text).toContain(spacedNhsNumber(OTHER_PATIENT_NHS_NUMBER));
        expect(text).not.toContain(spacedNhsNumber(scenario.patient!.id));
        continue;
      }
      // planNameDiffers's plan, on purpose, prints the family name she had when it was written.
      if (scenario.name === 'planNameDiffers') {
        expect(text).toContain('Name: Niamh Brennan Date of birth');
        expect(text).not.toContain(documentName(scenario.patient!));
      }
      // Where PDS withholds the name (restrictedNoName) the trust's document still prints one.
      if (scenario.patient!.name !== undefined && scenario.name !== 'planNameDiffers') expect(text, scenario.name).toContain(documentName(scenario.patient!));
      // PDS's current number, or the replaced one a trust never updated (supersededOldPointer).
      expect([scenario.patient!.id, scenario.nhsNumber], scenario.name).toContain(subject);
      expect(text, scenario.name).toContain(spacedNhsNumber(subject));
    }
  });

  it('crisis plans have the headings crews look for and the team’s crisis line unbroken', async () => {
    const plans = (await servedDocuments()).filter((d) => d.typeCode === '736253002');
    expect(plans.length).toBeGreaterThanOrEqual(8);
    for (const { scenario, text } of plans) {
      for (const heading of ['Triggers', 'What helps', 'Who to contact']) expect(text, scenario.name).toContain(heading);
      expect(CARE_TEAMS.some((team) => text.includes(team.crisisLine)), scenario.name).toBe(true);
    }
  });

  it('PDF crisis plans run to two pages, except the one exported with 398 pages of notes', async () => {
    const pdfPlans = (await servedDocuments()).filter((d) => d.typeCode === '736253002' && d.document.contentType === 'application/pdf');
    for (const { scenario, pages } of pdfPlans) expect(pages, scenario.name).toHaveLength(scenario.name === 'planPdfLong' ? 400 : 2);
    const long = pdfPlans.find((d) => d.scenario.name === 'planPdfLong')!;
    expect(long.pages[0]).toContain('Triggers');
    expect(long.pages[399]).toContain('Progress note 398');
    expect(long.pages[399]).toContain('Page 400 of 400');
  });
});

describe('every phone number in the synthetic data is a drama number', () => {
  it('in the scanner itself', () => {
    expect(phoneNumbersIn('Call +44 (0)1632 960 018, (0113) 496 0733, 0161-496-0581 or 999')).toEqual([
      '01632960018',
      '01134960733',
      '01614960581',
    ]);
  });

  it('in documents, contact pages, patients and organisations', async () => {
    const texts = [
      ...(await servedDocuments()).map((d) => d.text),
      ...CONTACT_PAGES.map((page) => page.html),
      ...DEMO_PATIENTS.flatMap((p) => (p.telecom ?? []).map((t) => t.value)),
      ...ORGANISATIONS.flatMap((o) => (o.telecom ?? []).filter((t) => t.system === 'phone').map((t) => t.value)),
      ...CARE_TEAMS.flatMap((team) => [team.crisisLine, team.officeLine]),
    ];
    const numbers = texts.flatMap(phoneNumbersIn);
    expect(numbers.length).toBeGreaterThan(40);
    for (const number of numbers) expect(DRAMA_RANGES.some((range) => range.test(number)), number).toBe(true);
  });
});
