import type { ContactDetails } from '../domain/contact-details';
import { ServiceError } from './service-error';

/** What the client sends the worker: the page's text and where it came from. */
export interface ContactPageRequest {
  readonly html: string;
  readonly sourceUrl: string;
}

/** What the worker answers: the page's details, or why parsing threw. */
export type ContactPageAnswer = { readonly ok: true; readonly details: ContactDetails } | { readonly ok: false; readonly error: string };

/**
 * Longest a worker may spend on one page (a 2 MB page takes well under a second on a tablet):
 * past it the worker is ended and the page refused, never retried on the main thread.
 */
export const CONTACT_PAGE_READ_TIMEOUT_MS = 10_000;

export interface ReadOptions {
  /** Cancels the read: the worker is ended and the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number;
  /** A stand-in for tests; by default the module worker, where the platform has Worker. */
  readonly createWorker?: (() => Worker) | undefined;
}

/** The parser's own worker; Vite emits it as a same-origin file (CSP worker-src 'self'), precached like every chunk. */
function contactPageWorker(): Worker {
  return new Worker(new URL('./contact-page-worker.ts', import.meta.url), { type: 'module', name: 'contact-page' });
}

/**
 * Reads a contact page into the details a crew is shown (contact-page-parser.ts), in a Web
 * Worker so the main thread pays only for handing over the text and receiving the small result.
 * Where there is no Worker (tests, Node), or the worker cannot start, the page is read here: the
 * parser is loaded only then, so it is never on the first screen.
 */
export async function readContactPage(html: string, sourceUrl: string, o: ReadOptions = {}): Promise<ContactDetails> {
  const create = o.createWorker ?? (typeof Worker === 'function' ? contactPageWorker : undefined);
  if (create) {
    const answer = await inWorker(create, { html, sourceUrl }, o.signal, o.timeoutMs ?? CONTACT_PAGE_READ_TIMEOUT_MS);
    if (answer) {
      if (answer.ok) return answer.details;
      // As the same throw on the main thread would be: callService makes it a 'malformed' reply.
      throw new Error(answer.error);
    }
  }
  o.signal?.throwIfAborted();
  const { parseContactPage } = await import('./contact-page-parser');
  return parseContactPage(html, sourceUrl);
}

/** The worker's answer; undefined when the worker could not start or run (then the page is read in-thread). */
function inWorker(create: () => Worker, request: ContactPageRequest, signal: AbortSignal | undefined, timeoutMs: number): Promise<ContactPageAnswer | undefined> {
  signal?.throwIfAborted();
  let worker: Worker;
  try {
    worker = create();
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise<ContactPageAnswer | undefined>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new ServiceError({ service: 'contact-page', kind: 'too-large', detail: `The contact page took longer than ${timeoutMs / 1000} s to read` }));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ContactPageAnswer>) => {
      finish();
      resolve(event.data);
    });
    // The script failed to load or run (or the answer could not be cloned): read it here instead.
    const unavailable = () => {
      finish();
      resolve(undefined);
    };
    worker.addEventListener('error', unavailable);
    worker.addEventListener('messageerror', unavailable);
    worker.postMessage(request);
  });
}
