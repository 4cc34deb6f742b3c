// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { inertBeforeParsing } from './inert-before-parsing';
import { sanitisePlanHtml } from './sanitise-plan-html';

describe('inertBeforeParsing', () => {
  it('renames event-handler and style attributes, however they are written', () => {
    expect(inertBeforeParsing('<body onload="go()"><p style="color:red" ONCLICK=go()>Hi</p><img/onerror=\'go()\' src=x></body>')).toBe(
      '<body x-onload="go()"><p x-style="color:red" x-ONCLICK=go()>Hi</p><img/x-onerror=\'go()\' src=x></body>',
    );
  });

  it('keeps other attributes, and a handler-like word inside a quoted value', () => {
    const html = '<a href="https://example.org/?x=1" title="onclick=go() style=x">Link</a>';
    expect(inertBeforeParsing(html)).toBe(html);
  });

  it('never changes text, even text that looks like an attribute', () => {
    const html = '<p>Give 5 mg onset=30 min; style="calm" & a < b onload=x</p><!-- <p onclick=x> -->';
    expect(inertBeforeParsing(html)).toBe(html);
  });

  it('removes <style> elements with their contents, and leaves raw-text elements as they are', () => {
    expect(inertBeforeParsing('<p>A</p><STYLE media="all">p { color: red } <b onclick=x></STYLE ><p>B</p>')).toBe('<p>A</p><p>B</p>');
    const raw = '<textarea><b onclick=x style=y></textarea><script>if (a <b onload=1) {}</script>';
    expect(inertBeforeParsing(raw)).toBe(raw);
  });

  it('copes with markup cut short', () => {
    expect(inertBeforeParsing('<p onclick="go()')).toBe('<p x-onclick="go()');
    expect(inertBeforeParsing('<style>p {')).toBe('');
    expect(inertBeforeParsing('a <')).toBe('a <');
  });

  it('reads a large page of attributes whole, renaming every one', () => {
    const out = inertBeforeParsing('<p onclick="x" style="y" title="z">1</p>'.repeat(50_000));
    expect(out.match(/ x-onclick="x" x-style="y" title="z"/g)?.length).toBe(50_000);
  });
});

describe('sanitisePlanHtml under a Content Security Policy', () => {
  // Chromium reports a violation for each handler or style the parser meets, though nothing runs:
  // the parser must never be handed one (e2e/journeys/content-security-policy.spec.ts in a browser).
  it('hands the parser no event handler, style attribute or <style> element', () => {
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    const out = sanitisePlanHtml('<body onload="go()"><style>p{}</style><h1 style="color:red">Plan</h1><img src="/x.png" onerror="go()" alt="Photo"></body>');
    const parsed = parse.mock.calls.map(([markup]) => String(markup)).join('\n');
    expect(parsed).toContain('Plan');
    expect(parsed).not.toMatch(/\son[a-z]+=|\sstyle=|<style/i);
    expect(out).toBe('<h3>Plan</h3>[Image not shown: Photo]');
  });
});
