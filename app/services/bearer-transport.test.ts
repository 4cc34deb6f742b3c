import { describe, expect, it, vi } from 'vitest';
import { withBearer } from './bearer-transport';
import type { Transport } from './transport';

const BASES = ['https://gw.test/personal-demographics/FHIR/R4', 'https://gw.test/pds', 'https://ods.test/', 'https://audit.test:8443/audit/'];
const TOKEN = 'at-5f0c2a51';

function recorder(status = 200): { transport: Transport; sent: Request[] } {
  const sent: Request[] = [];
  return {
    sent,
    transport: async (request) => {
      sent.push(request);
      return new Response('{}', { status });
    },
  };
}

async function authorisationFor(url: string, token: () => string | undefined = () => TOKEN): Promise<string | null> {
  const { transport, sent } = recorder();
  await withBearer(transport, { bases: BASES, token })(new Request(url));
  return sent[0]!.headers.get('Authorization');
}

describe('withBearer', () => {
  it.each([
    'https://gw.test/personal-demographics/FHIR/R4/Patient/9000000009',
    'https://gw.test/personal-demographics/FHIR/R4',
    'https://gw.test/pds',
    'https://gw.test/pds/',
    'https://gw.test/pds/Patient?x=1',
    'https://gw.test:443/pds/Patient',
    'https://ods.test/Organization/RX8',
    'https://audit.test:8443/audit/AuditEvent',
  ])('sends the token to %s (under a configured base)', async (url) => {
    expect(await authorisationFor(url)).toBe(`Bearer ${TOKEN}`);
  });

  it.each([
    ['a path that only starts like the base', 'https://gw.test/pdsx/Patient'],
    ['a sibling of the base path', 'https://gw.test/personal-demographics/FHIR/R4x'],
    ['a host that only starts like the base', 'https://gw.test.evil/pds/Patient'],
    ['a host that ends like the base', 'https://evilgw.test/pds'],
    ['another scheme', 'http://gw.test/pds/Patient'],
    ['another port', 'https://gw.test:8443/pds/Patient'],
    ['the base origin outside the base path', 'https://gw.test/other/pds'],
    ['a path that climbs out of the base', 'https://gw.test/pds/../admin'],
    ['a contact page on a trust website', 'https://www.trust.nhs.uk/contact-us'],
    ['the audit base on its default port', 'https://audit.test/audit/AuditEvent'],
  ])('never sends it to %s', async (_case, url) => {
    expect(await authorisationFor(url)).toBeNull();
  });

  it('passes a request outside the bases through untouched (the very same Request)', async () => {
    const { transport, sent } = recorder();
    const page = new Request('https://www.trust.nhs.uk/contact-us');
    await withBearer(transport, { bases: BASES, token: () => TOKEN })(page);
    expect(sent[0]).toBe(page);
  });

  it('with no token, sends the request under a base unchanged (the service answers 401)', async () => {
    expect(await authorisationFor('https://gw.test/pds/Patient', () => undefined)).toBeNull();
    expect(await authorisationFor('https://gw.test/pds/Patient', () => '')).toBeNull();
  });

  it('reads the token per request, so an expired session stops sending it at once', async () => {
    const { transport, sent } = recorder();
    let token: string | undefined = TOKEN;
    const send = withBearer(transport, { bases: BASES, token: () => token });
    await send(new Request('https://gw.test/pds/Patient'));
    token = undefined;
    await send(new Request('https://gw.test/pds/Patient'));
    expect(sent.map((request) => request.headers.get('Authorization'))).toEqual([`Bearer ${TOKEN}`, null]);
  });

  it("keeps the request's method, body, other headers and abort signal", async () => {
    const { transport, sent } = recorder();
    const controller = new AbortController();
    const request = new Request('https://audit.test:8443/audit/AuditEvent', {
      method: 'POST',
      body: '{"resourceType":"AuditEvent"}',
      headers: { 'Content-Type': 'application/fhir+json', 'X-Request-ID': 'r-1' },
      signal: controller.signal,
    });
    await withBearer(transport, { bases: BASES, token: () => TOKEN })(request);
    const forwarded = sent[0]!;
    expect(forwarded.method).toBe('POST');
    expect(await forwarded.text()).toBe('{"resourceType":"AuditEvent"}');
    expect(forwarded.headers.get('X-Request-ID')).toBe('r-1');
    expect(forwarded.headers.get('Content-Type')).toBe('application/fhir+json');
    controller.abort();
    expect(forwarded.signal.aborted).toBe(true);
  });

  it('tells onUnauthorised about a 401 from a service base, and not about other statuses or other sites', async () => {
    const onUnauthorised = vi.fn();
    const unauthorised = recorder(401);
    await withBearer(unauthorised.transport, { bases: BASES, token: () => TOKEN, onUnauthorised })(new Request('https://gw.test/pds/Patient'));
    expect(onUnauthorised).toHaveBeenCalledTimes(1);

    await withBearer(unauthorised.transport, { bases: BASES, token: () => TOKEN, onUnauthorised })(new Request('https://www.trust.nhs.uk/contact-us'));
    await withBearer(recorder(403).transport, { bases: BASES, token: () => TOKEN, onUnauthorised })(new Request('https://gw.test/pds/Patient'));
    expect(onUnauthorised).toHaveBeenCalledTimes(1);
  });

  it('returns the response of the wrapped transport, and lets its failures through', async () => {
    const response = await withBearer(recorder(404).transport, { bases: BASES, token: () => TOKEN })(new Request('https://gw.test/pds/x'));
    expect(response.status).toBe(404);
    const failing: Transport = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(withBearer(failing, { bases: BASES, token: () => TOKEN })(new Request('https://gw.test/pds/x'))).rejects.toThrow('Failed to fetch');
  });

  it('refuses a base that is not an http(s) URL', () => {
    expect(() => withBearer(recorder().transport, { bases: ['/relative'], token: () => TOKEN })).toThrow();
    expect(() => withBearer(recorder().transport, { bases: ['data:text/plain,x'], token: () => TOKEN })).toThrow(/http/);
  });
});
