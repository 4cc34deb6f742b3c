import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, ConsoleMessage, Page, Worker } from '@playwright/test';
import { preview, type Plugin } from 'vite';

/**
 * The production build served as a deployment should serve it: every response carries the
 * Content-Security-Policy header (docs/deployment.md#content-security-policy). A real header,
 * so the service worker keeps it with the precached index.html and serves it again on later
 * navigations, and the pdf.js worker and service worker scripts get it too.
 */
export interface PolicyPreview {
  readonly url: string;
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function startPolicyPreview(policy: string | (() => string)): Promise<PolicyPreview> {
  const current = typeof policy === 'string' ? () => policy : policy;
  const withPolicy: Plugin = {
    name: 'e2e-content-security-policy-header',
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', current());
        next();
      });
    },
  };
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [withPolicy],
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** One refusal, as the browser reported it (a SecurityPolicyViolationEvent or a console error). */
export interface PolicyViolation {
  readonly directive: string;
  readonly blocked: string;
  readonly policy: string;
  readonly where: string;
}

const REPORT_BINDING = '__crlReportPolicyViolation';
const CSP_CONSOLE = /Content[ -]Security[ -]Policy/i;

/**
 * Collects every policy violation in the context: `securitypolicyviolation` events in each page
 * (listened for before the app's first script runs), and CSP errors on the console of pages,
 * the pdf.js worker and the service worker, where no page event is fired.
 */
export async function collectPolicyViolations(context: BrowserContext): Promise<PolicyViolation[]> {
  const violations: PolicyViolation[] = [];
  await context.exposeBinding(REPORT_BINDING, (_source, violation: PolicyViolation) => void violations.push(violation));
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (v: unknown) => void>)[binding]!;
      report({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        policy: event.originalPolicy,
        where: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber} (${event.sample})`,
      });
    });
  }, REPORT_BINDING);
  const fromConsole = (where: string) => (message: ConsoleMessage) => {
    if (CSP_CONSOLE.test(message.text())) violations.push({ directive: 'console', blocked: message.text(), policy: '', where });
  };
  const watchWorker = (kind: string) => (worker: Worker) => worker.on('console', fromConsole(`${kind} ${worker.url()}`));
  const watchPage = (page: Page) => {
    page.on('console', fromConsole('page'));
    page.on('worker', watchWorker('worker'));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.serviceWorkers().forEach(watchWorker('service worker'));
  context.on('serviceworker', watchWorker('service worker'));
  return violations;
}
