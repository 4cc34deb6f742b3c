// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createContactPageClient, MAX_CONTACT_PAGE_BYTES } from './contact-page-client';
import { MAX_NUMBERS_SHOWN, parseContactPage } from './contact-page-parser';
import { expectFailure, TEST_TIMEOUT_MS, testContext, TRANSPORT_AND_STATUS_FAILURES, startMswServer, type FailureCase } from '../test-support/services';
import { fetchTransport } from './transport';

const PAGE = 'https://www.rx4.nhs.uk/services/crisis-team/contact';
const server = startMswServer();
const pages = createContactPageClient({ transport: fetchTransport, timeoutMs: 1_000 });

function html(body: string, title = 'Contact us - Leeds crisis team'): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function servePage(page: string, headers: HeadersInit = { 'Content-Type': 'text/html; charset=utf-8' }): Request[] {
  const seen: Request[] = [];
  server.use(
    http.get(PAGE, ({ request }) => {
      seen.push(request);
      return new HttpResponse(page, { headers });
    }),
  );
  return seen;
}

const TYPICAL = html(`
  <header><a href="/">NHS Trust</a></header>
  <main>
    <h1>Crisis Resolution and Home Treatment Team</h1>
    <p>We support adults in a mental health crisis.</p>
    <h2>Opening hours</h2>
    <p>The crisis line is open 24 hours a day, 7 days a week.</p>
    <ul>
      <li>Crisis line (24 hours): <a href="tel:01632960417">01632 960 417</a></li>
      <li>Team office, Monday to Friday 9am to 5pm: 0113 496 0000</li>
      <li>Out of hours duty manager <a href="tel:+441632960999">+44 (0)1632 960 999</a></li>
    </ul>
    <p>If you cannot get through, call the switchboard on 020 7946 0000.</p>
    <script>var fax = '01632 960 111';</script>
  </main>`);

describe('getContactDetails: the request', () => {
  it('is a plain public GET without Spine or custom headers', async () => {
    const seen = servePage(TYPICAL);
    const context = testContext();
    await pages.getContactDetails(PAGE, context);
    const request = seen[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(PAGE);
    const custom = [...request.headers.keys()].filter((name) => /^(x-|nhsd-|ssp-|authorization)/i.test(name));
    expect(custom).toEqual([]);
    expect(request.credentials).toBe('omit');
    expect(context.sent).toEqual([expect.objectContaining({ service: 'contact-page', url: PAGE, requestId: undefined })]);
  });

  it.each(['http://www.rx4.nhs.uk/contact', 'ssp://www.rx4.nhs.uk/contact', 'not a url'])('refuses %s without a request', async (url) => {
    const context = testContext();
    await expectFailure(pages.getContactDetails(url, context), 'contact-page', { name: '', reply: () => new HttpResponse(), kind: 'unsupported' });
    expect(context.sent).toEqual([]);
  });
});

describe('getContactDetails: reading the page', () => {
  it('finds the team name, every number with its label (crisis and out-of-hours lines first), and the hours', async () => {
    servePage(TYPICAL);
    const details = await pages.getContactDetails(PAGE, testContext());
    expect(details).toEqual({
      sourceUrl: PAGE,
      teamName: 'Crisis Resolution and Home Treatment Team',
      numbers: [
        { label: 'Crisis line (24 hours)', display: '01632 960 417', tel: 'tel:01632960417' },
        { label: 'Out of hours duty manager', display: '+44 (0)1632 960 999', tel: 'tel:+441632960999' },
        { label: 'Team office, Monday to Friday 9am to 5pm', display: '0113 496 0000', tel: 'tel:01134960000' },
        { label: 'If you cannot get through, call the switchboard on', display: '020 7946 0000', tel: 'tel:02079460000' },
      ],
      moreNumbers: 0,
      hours: 'Opening hours: The crisis line is open 24 hours a day, 7 days a week.',
    });
  });

  it('never reads text from scripts or styles', async () => {
    servePage(TYPICAL);
    const details = await pages.getContactDetails(PAGE, testContext());
    expect(details.numbers.map((n) => n.tel)).not.toContain('tel:01632960111');
  });

  it('returns no numbers when the page has none (the screen falls back to the switchboard)', async () => {
    servePage(html('<h1>Crisis team</h1><p>Please ask your GP to refer you.</p>'));
    await expect(pages.getContactDetails(PAGE, testContext())).resolves.toMatchObject({ teamName: 'Crisis team', numbers: [], hours: undefined });
  });

  it.each([
    ['text/plain', 'Call 01632 960417'],
    ['application/pdf', '%PDF-1.7'],
    ['application/json', '{"phone":"01632 960417"}'],
  ])('treats a %s reply as malformed', async (type, body) => {
    servePage(body, { 'Content-Type': type });
    await expectFailure(pages.getContactDetails(PAGE, testContext()), 'contact-page', { name: '', reply: () => new HttpResponse(), kind: 'malformed', detail: new RegExp(type) });
  });

  // Generous: a loaded machine takes a while to hand over megabytes, and time is not the point here.
  const patient = createContactPageClient({ transport: fetchTransport, timeoutMs: 20_000 });

  it('refuses a page whose Content-Length is over the cap, without reading it', async () => {
    const big = html(`<p>Crisis line: 0113 496 0000</p>${'x'.repeat(MAX_CONTACT_PAGE_BYTES)}`);
    servePage(big, { 'Content-Type': 'text/html', 'Content-Length': String(big.length) });
    await expectFailure(patient.getContactDetails(PAGE, testContext()), 'contact-page', {
      name: '',
      reply: () => new HttpResponse(),
      kind: 'too-large',
      detail: new RegExp(`Content-Length ${big.length} is over the limit of ${MAX_CONTACT_PAGE_BYTES} bytes`),
    });
  });

  it('stops reading a page that does not say its size once it passes the cap', async () => {
    let sent = 0;
    // Never ends: only a reader that stops can settle.
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<!doctype html><p>Crisis line: 0113 496 0000</p>'));
      },
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new TextEncoder().encode(`<p>${'x'.repeat(64 * 1024 - 7)}</p>`));
      },
    });
    server.use(http.get(PAGE, () => new HttpResponse(endless, { headers: { 'Content-Type': 'text/html' } })));
    await expectFailure(patient.getContactDetails(PAGE, testContext()), 'contact-page', { name: '', reply: () => new HttpResponse(), kind: 'too-large', detail: /limit/ });
    expect(sent).toBeLessThan(MAX_CONTACT_PAGE_BYTES * 2);
  });

  it('treats a reply with no content type as malformed', async () => {
    server.use(http.get(PAGE, () => new HttpResponse(new Blob([TYPICAL]))));
    await expectFailure(pages.getContactDetails(PAGE, testContext()), 'contact-page', { name: '', reply: () => new HttpResponse(), kind: 'malformed' });
  });
});

describe('parseContactPage', () => {
  function numbersOf(body: string) {
    return parseContactPage(html(body), PAGE).numbers;
  }

  it('takes the team name from <title> when there is no <h1>', () => {
    expect(parseContactPage(html('<p>Nothing</p>', 'Crisis team | RX4'), PAGE).teamName).toBe('Crisis team | RX4');
    expect(parseContactPage('<p>x</p>', PAGE).teamName).toBeUndefined();
  });

  it.each([
    ['01632 960417', 'tel:01632960417'],
    ['01632 960 417', 'tel:01632960417'],
    ['0113 496 0000', 'tel:01134960000'],
    ['020 7946 0000', 'tel:02079460000'],
    ['0800 123 4567', 'tel:08001234567'],
    ['0800 123456', 'tel:0800123456'],
    ['07700 900123', 'tel:07700900123'],
    ['0113-496-0000', 'tel:01134960000'],
    ['01134960000', 'tel:01134960000'],
    ['(01632) 960417', 'tel:01632960417'],
    ['+44 (0)1632 960417', 'tel:+441632960417'],
    ['+44 (0) 20 7946 0000', 'tel:+442079460000'],
    ['+44 113 496 0000', 'tel:+441134960000'],
  ])('reads %s written in text', (written, tel) => {
    expect(numbersOf(`<p>Call: ${written}</p>`)).toEqual([{ label: 'Call', display: written, tel }]);
  });

  it.each([
    ['a date', '<p>Updated 01/06/2025</p>'],
    ['a short code in running text', '<p>In an emergency call 999 or NHS 111.</p>'],
    ['too few digits', '<p>Ext 01632 9604</p>'],
    ['a long reference number', '<p>Ref 0123456789012345</p>'],
  ])('does not mistake %s for a number', (_label, body) => {
    expect(numbersOf(body)).toEqual([]);
  });

  it('keeps a short code the page links as tel:, shown as the page words it', () => {
    expect(numbersOf('<p>Out of hours: <a href="tel:111">NHS 111</a></p>')).toEqual([{ label: 'Out of hours', display: 'NHS 111', tel: 'tel:111' }]);
  });

  it('shows the number that will be dialled when the link text names another one', () => {
    expect(numbersOf('<p>Crisis line: <a href="tel:01632960417">0113 496 0000</a></p>')).toEqual([
      { label: 'Crisis line', display: '01632960417', tel: 'tel:01632960417' },
    ]);
  });

  it('shows the national form the page writes when the link dials it in international form', () => {
    expect(numbersOf('<li>Home treatment team: <a href="tel:+442079460123">020 7946 0123</a></li>')).toEqual([
      { label: 'Home treatment team', display: '020 7946 0123', tel: 'tel:+442079460123' },
    ]);
  });

  it('uses the href when the link text is not a number', () => {
    expect(numbersOf('<li><a href="tel:01632%20960417">Call the crisis team</a></li>')).toEqual([
      { label: 'Call the crisis team', display: '01632 960417', tel: 'tel:01632960417' },
    ]);
  });

  it('ignores tel: links that hold no UK number', () => {
    expect(numbersOf('<p><a href="tel:12">Call</a> <a href="tel:">Empty</a></p>')).toEqual([]);
  });

  it('de-duplicates by tel, keeping the first label', () => {
    expect(numbersOf('<p>Crisis line: <a href="tel:01632960417">01632 960417</a></p><p>Or ring 01632-960-417</p>')).toEqual([
      { label: 'Crisis line', display: '01632 960417', tel: 'tel:01632960417' },
    ]);
  });

  it('labels each of several numbers in one block by the words before it', () => {
    expect(numbersOf('<p>Day: 0113 496 0000 Night: 0113 496 0001</p>')).toEqual([
      { label: 'Day', display: '0113 496 0000', tel: 'tel:01134960000' },
      { label: 'Night', display: '0113 496 0001', tel: 'tel:01134960001' },
    ]);
  });

  it('labels a number in a <dd> by its <dt>', () => {
    expect(numbersOf('<dl><dt>Crisis line</dt><dd><a href="tel:01632960417">01632 960417</a></dd><dt>Office</dt><dd>0113 496 0000</dd></dl>')).toEqual([
      { label: 'Crisis line', display: '01632 960417', tel: 'tel:01632960417' },
      { label: 'Office', display: '0113 496 0000', tel: 'tel:01134960000' },
    ]);
  });

  it('labels a number in a table row by the row’s other cells', () => {
    expect(numbersOf('<table><tr><th>Crisis line (24/7)</th><td>0800 123 4567</td></tr></table>')).toEqual([
      { label: 'Crisis line (24/7)', display: '0800 123 4567', tel: 'tel:08001234567' },
    ]);
  });

  it('labels a number on a line of its own "Phone", and reads across line breaks', () => {
    expect(numbersOf('<p>0800 123 4567</p><p>Team office<br>0113 496 0000</p>')).toEqual([
      { label: 'Phone', display: '0800 123 4567', tel: 'tel:08001234567' },
      { label: 'Team office', display: '0113 496 0000', tel: 'tel:01134960000' },
    ]);
  });

  it('uses a nearby short container when the number is in no list, paragraph or row', () => {
    expect(numbersOf('<div><span>Crisis line</span> <strong>0113 496 0000</strong></div>')[0]!.label).toBe('Crisis line');
  });

  it('keeps a long label to the words nearest the number', () => {
    const long = 'If you or someone you care for is in a mental health crisis and needs urgent help at any time of day or night, call our crisis line on';
    const label = numbersOf(`<p>${long} 0800 123 4567</p>`)[0]!.label;
    expect(label.length).toBeLessThanOrEqual(81);
    expect(label.startsWith('…')).toBe(true);
    expect(label.endsWith('call our crisis line on')).toBe(true);
  });

  it('keeps numbers in page order', () => {
    const tels = numbersOf('<p>First 0113 496 0001</p><p><a href="tel:01134960002">Second</a></p><p>Third 0113 496 0003</p>').map((n) => n.tel);
    expect(tels).toEqual(['tel:01134960001', 'tel:01134960002', 'tel:01134960003']);
  });

  describe('a page with thousands of numbers', () => {
    const ward = (i: number) => `Ward ${i}: 0113 496 ${String(i).padStart(4, '0')}`;
    const directory =
      '<header><p>Switchboard: 020 7946 0000</p></header>' +
      `<main><p>${Array.from({ length: 4_998 }, (_, i) => ward(i)).join(' ')}</p>` +
      '<ul><li>Crisis line (24 hours): <a href="tel:01632960417">01632 960 417</a></li></ul></main>';

    it(`shows at most ${MAX_NUMBERS_SHOWN}, the most likely first, and counts the rest`, () => {
      const details = parseContactPage(html(directory), PAGE);
      expect(details.numbers).toHaveLength(MAX_NUMBERS_SHOWN);
      expect(details.numbers[0]).toEqual({ label: 'Crisis line (24 hours)', display: '01632 960 417', tel: 'tel:01632960417' });
      expect(details.numbers.slice(1).map((n) => n.label)).toEqual(['Ward 0', 'Ward 1', 'Ward 2', 'Ward 3']);
      expect(details.moreNumbers).toBe(5_000 - MAX_NUMBERS_SHOWN);
    });

    it('reads them in time linear in the page (one paragraph of 5,000 numbers took 15 s before)', () => {
      const started = performance.now();
      parseContactPage(html(directory), PAGE);
      // A bound far above the linear reader's time and far below the quadratic one's.
      expect(performance.now() - started).toBeLessThan(3_000);
    });
  });

  it('puts the site header’s and footer’s numbers, fax and short codes after the team’s own', () => {
    const page =
      '<header><p>Trust headquarters: 020 7946 0000</p></header><p>Fax: 0113 496 0999</p><p>Out of hours: <a href="tel:111">NHS 111</a></p>' +
      '<p>Team office: 0113 496 0001</p><footer><p>Main line: 020 7946 0001</p></footer>';
    expect(numbersOf(page).map((n) => n.label)).toEqual(['Team office', 'Trust headquarters', 'Fax', 'Out of hours', 'Main line']);
  });

  it('survives a label made of a long run of separators, which a backtracking expression takes seconds over', () => {
    const started = performance.now();
    const numbers = numbersOf(`<p>Crisis line${':'.repeat(40_000)}x 0113 496 0000</p>`);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(numbers).toEqual([{ label: 'x', display: '0113 496 0000', tel: 'tel:01134960000' }]);
  });

  it.each([
    ['a right-to-left override in the text', '<p>Crisis line: \u202E0113 496 0000\u202C</p>'],
    ['an override written as a character reference', '<p>Crisis line: &#x202E;0113 496 0000&#x202C;</p>'],
    ['isolates and marks around the digits', '<p>Crisis line: \u20680113\u200F 496\u200E 0000\u2069</p>'],
    ['an override in a tel: link', '<p>Crisis line: <a href="tel:%E2%80%AE01134960000">\u202E0113 496 0000</a></p>'],
    ['dir and bdo around the number', '<p dir="rtl">Crisis line: <bdo dir="rtl">0113 496 0000</bdo></p>'],
  ])('never keeps a bidi control in a number or its label: %s', (_name, body) => {
    const numbers = numbersOf(body);
    expect(numbers).toHaveLength(1);
    expect(numbers[0]!.tel).toBe('tel:01134960000');
    expect(numbers[0]!.label).toBe('Crisis line');
    expect(numbers[0]!.display).toMatch(/^0113[\s]?496[\s]?0000$/);
  });

  it.each([
    ['<p>Available Monday to Friday, 9am to 5pm.</p>', 'Available Monday to Friday, 9am to 5pm.'],
    ['<div><p>Out of hours, call NHS 111.</p></div>', 'Out of hours, call NHS 111.'],
    ['<h3>Hours</h3><p>24/7</p>', 'Hours: 24/7'],
    ['<p>Contact us</p>', undefined],
  ])('reads hours from %s', (body, hours) => {
    expect(parseContactPage(html(body), PAGE).hours).toBe(hours);
  });

  it('keeps hours short', () => {
    const hours = parseContactPage(html(`<p>Our hours are ${'very '.repeat(100)}long.</p>`), PAGE).hours!;
    expect(hours.length).toBeLessThanOrEqual(200);
  });

  it('does not run scripts or load anything from the page', () => {
    const before = document.body.innerHTML;
    const details = parseContactPage(html('<img src="https://tracker.test/x.gif" onerror="window.__pwned = true"><script>window.__pwned = true</script><h1>Team</h1>'), PAGE);
    expect(details.teamName).toBe('Team');
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('getContactDetails: failures', () => {
  const quick = createContactPageClient({ transport: fetchTransport, timeoutMs: TEST_TIMEOUT_MS });
  // A public site's own 404 is its word that the page is gone: there is no gateway in between (§2.2).
  const cases: FailureCase[] = TRANSPORT_AND_STATUS_FAILURES.map((c) => (c.status === 404 ? { ...c, kind: 'not-found' } : c));
  it.each(cases)('$name → $kind', async (failure) => {
    server.use(http.get(PAGE, () => failure.reply()));
    await expectFailure(quick.getContactDetails(PAGE, testContext()), 'contact-page', failure);
  });
});
