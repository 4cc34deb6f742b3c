import { describe, expect, it } from 'vitest';
import { ALL_SCENARIOS } from './data/catalogue';
import { BASES, outcomeOf, send } from './test-support';

const read = (code: string) => send(`${BASES.ods}/Organization/${code}`, { headers: { Accept: 'application/fhir+json' } });

describe('ODS GET Organization/{code} (§4B)', () => {
  it('returns the Organization: id, official identifier, upper-case name, switchboard, address', async () => {
    const response = await read('RW5');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(await response.json()).toMatchObject({
      resourceType: 'Organization',
      id: 'RW5',
      identifier: [{ use: 'official', system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RW5' }],
      active: true,
      name: 'LANCASHIRE & SOUTH CUMBRIA NHS FOUNDATION TRUST',
      telecom: [{ system: 'phone', value: '01632 960 100' }, { system: 'url' }],
      address: [{ city: 'PRESTON', country: 'ENGLAND' }],
    });
  });

  it('has an organisation with no phone at all', async () => {
    const organisation = (await (await read('RXV')).json()) as { telecom: { system: string }[] };
    expect(organisation.telecom.filter((t) => t.system === 'phone')).toEqual([]);
  });

  it('knows the author of every pointer', async () => {
    const authors = new Set(
      ALL_SCENARIOS.flatMap((s) => s.pointers.flatMap((p) => (p.kind === 'valid' ? [p.resource.author[0]!.identifier.value] : []))),
    );
    for (const code of authors) expect((await read(code)).status, code).toBe(200);
  });

  it('404 with HAPI’s diagnostics and no Spine coding for an unknown code', async () => {
    const response = await read('ZZZ99');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'processing', diagnostics: 'HAPI-2001: Resource Organization/ZZZ99 is not known' }],
    });
  });

  it('404 for anything else under the base', async () => {
    expect((await outcomeOf(await send(`${BASES.ods}/Practitioner/G1234567`))).status).toBe(404);
  });
});
