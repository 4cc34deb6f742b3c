import { describe, expect, it } from 'vitest';
import { ALL_SCENARIOS } from './data/catalogue';
import { HOSTILE_PLAN_MARKERS } from './data/documents/crisis-plan-html';
import type { ScenarioName } from './data/scenario';
import type { DocumentReference } from './fhir/fhir-types';
import { proxiedUrlOf, sspRequestUrl, sspTargetUrl } from './ssp-url';
import { BASES, outcomeOf, send, sspHeaders } from './test-support';

/** Every SSP content of every valid pointer, with the ASID the pointer names. */
const SSP_CONTENTS = ALL_SCENARIOS.flatMap((scenario) =>
  scenario.pointers.flatMap((stored) => {
    if (stored.kind !== 'valid') return [];
    const pointer: DocumentReference = stored.resource;
    const asid = pointer.context?.related?.[0]?.identifier.value;
    return pointer.content
      .filter((content) => content.attachment.url.startsWith('ssp://'))
      .map((content) => ({ scenario: scenario.name, pointerId: pointer.id, url: content.attachment.url, contentType: content.attachment.contentType, asid: asid! }));
  }),
);

function retrieve(pointerUrl: string, headers: Record<string, string>) {
  return send(sspRequestUrl(BASES.ssp, pointerUrl), { headers });
}

function contentOf(scenario: ScenarioName) {
  const found = SSP_CONTENTS.find((content) => content.scenario === scenario);
  if (!found) throw new Error(`No SSP content in ${scenario}`);
  return found;
}

describe('SSP URL encoding (§2.1)', () => {
  it('puts the whole https URL into one percent-encoded path segment', () => {
    const url = sspRequestUrl('https://gw.example/ssp', 'ssp://nrl-rx4.supplier.example/RX4/plans/abc.pdf');
    expect(url).toBe('https://gw.example/ssp/https%3A%2F%2Fnrl-rx4.supplier.example%2FRX4%2Fplans%2Fabc.pdf');
  });

  it.each([
    'ssp://host.example/RW5/a.pdf',
    'ssp://host.example/RW5/with space/and?query=1&x=%41',
    'ssp://host.example:8443/deep/path/',
  ])('round-trips %s', (pointerUrl) => {
    expect(proxiedUrlOf(sspRequestUrl(BASES.ssp, pointerUrl), BASES.ssp)).toBe(sspTargetUrl(pointerUrl));
  });

  it.each([
    ['an unencoded URL', `${BASES.ssp}/https://host.example/a.pdf`],
    ['a broken escape', `${BASES.ssp}/https%3A%2F%2Fhost.example%2F%E0%A4%A`],
    ['an http URL', `${BASES.ssp}/${encodeURIComponent('http://host.example/a.pdf')}`],
    ['nothing', `${BASES.ssp}/`],
  ])('refuses %s', (_name, url) => {
    expect(proxiedUrlOf(url, BASES.ssp)).toBeUndefined();
  });

  it('rejects a non-ssp pointer URL', () => {
    expect(() => sspTargetUrl('https://host.example/a.pdf')).toThrow(/ssp:\/\//);
  });
});

describe('SSP retrieval', () => {
  it('has SSP content to test in every scenario that has documents', () => {
    expect(new Set(SSP_CONTENTS.map((content) => content.scenario))).toEqual(
      new Set(ALL_SCENARIOS.filter((s) => s.documents.length > 0).map((s) => s.name)),
    );
  });

  it('serves every pointer’s document as raw bytes in its own type (except retrievalFails)', async () => {
    for (const content of SSP_CONTENTS.filter((c) => c.scenario !== 'retrievalFails')) {
      const response = await retrieve(content.url, sspHeaders(content.asid));
      expect(response.status, content.pointerId).toBe(200);
      const type = response.headers.get('Content-Type')!;
      expect(type.split(';')[0], content.pointerId).toBe(content.contentType);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const head = new TextDecoder().decode(bytes.slice(0, 200));
      if (content.contentType === 'application/pdf') expect(head, content.pointerId).toMatch(/^%PDF-1\.4/);
      if (content.contentType === 'text/html') expect(head, content.pointerId).toMatch(/^<!DOCTYPE html>/i);
      if (content.contentType === 'application/fhir+json') expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ resourceType: 'CarePlan' });
    }
  });

  it('serves the HTML plan with its readable headings and every hostile part intact', async () => {
    const content = contentOf('planHtml');
    const response = await retrieve(content.url, sspHeaders(content.asid));
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    for (const heading of ['Triggers', 'What helps', 'Who to contact']) expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain(`<script>document.title = '${HOSTILE_PLAN_MARKERS.pwnedTitle}'; window.${HOSTILE_PLAN_MARKERS.scriptFlag} = true;</script>`);
    expect(html).toMatch(/ onerror="/);
    expect(html).toMatch(/ onclick="/);
    expect(html).toContain('href="javascript:');
    expect(html).toContain(`<img src="${HOSTILE_PLAN_MARKERS.trackerPixelUrl}"`);
  });

  it('serves the FHIR plan as a CarePlan with an XHTML narrative', async () => {
    const content = contentOf('planFhir');
    const carePlan = (await (await retrieve(content.url, sspHeaders(content.asid))).json()) as { text: { div: string } };
    expect(carePlan.text.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.*<h2>Triggers<\/h2>/);
  });

  it('gives each request a fresh copy of the bytes', async () => {
    const content = contentOf('planPdf');
    const first = new Uint8Array(await (await retrieve(content.url, sspHeaders(content.asid))).arrayBuffer());
    first.fill(0);
    const second = new Uint8Array(await (await retrieve(content.url, sspHeaders(content.asid))).arrayBuffer());
    expect(second[0]).toBe(0x25);
  });

  it('retrievalFails: 504 with a diagnostic OperationOutcome', async () => {
    const content = contentOf('retrievalFails');
    const outcome = await outcomeOf(await retrieve(content.url, sspHeaders(content.asid)));
    expect(outcome).toMatchObject({ status: 504, issueCodes: ['timeout'] });
    expect(outcome.diagnostics[0]).toMatch(/did not respond/);
  });

  it.each(['Ssp-TraceID', 'Ssp-From', 'Ssp-To', 'Ssp-InteractionID'])('400 naming the missing %s', async (header) => {
    const content = contentOf('planPdf');
    const outcome = await outcomeOf(await retrieve(content.url, sspHeaders(content.asid, { [header]: undefined })));
    expect(outcome).toMatchObject({ status: 400, codes: ['MISSING_OR_INVALID_HEADER'] });
    expect(outcome.diagnostics[0]).toContain(header);
  });

  it('400 for the wrong interaction id', async () => {
    const content = contentOf('planPdf');
    const headers = sspHeaders(content.asid, { 'Ssp-InteractionID': 'urn:nhs:names:services:gpconnect:fhir:rest:read:binary-1' });
    expect((await outcomeOf(await retrieve(content.url, headers))).status).toBe(400);
  });

  it('403 when Ssp-To is not the provider named by the pointer', async () => {
    const content = contentOf('planPdf');
    const outcome = await outcomeOf(await retrieve(content.url, sspHeaders('200000009876')));
    expect(outcome).toMatchObject({ status: 403, codes: ['ACCESS_DENIED'] });
  });

  it('404 for a document no provider holds', async () => {
    const outcome = await outcomeOf(await retrieve('ssp://nrl-documents.lscft.example/RW5/crisis-plans/none.pdf', sspHeaders('200000001245')));
    expect(outcome).toMatchObject({ status: 404, codes: ['NO_RECORD_FOUND'] });
  });

  it('400 for a URL sent without percent-encoding, instead of falling through', async () => {
    const content = contentOf('planPdf');
    const response = await send(`${BASES.ssp}/${sspTargetUrl(content.url)}`, { headers: sspHeaders(content.asid) });
    expect((await outcomeOf(response)).status).toBe(400);
  });

  it('405 for anything but GET', async () => {
    const content = contentOf('planPdf');
    const response = await send(sspRequestUrl(BASES.ssp, content.url), { method: 'POST', headers: sspHeaders(content.asid) });
    expect(response.status).toBe(405);
  });
});
