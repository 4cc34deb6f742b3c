import { Parser } from 'htmlparser2';
import { sameNumber, stripBidiControls, telUri, type ContactDetails, type ContactNumber } from '../domain/contact-details';

/**
 * UK numbers as pages write them: 0xxxx xxxxxx, 0xxx xxx xxxx, 0xx xxxx xxxx, (0xxxx) xxxxxx,
 * +44 (0)xxxx xxxxxx, with single spaces or hyphens between digits. Full national numbers only
 * (`telUri` checks the digit count): short codes in running text ("call 999") are not a team's line.
 * Every repetition is bounded, so each match attempt does a bounded amount of work.
 */
const UK_PHONE = /(?<![\d+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)(?:\d\)?[\s-]?){8,9}\d(?!\d)/g;

/** Most numbers a crew is shown: a handful, most likely first; the rest are only counted. */
export const MAX_NUMBERS_SHOWN = 5;

/** The block whose text says what a number is for. */
const LABEL_BLOCKS = new Set(['li', 'p', 'dt', 'dd', 'tr', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose text may state opening hours; the smallest match wins. */
const HOURS_BLOCKS = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'div']);
const HOURS_WORDS = /\bhours\b|\bavailab|\bout[\s-]+of[\s-]+hours\b|\b24\/7\b|\bopening times\b/gi;
/** Text that is never shown, so never read. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);
/** Elements that end a line on screen; their words must not run into the next ones. */
const LINE_BREAKING = new Set([
  'br', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'address', 'ul', 'ol', 'dl', 'table',
]);
/** The site's own furniture: a number here is the trust's, not usually the team's. */
const SITE_CHROME = new Set(['header', 'footer', 'nav', 'aside']);
const TERM = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'th']);

/** Labels that say a number reaches the team when it matters to a crew. */
const LIKELY = /crisis|urgent|24[\s-]?(?:hours?|hrs?)\b|24\/7|out[\s-]of[\s-]hours|\bduty\b|on[\s-]call|home treatment|professionals/i;
/** Labels of numbers that are no use for a patient in crisis now. */
const UNLIKELY = /\bfax\b|switchboard|complain|\bpals\b|feedback|career|\bjobs?\b|recruit|vacanc|\bpress\b|\bmedia\b|finance|invoice|freedom of information|textphone|minicom|text relay|\bsms\b|\btext (?:the team|us)\b/i;
const SHORT_CODE = /^tel:(?:999|111|112)$/;

const MAX_LABEL = 80;
const MAX_HOURS = 200;
const MAX_FALLBACK_BLOCK = 200;
const MAX_TEAM_NAME = 120;
/** Characters of page text read around a number for its label: MAX_LABEL and room for indentation. */
const LABEL_WINDOW = 5 * MAX_LABEL;

/** One element of the page, as a range of the page's flattened text. */
interface Frame {
  /** The element's name, lower case. */
  readonly tag: string;
  readonly parent: Frame | undefined;
  readonly start: number;
  end: number;
  /** For a <dd>: the <dt> before it among its siblings (its term). */
  term: Frame | undefined;
  /** The last <dt> closed among this element's children. */
  lastTerm: Frame | undefined;
  /** The last element read among this element's children, and the element read after this one. */
  lastChild: Frame | undefined;
  next: Frame | undefined;
  /** A HOURS_BLOCKS element inside this one mentions hours. */
  hoursInside: boolean;
}

interface Found {
  readonly number: Omit<ContactNumber, 'label'>;
  /** Where the number is written in the flattened text; for a link without the number in its words, the link's words. */
  readonly start: number;
  readonly end: number;
  /** The element holding the number (a text node's parent, a link's parent). */
  readonly around: Frame;
  /** A tel: link's own words, which say what it dials when nothing around it does. */
  readonly linkText: string | undefined;
  readonly inSiteChrome: boolean;
}

/**
 * Reads a team's public contact-details page (docs/national-apis.md §2.2). Parses with
 * htmlparser2's streaming tokenizer, which builds no document, runs no script and loads nothing,
 * and needs no DOM, so the same code runs in a Web Worker (contact-page-worker.ts), in Node and
 * on the main thread; only text leaves this function.
 *
 * Linear in the page's size: one pass flattens the body's text (whitespace collapsed, bidi
 * controls removed) and records each element's range of it, so no element's text is read twice
 * and every label is cut from a bounded window around its number.
 */
export function parseContactPage(html: string, sourceUrl: string): ContactDetails {
  const { page, title: rawTitle } = readPage(html);
  const title = clip(collapse(stripBidiControls(rawTitle.slice(0, 4 * MAX_TEAM_NAME))), MAX_TEAM_NAME);
  const ranked = rankNumbers(page);
  return {
    sourceUrl,
    teamName: (page.heading && clip(page.text(page.heading, 4 * MAX_TEAM_NAME), MAX_TEAM_NAME)) || title || undefined,
    numbers: ranked.slice(0, MAX_NUMBERS_SHOWN),
    moreNumbers: Math.max(0, ranked.length - MAX_NUMBERS_SHOWN),
    hours: findHours(page),
  };
}

/** A tel: link, read once the page's text is complete. */
interface PendingLink {
  readonly href: string;
  readonly frame: Frame;
  readonly around: Frame;
  readonly inSiteChrome: boolean;
}

interface Page {
  readonly flat: string;
  readonly found: readonly Found[];
  /** Post-order: every element after the elements inside it. */
  readonly frames: readonly Frame[];
  readonly heading: Frame | undefined;
  /** An element's words, whitespace collapsed, from at most `limit` characters of the page's text. */
  text(frame: Frame | undefined, limit?: number): string;
}

/** What an open tag became: the document's own structure, an element read, or one skipped with all inside it. */
const STRUCTURE = 0;
const READ = 1;
const SKIPPED = 2;
/**
 * The document's structure: the body is the page, whose frame is made up front. What a <head>
 * holds is hidden or void (no words), so the page's words are read wherever the markup puts them.
 */
const STRUCTURAL = new Set(['html', 'head', 'body']);

function readPage(html: string): { page: Page; title: string } {
  // The body's text as written (whitespace is collapsed only in the small windows that are read).
  const parts: string[] = [];
  let length = 0;
  const append = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const lineBreak = () => append(' ');

  // In page order; links are resolved once their words are in the flattened text.
  const candidates: (Found | PendingLink)[] = [];
  const frames: Frame[] = [];
  let heading: Frame | undefined;
  let telLink: { frame: Frame; href: string } | undefined;
  let chromeDepth = 0;
  const bodyFrame: Frame = { tag: 'body', parent: undefined, start: 0, end: 0, term: undefined, lastTerm: undefined, lastChild: undefined, next: undefined, hoursInside: false };
  let current = bodyFrame;

  const enter = (tag: string, href: string | undefined) => {
    if (LINE_BREAKING.has(tag)) lineBreak();
    const frame: Frame = { tag, parent: current, start: length, end: length, term: undefined, lastTerm: undefined, lastChild: undefined, next: undefined, hoursInside: false };
    if (tag === 'dd') frame.term = current.lastTerm;
    if (current.lastChild) current.lastChild.next = frame;
    current.lastChild = frame;
    if (tag === 'h1' && !heading) heading = frame;
    if (SITE_CHROME.has(tag)) chromeDepth++;
    // At most one tel: link is open at a time: a link inside a link is read with the outer one.
    if (tag === 'a' && href !== undefined && /^\s*tel:/i.test(href) && !telLink) telLink = { frame, href };
    current = frame;
  };
  const leave = () => {
    const frame = current;
    frame.end = length;
    if (LINE_BREAKING.has(frame.tag)) lineBreak();
    if (SITE_CHROME.has(frame.tag)) chromeDepth--;
    if (frame.tag === 'dt') frame.parent!.lastTerm = frame;
    if (telLink?.frame === frame) {
      candidates.push({ href: telLink.href, frame, around: frame.parent!, inSiteChrome: chromeDepth > 0 });
      telLink = undefined;
    }
    frames.push(frame);
    current = frame.parent!;
  };
  const readText = (raw: string) => {
    const text = stripBidiControls(raw);
    const at = length;
    append(text);
    // A link's own words are read with the link, where the href is the better source.
    if (telLink) return;
    // One shared expression, reset per text: matchAll would compile a copy for every text node.
    UK_PHONE.lastIndex = 0;
    for (let match = UK_PHONE.exec(text); match; match = UK_PHONE.exec(text)) {
      const display = collapse(match[0]);
      const tel = telUri(display);
      const start = at + match.index;
      if (tel) candidates.push({ number: { display, tel }, start, end: start + match[0].length, around: current, linkText: undefined, inSiteChrome: chromeDepth > 0 });
    }
  };

  // The tokenizer hands over a text in pieces (around each entity): numbers are matched in the
  // whole text between two tags or comments, as a DOM text node would hold it.
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    readText(pending.length === 1 ? pending[0]! : pending.join(''));
    pending = [];
  };
  // One entry per open tag: htmlparser2 closes every tag it opens (void, implied or at the end).
  const opened: number[] = [];
  let skippedDepth = 0;
  let title: string | undefined;
  let titleParts: string[] | undefined;
  let titleLength = 0;

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        flush();
        if (skippedDepth > 0 || HIDDEN.has(tag) || tag === 'title') {
          // The first <title>, wherever it is, names the page; nothing else hidden is read.
          if (tag === 'title' && skippedDepth === 0 && title === undefined) titleParts = [];
          skippedDepth++;
          opened.push(SKIPPED);
        } else if (STRUCTURAL.has(tag)) {
          opened.push(STRUCTURE);
        } else {
          enter(tag, attributes.href);
          opened.push(READ);
        }
      },
      onclosetag() {
        flush();
        const kind = opened.pop();
        if (kind === READ) leave();
        else if (kind === SKIPPED && --skippedDepth === 0 && titleParts) {
          title = titleParts.join('');
          titleParts = undefined;
        }
      },
      ontext(text) {
        if (skippedDepth > 0) {
          // Bounded: only the start of a title is ever shown.
          if (titleParts && titleLength < 4 * MAX_TEAM_NAME) {
            titleParts.push(text);
            titleLength += text.length;
          }
          return;
        }
        pending.push(text);
      },
      oncomment: flush,
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  flush();
  bodyFrame.end = length;
  frames.push(bodyFrame);

  const flat = parts.join('');
  const found = candidates.flatMap((candidate) => ('href' in candidate ? (fromTelLink(flat, candidate) ?? []) : [candidate]));
  const page: Page = {
    flat,
    found,
    frames,
    heading,
    text: (frame, limit = Infinity) => (frame ? collapse(flat.slice(frame.start, Math.min(frame.end, frame.start + limit))) : ''),
  };
  return { page, title: title ?? titleParts?.join('') ?? '' };
}

/**
 * A tel: link's number. Its words are shown only when they are the number that will be dialled;
 * otherwise the href is shown, and the words may say what it is for.
 */
function fromTelLink(flat: string, link: PendingLink): Found | undefined {
  const { frame } = link;
  const raw = flat.slice(frame.start, Math.min(frame.end, frame.start + LABEL_WINDOW));
  const words = collapse(raw);
  UK_PHONE.lastIndex = 0;
  const written = UK_PHONE.exec(raw);
  const dialled = collapse(stripBidiControls(safeDecode(link.href.trim().replace(/^tel:/i, '')).split(/[;,]/)[0]!));
  const display = written && collapse(written[0]);
  const tel = telUri(dialled) ?? (display ? telUri(display) : undefined);
  if (!tel) return undefined;
  const found = { around: link.around, inSiteChrome: link.inSiteChrome };
  if (written && display && sameNumber(telUri(display), tel)) {
    const start = frame.start + written.index;
    return { ...found, number: { display, tel }, start, end: start + written[0].length, linkText: undefined };
  }
  if (words && sameNumber(telUri(words), tel)) return { ...found, number: { display: words, tel }, start: frame.start, end: frame.end, linkText: undefined };
  // The link's words are not the number: none of them may be read as a label for the one before.
  return { ...found, number: { display: dialled, tel }, start: frame.start, end: frame.end, linkText: words };
}

/** Unique numbers, each with its label, most likely first and otherwise in page order. */
function rankNumbers(page: Page): ContactNumber[] {
  const best = new Map<string, { number: ContactNumber; likelihood: number; order: number }>();
  page.found.forEach((found, order) => {
    const label = labelFor(page, found, order);
    const number = { label, ...found.number };
    const likelihood = likelihoodOf(number, found.inSiteChrome);
    const seen = best.get(number.tel);
    // The same number written twice: the more telling mention wins, the first on a tie.
    if (!seen || likelihood > seen.likelihood) best.set(number.tel, { number, likelihood, order: seen?.order ?? order });
  });
  return [...best.values()].sort((a, b) => b.likelihood - a.likelihood || a.order - b.order).map((entry) => entry.number);
}

/**
 * A crew needs the team's line when it matters: crisis, 24-hour, out-of-hours and duty lines
 * first; the site's header and footer (the trust's numbers), fax, switchboard and short codes last.
 */
function likelihoodOf(number: ContactNumber, inSiteChrome: boolean): number {
  let likelihood = 1;
  if (LIKELY.test(number.label)) likelihood += 1;
  if (UNLIKELY.test(number.label)) likelihood -= 1;
  if (inSiteChrome) likelihood -= 1;
  // NHS 111 or 999 is never the team, however the page labels it.
  if (SHORT_CODE.test(number.tel)) likelihood -= 2;
  return likelihood;
}

/**
 * The words just before the number in its block (back to the number before it, when a block
 * holds several: "Day: 0113 … Night: 0113 …"), else the words after it, else a link's own words.
 * A `<dd>` with nothing else in it takes its `<dt>`. Outside lists, paragraphs and rows: the
 * smallest short container that says something more. Every read is a bounded window.
 */
function labelFor(page: Page, found: Found, order: number): string {
  const previousEnd = page.found[order - 1]?.end ?? 0;
  const nextStart = page.found[order + 1]?.start ?? Infinity;
  const within = (start: number, end: number) => {
    const before = cleanLabel(page.flat.slice(Math.max(start, previousEnd, found.start - LABEL_WINDOW), found.start), 'end');
    if (before) return before;
    const after = cleanLabel(page.flat.slice(found.end, Math.min(end, nextStart, found.end + LABEL_WINDOW)), 'start');
    return after || cleanLabel((found.linkText ?? '').replace(UK_PHONE, ' '), 'start');
  };
  let block: Frame | undefined = found.around;
  while (block && !LABEL_BLOCKS.has(block.tag)) block = block.parent;
  if (block) {
    let label = within(block.start, block.end);
    if (!label && block.tag === 'dd') label = cleanLabel(page.text(block.term, LABEL_WINDOW), 'start');
    return label || 'Phone';
  }
  for (let around: Frame | undefined = found.around; around?.parent; around = around.parent) {
    if (page.text(around, 4 * MAX_FALLBACK_BLOCK).length > MAX_FALLBACK_BLOCK) break;
    const label = within(around.start, around.end);
    if (label) return label;
  }
  return 'Phone';
}

/**
 * Trims separators and keeps a label short: the words nearest the number say what it is for,
 * so `keep` is the end for words before it and the start for words after it. Loops, not
 * end-anchored regular expressions, which backtrack quadratically on long runs of separators.
 */
function cleanLabel(text: string, keep: 'start' | 'end'): string {
  let label = collapse(text);
  let from = 0;
  while (from < label.length && LEADING_SEPARATORS.includes(label[from]!)) from++;
  let to = label.length;
  while (to > from && TRAILING_SEPARATORS.includes(label[to - 1]!)) to--;
  label = label.slice(from, to);
  if (label.length <= MAX_LABEL) return label;
  if (keep === 'end') {
    const end = label.slice(-MAX_LABEL);
    return `…${end.slice(end.indexOf(' ') + 1)}`;
  }
  const start = label.slice(0, MAX_LABEL);
  return `${start.slice(0, Math.max(start.lastIndexOf(' '), 1))}…`;
}

const LEADING_SEPARATORS = ' ,;.|:–—-';
const TRAILING_SEPARATORS = ' :,;|–—-';

/**
 * The innermost elements that mention hours (no element inside them does): a statement without a
 * number first. HOURS_WORDS is matched once over the page's text; an element mentions hours when
 * a match lies within its range.
 */
function findHours(page: Page): string | undefined {
  const mentions = [...page.flat.matchAll(HOURS_WORDS)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  if (mentions.length === 0) return undefined;
  const mentionsHours = (frame: Frame) => {
    // The first mention starting inside the frame: later ones start after it ends.
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (mentions[middle]!.start < frame.start) low = middle + 1;
      else high = middle;
    }
    const first = mentions[low];
    return first !== undefined && first.end <= frame.end;
  };
  const candidates: Frame[] = [];
  for (const frame of page.frames) {
    const isBlock = HOURS_BLOCKS.has(frame.tag);
    const mentioned = isBlock && mentionsHours(frame);
    if (mentioned && !frame.hoursInside) candidates.push(frame);
    if (frame.parent && (mentioned || frame.hoursInside)) frame.parent.hoursInside = true;
  }
  // Candidates never contain one another, so reading each one's text is linear overall.
  const chosen = candidates.find((frame) => page.text(frame).search(UK_PHONE) < 0) ?? candidates[0];
  if (!chosen) return undefined;
  let text = page.text(chosen, MAX_HOURS * 4);
  // A heading such as "Opening hours" says where the hours are; the statement follows it.
  if (TERM.has(chosen.tag) && chosen.next) text = `${text.replace(/:$/, '')}: ${page.text(chosen.next, MAX_HOURS * 4)}`;
  return clip(text, MAX_HOURS) || undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
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
