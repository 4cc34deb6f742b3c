// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitisePlanHtml } from './sanitise-plan-html';

/** Parses the sanitiser's output the way the browser will when it is inserted. */
function render(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = sanitisePlanHtml(html);
  return container;
}

const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('sanitisePlanHtml', () => {
  it('removes scripts and their content', () => {
    const out = render('<p>Plan</p><script>alert(1)</script><noscript><p>x</p></noscript>');
    expect(out.querySelector('script')).toBeNull();
    expect(out.innerHTML).not.toContain('alert');
    expect(out.textContent).toContain('Plan');
  });

  it('removes event-handler attributes', () => {
    const out = render('<p onclick="steal()">Call</p><img src="x" onerror="steal()" alt="">');
    expect(out.innerHTML).not.toMatch(/onclick|onerror|steal/);
    expect(out.querySelector('p')).toHaveTextContent('Call');
  });

  it('removes javascript: and other unsafe link targets but keeps the link text', () => {
    const out = render(
      '<a href="javascript:alert(1)">one</a> <a href=" JaVaScRiPt:alert(1)">two</a> ' +
        '<a href="data:text/html,<script>alert(1)</script>">three</a> <a href="/relative">four</a>',
    );
    // A link without its target would still look clickable, so only its words remain.
    expect(out.querySelector('a')).toBeNull();
    expect(out.innerHTML).not.toMatch(/javascript|data:|relative/i);
    expect(out).toHaveTextContent('one two three four');
  });

  it('keeps https, mailto and tel links; web links open in a new tab without opener or referrer', () => {
    const out = render(
      '<a href="https://example.nhs.uk/crisis">Crisis line</a>' +
        '<a href="mailto:team@example.nhs.uk">Email</a><a href="tel:01234567890">Call</a>',
    );
    const [web, mail, phone] = [...out.querySelectorAll('a')];
    expect(web).toHaveAttribute('href', 'https://example.nhs.uk/crisis');
    expect(web).toHaveAttribute('target', '_blank');
    expect(web).toHaveAttribute('rel', 'noopener noreferrer');
    expect(web).toHaveTextContent('Crisis line (opens in a new tab)');
    expect(mail).toHaveAttribute('href', 'mailto:team@example.nhs.uk');
    expect(mail).toHaveAttribute('rel', 'noopener noreferrer');
    expect(phone).toHaveAttribute('href', 'tel:01234567890');
    expect(phone).not.toHaveAttribute('target');
  });

  it('drops http: links, keeping their words: an http: page can be altered on the way', () => {
    const out = render('<p>See <a href="http://example.nhs.uk/plan">the full plan</a> or <a href="HTTP://example.nhs.uk/x">this</a></p>');
    expect(out.querySelector('a')).toBeNull();
    expect(out.innerHTML).not.toContain('http:');
    expect(out).toHaveTextContent('See the full plan or this');
  });

  it('drops dir, <bdo> and bidi control characters, so a number never renders reversed', () => {
    const out = render(
      '<p dir="rtl">Crisis line: <bdo dir="rtl">0113 496 0000</bdo></p><p>Dose: \u202E5 mg\u202C</p><p>Call &#x202E;0800 123 4567&#x202C; <span dir="rtl">now</span></p>',
    );
    expect(out.querySelector('[dir], bdo')).toBeNull();
    expect(out.textContent).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(out).toHaveTextContent('Crisis line: 0113 496 0000');
    expect(out).toHaveTextContent('Call 0800 123 4567 now');
  });

  it('removes remote images and leaves a note in their place', () => {
    const out = render(
      '<p>Before</p><img src="https://tracker.example.com/p.gif" alt="Photo of patient">' +
        '<img srcset="https://tracker.example.com/a.png 2x" alt=""><img src="data:image/svg+xml;base64,PHN2Zz4=">',
    );
    expect(out.querySelector('img')).toBeNull();
    expect(out.innerHTML).not.toContain('tracker.example.com');
    expect(out).toHaveTextContent('[Image not shown: Photo of patient]');
  });

  it('keeps raster images embedded as data: URLs, with nothing else that could fetch', () => {
    const out = render(`<img src="${TINY_PNG}" alt="Body map" srcset="https://x.example/a.png 2x" style="background:url(https://x.example/b)">`);
    const image = out.querySelector('img');
    expect(image).toHaveAttribute('src', TINY_PNG);
    expect(image).toHaveAttribute('alt', 'Body map');
    expect(image).not.toHaveAttribute('srcset');
    expect(image).not.toHaveAttribute('style');
  });

  it('removes link, style, meta, base and style= attributes that could load remote content', () => {
    const out = render(
      '<link rel="stylesheet" href="https://evil.example/x.css"><style>p{background:url(https://evil.example/y)}</style>' +
        '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">' +
        '<p style="background-image:url(https://evil.example/z)" background="https://evil.example/w">Text</p>',
    );
    expect(out.querySelector('link, style, meta, base, [style], [background]')).toBeNull();
    expect(out.innerHTML).not.toContain('evil.example');
    expect(out.querySelector('p')).toHaveTextContent('Text');
  });

  it('removes iframes, objects, embeds, media and forms', () => {
    const out = render(
      '<iframe src="https://evil.example"></iframe><object data="https://evil.example/o"></object>' +
        '<embed src="https://evil.example/e"><video poster="https://evil.example/v.jpg"><source src="https://evil.example/v.mp4"></video>' +
        '<audio src="https://evil.example/a.mp3"></audio><form action="https://evil.example/f"><input name="q"><button>Go</button></form>',
    );
    expect(out.querySelector('iframe, object, embed, video, source, audio, form, input, button')).toBeNull();
    expect(out.innerHTML).not.toContain('evil.example');
  });

  it('drops ids, classes and aria attributes so the plan cannot imitate or clobber the app', () => {
    const out = render('<p id="root" class="nhsuk-error-message" aria-hidden="true" data-x="1">Text</p>');
    const paragraph = out.querySelector('p')!;
    expect([...paragraph.attributes].map((a) => a.name)).toEqual([]);
  });

  it('keeps text, lists, tables and emphasis', () => {
    const out = render(
      '<p>Known to <strong>crisis team</strong></p><ul><li>Triggers: loud noise</li><li>Calms with music</li></ul>' +
        '<table><thead><tr><th scope="col">Name</th></tr></thead><tbody><tr><td colspan="2">Dr Ahmed</td></tr></tbody></table>',
    );
    expect(out.querySelector('strong')).toHaveTextContent('crisis team');
    expect(out.querySelectorAll('li')).toHaveLength(2);
    expect(out.querySelector('th')).toHaveAttribute('scope', 'col');
    expect(out.querySelector('td')).toHaveAttribute('colspan', '2');
  });

  it('demotes the plan’s headings so its top level sits under the page’s h2', () => {
    const out = render('<h1>Crisis plan</h1><h2>Triggers</h2><h3>At night</h3>');
    expect([...out.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => [h.tagName, h.textContent])).toEqual([
      ['H3', 'Crisis plan'],
      ['H4', 'Triggers'],
      ['H5', 'At night'],
    ]);
  });

  it('leaves headings that already start at h3 as they are', () => {
    const out = render('<h3>Plan</h3><h4>Contacts</h4>');
    expect([...out.querySelectorAll('h3, h4')].map((h) => h.tagName)).toEqual(['H3', 'H4']);
  });

  it('returns the body of a whole HTML document, without its head', () => {
    const out = render('<!doctype html><html><head><title>Secret title</title></head><body><p>Body text</p></body></html>');
    expect(out.textContent).toBe('Body text');
  });
});
