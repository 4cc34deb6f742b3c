/**
 * Two Vite plugins for the first paint (issue 13 point 4; docs/performance.md "Issue 13: first
 * paint and Lighthouse"):
 * - firstScreenHtml: at build time, renders app/frame/first-screen.tsx (the NHS.UK header and a
 *   "Starting…" status) with react-dom/server into index.html's #root, so the browser paints it
 *   before the JavaScript arrives; main.tsx hydrates it.
 * - themeBeforePaint: a tiny classic script, first in <head> after the policy, that sets
 *   data-theme on <html> from the crew's saved choice or the tablet's setting, so a dark tablet
 *   does not flash white. A file of its own: the Content Security Policy allows no inline script.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import { THEME_BEFORE_PAINT } from '../app/frame/theme';

const ROOT_ELEMENT = '<div id="root"></div>';
export const THEME_SCRIPT_FILE = 'theme-before-paint.js';

/** index.html with `markup` inside its empty #root. Throws if there is no empty #root to fill. */
export function withFirstScreen(html: string, markup: string): string {
  const at = html.indexOf(ROOT_ELEMENT);
  if (at < 0 || html.indexOf(ROOT_ELEMENT, at + 1) >= 0) throw new Error(`index.html: expected one empty ${ROOT_ELEMENT} to render the first screen into`);
  if (markup.trim() === '') throw new Error('the first screen rendered to nothing');
  return `${html.slice(0, at)}<div id="root">${markup}</div>${html.slice(at + ROOT_ELEMENT.length)}`;
}

/** index.html with the theme script before any stylesheet or module script (so nothing delays it). */
export function withThemeScript(html: string): string {
  const tag = `<script src="/${THEME_SCRIPT_FILE}"></script>`;
  const title = /<title>[^<]*<\/title>/i.exec(html);
  if (!title) throw new Error('index.html: the theme script goes after <title>, which is missing');
  const end = title.index + title[0].length;
  return `${html.slice(0, end)}\n    ${tag}${html.slice(end)}`;
}

const NO_STYLESHEET = '\0crl-no-stylesheet';

/** Markup only: the components' stylesheet imports are the app build's business, not this render's. */
const stylesheetsAsNothing: Plugin = {
  name: 'crl-stylesheets-as-nothing',
  enforce: 'pre',
  resolveId: (source) => (/\.(s?css)(\?.*)?$/.test(source) ? NO_STYLESHEET : undefined),
  load: (id) => (id === NO_STYLESHEET ? 'export {};' : undefined),
};

export function firstScreenHtml(): Plugin {
  const module = fileURLToPath(new URL('../app/frame/first-screen-html.tsx', import.meta.url));
  return {
    name: 'crl-first-screen-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        // Loaded through Vite's module runner, as the app's own TypeScript; the service-worker
        // registration module it reaches is replaced by the inert stand-in the unit tests use.
        const { module: screen } = await runnerImport<{ firstScreenHtml: () => string }>(module, {
          configFile: false,
          logLevel: 'error',
          resolve: { alias: { 'virtual:pwa-register': fileURLToPath(new URL('../app/test-support/pwa-register.ts', import.meta.url)) } },
          plugins: [stylesheetsAsNothing],
        });
        return withFirstScreen(html, screen.firstScreenHtml());
      },
    },
  };
}

export function themeBeforePaint(): Plugin {
  let building = false;
  return {
    name: 'crl-theme-before-paint',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      if (building) this.emitFile({ type: 'asset', fileName: THEME_SCRIPT_FILE, source: THEME_BEFORE_PAINT });
    },
    configureServer(server) {
      server.middlewares.use(`/${THEME_SCRIPT_FILE}`, (_request, response) => {
        response.setHeader('content-type', 'text/javascript; charset=utf-8');
        response.end(THEME_BEFORE_PAINT);
      });
    },
    transformIndexHtml: { order: 'pre', handler: (html) => withThemeScript(html) },
  };
}
