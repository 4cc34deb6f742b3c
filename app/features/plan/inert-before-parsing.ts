/**
 * Chromium checks the page's Content Security Policy while it *parses* markup into an inert
 * document (DOMPurify's DOMParser), so a producer's `onload=`, `style=` and `<style>` are each
 * reported as a policy violation although nothing runs and the sanitiser then drops them. One
 * HTML plan would send the trust a stream of false alarms, and real ones would drown in them.
 *
 * So before parsing, inline code is made plainly inert: an event-handler or style attribute is
 * renamed `x-…` (dropped by the sanitiser's allowlist like any unknown attribute) and a `<style>`
 * element is removed with its contents. Text is never changed: only what the HTML tokenizer
 * reads as a tag is touched, and raw-text elements (script, textarea, title…) are copied as they
 * are. DOMPurify stays the safety boundary; a tag this scan misreads only means a report.
 * One pass, linear in the markup's length.
 */

/** Elements whose contents the tokenizer reads as text up to their own end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const SPACE = new Set(['\t', '\n', '\f', '\r', ' ']);
/** Where an attribute name or an unquoted value stops (plus "=" for a name, which may begin with one). */
const ends = (c: string | undefined) => c === undefined || SPACE.has(c) || c === '>';

function isInlineCode(attributeName: string): boolean {
  const name = attributeName.toLowerCase();
  return name.startsWith('on') || name === 'style';
}

export function inertBeforeParsing(html: string): string {
  let out = '';
  let copiedTo = 0;
  let at = 0;
  const copy = (to: number) => {
    out += html.slice(copiedTo, to);
    copiedTo = to;
  };

  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const closing = html[open + 1] === '/';
    const nameStart = open + (closing ? 2 : 1);
    if (!/[A-Za-z]/.test(html[nameStart] ?? '')) {
      at = open + 1;
      continue;
    }
    let i = nameStart;
    while (!ends(html[i]) && html[i] !== '/') i++;
    const tagName = html.slice(nameStart, i).toLowerCase();

    // Attributes, as the tokenizer reads them, up to the tag's `>`.
    while (i < html.length && html[i] !== '>') {
      if (SPACE.has(html[i]!) || html[i] === '/') {
        i++;
        continue;
      }
      const attributeStart = i;
      i++; // a name may begin with "=" and holds anything but space, "/", ">" and "=" after that
      while (!ends(html[i]) && html[i] !== '/' && html[i] !== '=') i++;
      if (isInlineCode(html.slice(attributeStart, i))) {
        copy(attributeStart);
        out += 'x-';
      }
      let j = i;
      while (SPACE.has(html[j]!)) j++;
      if (html[j] !== '=') continue;
      j++;
      while (SPACE.has(html[j]!)) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const end = html.indexOf(quote, j + 1);
        i = end === -1 ? html.length : end + 1;
      } else {
        while (!ends(html[j])) j++;
        i = j;
      }
    }
    at = Math.min(i + 1, html.length);

    if (closing || !RAW_TEXT.has(tagName)) continue;
    const endTag = new RegExp(`</${tagName}[\\t\\n\\f\\r />]`, 'gi');
    endTag.lastIndex = at;
    const found = endTag.exec(html);
    const rawEnd = found ? found.index : html.length;
    if (tagName === 'style') {
      // Dropped whole, end tag included: the sanitiser would drop it anyway, contents and all.
      copy(open);
      const afterEnd = html.indexOf('>', rawEnd);
      at = copiedTo = afterEnd === -1 ? html.length : afterEnd + 1;
    } else {
      at = rawEnd;
    }
  }
  copy(html.length);
  return out;
}
