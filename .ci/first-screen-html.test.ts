import { describe, expect, it } from 'vitest';
import { firstScreenHtml } from '../app/frame/first-screen-html';
import { withFirstScreen, withThemeScript, THEME_SCRIPT_FILE } from './first-screen-html';

const INDEX = '<html><head><title>Crew Record Locator</title></head><body><div id="root"></div></body></html>';

describe('the first screen in index.html', () => {
  it('is the header and a starting status, rendered from the real components', () => {
    const markup = firstScreenHtml();
    expect(markup).toContain('<header class="nhsuk-header" role="banner">');
    expect(markup).toContain('<span class="nhsuk-header__service-name">Crew Record Locator</span>');
    expect(markup).toMatch(/<main [^>]*id="main-content"[^>]*><p class="nhsuk-body-l" role="status">Starting Crew Record Locator…<\/p><\/main>/);
  });

  it('has nothing a crew could type into or act on before the app knows who may, and is never demo mode', () => {
    const markup = firstScreenHtml();
    expect(markup).not.toMatch(/<(input|form|select|textarea)\b/);
    expect(markup).not.toMatch(/DEMO|Synthetic|NHS number/);
    expect(markup).not.toContain('crl-app--demo');
  });

  it('goes into the empty root, and only there', () => {
    expect(withFirstScreen(INDEX, '<p>x</p>')).toBe('<html><head><title>Crew Record Locator</title></head><body><div id="root"><p>x</p></div></body></html>');
    expect(() => withFirstScreen(INDEX.replace('<div id="root"></div>', '<div id="root"><p>old</p></div>'), '<p>x</p>')).toThrow(/empty <div id="root">/);
    expect(() => withFirstScreen(INDEX, '  ')).toThrow(/nothing/);
  });

  it('puts the theme script after the title, before any stylesheet or module script', () => {
    expect(withThemeScript(INDEX)).toContain(`<title>Crew Record Locator</title>\n    <script src="/${THEME_SCRIPT_FILE}"></script></head>`);
    expect(() => withThemeScript('<html><head></head></html>')).toThrow(/<title>/);
  });
});
