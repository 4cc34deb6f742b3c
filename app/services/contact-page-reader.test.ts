import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContactPageClient } from './contact-page-client';
import { parseContactPage } from './contact-page-parser';
import { readContactPage, type ContactPageAnswer, type ContactPageRequest } from './contact-page-reader';
import { ServiceError } from './service-error';
import { startMswServer, testContext } from '../test-support/services';
import { fetchTransport } from './transport';

const PAGE = 'https://www.rx4.nhs.uk/services/crisis-team/contact';
const HTML = '<!doctype html><title>Team</title><h1>Crisis team</h1><ul><li>Crisis line (24 hours): 01632 960 417</li></ul>';
const server = startMswServer();

/** A stand-in for the platform's Worker: `behaviour` decides how it answers a posted page. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  static behaviour: 'parse' | 'silent' | 'broken' = 'parse';
  readonly url: string;
  readonly options: WorkerOptions | undefined;
  posted: ContactPageRequest | undefined;
  terminated = false;

  constructor(url: string | URL, options?: WorkerOptions) {
    super();
    this.url = String(url);
    this.options = options;
    FakeWorker.made.push(this);
  }

  postMessage(request: ContactPageRequest): void {
    this.posted = request;
    setTimeout(() => {
      if (this.terminated || FakeWorker.behaviour === 'silent') return;
      if (FakeWorker.behaviour === 'broken') this.dispatchEvent(new Event('error'));
      else this.dispatchEvent(new MessageEvent<ContactPageAnswer>('message', { data: { ok: true, details: { ...parseContactPage(request.html, request.sourceUrl), teamName: 'read in the worker' } } }));
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  FakeWorker.made = [];
  FakeWorker.behaviour = 'parse';
  vi.unstubAllGlobals();
});

describe('readContactPage', () => {
  it('the client reads the page in a module worker when the platform has one, and ends it after', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    server.use(http.get(PAGE, () => new HttpResponse(HTML, { headers: { 'Content-Type': 'text/html' } })));
    const details = await createContactPageClient({ transport: fetchTransport }).getContactDetails(PAGE, testContext());
    expect(details.teamName).toBe('read in the worker');
    expect(details.numbers).toEqual([{ label: 'Crisis line (24 hours)', display: '01632 960 417', tel: 'tel:01632960417' }]);
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker!.url).toMatch(/\/contact-page-worker\.ts$/);
    expect(worker!.options).toMatchObject({ type: 'module' });
    expect(worker!.posted).toEqual({ html: HTML, sourceUrl: PAGE });
    expect(worker!.terminated).toBe(true);
  });

  it('reads the page on this thread where there is no Worker (Node, tests)', async () => {
    vi.stubGlobal('Worker', undefined);
    expect(await readContactPage(HTML, PAGE)).toEqual(parseContactPage(HTML, PAGE));
  });

  it('reads the page on this thread when the worker cannot start', async () => {
    FakeWorker.behaviour = 'broken';
    const details = await readContactPage(HTML, PAGE, { createWorker: () => new FakeWorker('x') as unknown as Worker });
    expect(details).toEqual(parseContactPage(HTML, PAGE));
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('ends a worker that takes too long and refuses the page, without reading it on this thread', async () => {
    FakeWorker.behaviour = 'silent';
    const read = readContactPage(HTML, PAGE, { createWorker: () => new FakeWorker('x') as unknown as Worker, timeoutMs: 20 });
    await expect(read).rejects.toMatchObject({ service: 'contact-page', kind: 'too-large' });
    await expect(read).rejects.toBeInstanceOf(ServiceError);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('ends the worker when the lookup is cancelled', async () => {
    FakeWorker.behaviour = 'silent';
    const controller = new AbortController();
    const read = readContactPage(HTML, PAGE, { createWorker: () => new FakeWorker('x') as unknown as Worker, signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(read).rejects.toThrow('cancelled');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
  });

  it('passes on a parse failure in the worker as an error', async () => {
    const failing = () => {
      const worker = new FakeWorker('x');
      worker.postMessage = () => setTimeout(() => worker.dispatchEvent(new MessageEvent<ContactPageAnswer>('message', { data: { ok: false, error: 'boom' } })));
      return worker as unknown as Worker;
    };
    await expect(readContactPage(HTML, PAGE, { createWorker: failing })).rejects.toThrow('boom');
  });
});

describe('contact-page-worker', () => {
  it('answers a posted page with what parseContactPage reads from it', async () => {
    const answers: ContactPageAnswer[] = [];
    const scope: { onmessage: ((event: MessageEvent<ContactPageRequest>) => void) | null; postMessage: (answer: ContactPageAnswer) => void } = { onmessage: null, postMessage: (answer) => answers.push(answer) };
    vi.stubGlobal('self', scope);
    await import('./contact-page-worker');
    scope.onmessage!(new MessageEvent('message', { data: { html: HTML, sourceUrl: PAGE } }));
    expect(answers).toEqual([{ ok: true, details: parseContactPage(HTML, PAGE) }]);
  });
});

describe('parseContactPage without a DOM (htmlparser2)', () => {
  it('reads a number written with entities or split by a comment as one number, as a browser would', () => {
    const details = parseContactPage('<p>Crisis line: 01632&nbsp;960&#32;417</p><p>Duty: 0113 <!-- x -->496 0000</p>', PAGE);
    expect(details.numbers.map((number) => number.display)).toEqual(['01632 960 417']);
  });

  it('reads the page when it has no <body> or leaves <head> open', () => {
    const details = parseContactPage('<html><head><title>Crisis team</title><meta charset="utf-8"><p>Crisis line: 01632 960 417', PAGE);
    expect(details).toMatchObject({ teamName: 'Crisis team', numbers: [{ label: 'Crisis line', display: '01632 960 417' }] });
  });
});
