import { sameNumber, telUri, type ContactDetails, type ContactNumber } from '../domain/contact-details';

/**
 * UK numbers as pages write them: 0xxxx xxxxxx, 0xxx xxx xxxx, 0xx xxxx xxxx, (0xxxx) xxxxxx,
 * +44 (0)xxxx xxxxxx, with single spaces or hyphens between digits. Full national numbers only
 * (`telUri` checks the digit count): short codes in running text ("call 999") are not a team's line.
 */
const UK_PHONE = /(?<![\d+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)(?:\d\)?[\s-]?){8,9}\d(?!\d)/g;

/** The block whose text says what a number is for. */
const LABEL_BLOCKS = 'li, p, dt, dd, tr, h2, h3, h4, h5, h6';
/** Elements whose text may state opening hours; the smallest match wins. */
const HOURS_BLOCKS = 'p, li, dt, dd, td, th, h2, h3, h4, h5, h6, span, div';
const HOURS_WORDS = /\bhours\b|\bavailab|\bout[\s-]of[\s-]hours\b|\b24\/7\b|\bopening times\b/i;
/** Text that is never shown, so never read. */
const HIDDEN = 'script, style, noscript, template';
/** Elements that end a line on screen; `textContent` would run their words together. */
const LINE_BREAKING = 'br, p, li, dt, dd, tr, td, th, div, h1, h2, h3, h4, h5, h6, section, article, address, ul, ol, dl, table';
const TERM = new Set(['H2', 'H3', 'H4', 'H5', 'H6', 'DT', 'TH']);

const MAX_LABEL = 80;
const MAX_HOURS = 200;
const MAX_FALLBACK_BLOCK = 200;

interface Found {
  readonly node: Node;
  readonly number: ContactNumber;
}

/**
 * Reads a team's public contact-details page (docs/national-apis.md §2.2). Parses with
 * DOMParser, which neither runs scripts nor loads anything; only text leaves this function.
 */
export function parseContactPage(html: string, sourceUrl: string): ContactDetails {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(HIDDEN).forEach((element) => element.remove());
  doc.body?.querySelectorAll(LINE_BREAKING).forEach((element) => element.after(' '));
  const body = doc.body;
  return {
    sourceUrl,
    teamName: textOf(doc.querySelector('h1')) || textOf(doc.querySelector('title')) || undefined,
    numbers: body ? findNumbers(body) : [],
    hours: body ? findHours(body) : undefined,
  };
}

function findNumbers(body: HTMLElement): ContactNumber[] {
  const found: Found[] = [];
  const links = [...body.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => /^tel:/i.test(a.getAttribute('href') ?? ''));
  for (const link of links) {
    const number = fromTelLink(link);
    if (number) found.push({ node: link, number });
  }
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A link's own text was read with the link, where the href is the better source.
    if (links.some((a) => a.contains(node))) continue;
    for (const match of (node.textContent ?? '').matchAll(UK_PHONE)) {
      const display = collapse(match[0]);
      const tel = telUri(display);
      if (tel) found.push({ node, number: { label: labelFor(node, display), display, tel } });
    }
  }
  found.sort((a, b) => (a.node === b.node ? 0 : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const seen = new Set<string>();
  return found
    .map((f) => f.number)
    .filter((n) => {
      if (seen.has(n.tel)) return false;
      seen.add(n.tel);
      return true;
    });
}

function fromTelLink(link: HTMLAnchorElement): ContactNumber | undefined {
  const text = collapse(link.textContent ?? '');
  const written = [...text.matchAll(UK_PHONE)][0]?.[0];
  const href = safeDecode((link.getAttribute('href') ?? '').replace(/^tel:/i, '')).split(/[;,]/)[0]!.trim();
  const tel = telUri(href) ?? (written ? telUri(written) : undefined);
  if (!tel) return undefined;
  // Show the words on the page only when they are the number that will be dialled.
  const display = written && sameNumber(telUri(written), tel) ? collapse(written) : text && sameNumber(telUri(text), tel) ? text : href;
  return { label: labelFor(link, display), display, tel };
}

/**
 * The text of the number's block with the number removed. Where a block holds several numbers
 * ("Day: 0113 … Night: 0113 …") each takes the words just before it. A `<dd>` with nothing
 * else in it takes its `<dt>`.
 */
function labelFor(node: Node, display: string): string {
  const parent = node.parentElement;
  const block = parent?.closest(LABEL_BLOCKS);
  if (block) {
    let label = labelWithin(textOf(block), display);
    if (!label && block.tagName === 'DD') {
      let term = block.previousElementSibling;
      while (term && term.tagName !== 'DT') term = term.previousElementSibling;
      label = cleanLabel(textOf(term));
    }
    return label || 'Phone';
  }
  // Outside lists, paragraphs and rows: the smallest short container that says something more.
  for (let around = parent; around && around.tagName !== 'BODY'; around = around.parentElement) {
    const text = textOf(around);
    if (text.length > MAX_FALLBACK_BLOCK) break;
    const label = labelWithin(text, display);
    if (label) return label;
  }
  return 'Phone';
}

function labelWithin(text: string, display: string): string {
  const at = text.indexOf(display);
  if (at >= 0) {
    let start = 0;
    for (const match of text.matchAll(UK_PHONE)) {
      const end = match.index + match[0].length;
      if (end <= at) start = end;
    }
    const before = cleanLabel(text.slice(start, at));
    if (before) return before;
  }
  return cleanLabel(text.replace(UK_PHONE, ' ').replace(display, ' '));
}

function cleanLabel(text: string): string {
  let label = collapse(text)
    .replace(/^[\s,;.|:–—-]+/, '')
    .replace(/[\s:,;|–—-]+$/, '');
  if (label.length > MAX_LABEL) {
    // The words nearest the number say what it is for, so keep the end.
    const tail = label.slice(-MAX_LABEL);
    label = `…${tail.slice(tail.indexOf(' ') + 1)}`;
  }
  return label;
}

function findHours(body: HTMLElement): string | undefined {
  const candidates = [...body.querySelectorAll(HOURS_BLOCKS)].filter((element) => {
    const text = textOf(element);
    if (!text || !HOURS_WORDS.test(text)) return false;
    // Innermost only: a container that mentions hours through a child is not the statement itself.
    return ![...element.querySelectorAll(HOURS_BLOCKS)].some((child) => HOURS_WORDS.test(textOf(child)));
  });
  const chosen = candidates.find((element) => !textOf(element).match(UK_PHONE)) ?? candidates[0];
  let text = textOf(chosen);
  // A heading such as "Opening hours" says where the hours are; the statement follows it.
  const next = chosen?.nextElementSibling;
  if (chosen && TERM.has(chosen.tagName) && next) text = `${text.replace(/:$/, '')}: ${textOf(next)}`;
  if (!text) return undefined;
  return text.length > MAX_HOURS ? `${text.slice(0, MAX_HOURS - 1).trimEnd()}…` : text;
}

function textOf(element: Element | null | undefined): string {
  return collapse(element?.textContent ?? '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
