/**
 * Reads a contact page off the main thread (contact-page-reader.ts): a 1 MB page with thousands
 * of numbers takes a few hundred milliseconds of parsing that the crew's screen must not wait on.
 */
import { parseContactPage } from './contact-page-parser';
import type { ContactPageAnswer, ContactPageRequest } from './contact-page-reader';

// The app's tsconfig has the DOM library, not the worker one: only what a worker has is named here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ContactPageRequest>) => void) | null;
  postMessage(answer: ContactPageAnswer): void;
};

scope.onmessage = ({ data }) => {
  let answer: ContactPageAnswer;
  try {
    answer = { ok: true, details: parseContactPage(data.html, data.sourceUrl) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(answer);
};
