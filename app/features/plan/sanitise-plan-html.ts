/**
 * Turns a producer's HTML (a plan, or a FHIR narrative) into markup that is safe to insert.
 *
 * Plans come from many record systems we do not control, so the policy is an allowlist of
 * text and structure only: nothing can run, nothing can fetch (a remote load from a crew's
 * tablet would leak that this patient's plan was opened), and nothing can restyle or imitate
 * the app around it (no `class`, `id`, `style`, `aria-*`, forms or landmarks).
 */
import createDOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { stripBidiControls } from '../../domain/contact-details';
import { inertBeforeParsing } from './inert-before-parsing';
import { linkPhoneNumbers } from './link-phone-numbers';
import { planWords } from './plan-words';
import { controlAsText, isFormControl, tidyPlanHtml } from './tidy-plan-html';

const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'b', 'bdi', 'blockquote', 'br', 'caption', 'cite',
  'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  'var', 'wbr',
];

/**
 * `href` and `src` are the only URL-bearing attributes allowed; the rest are plain values. No
 * `dir` (nor `<bdo>` above): a direction override can show a phone number or a dose reversed.
 */
const PLAIN_VALUE_ATTRIBUTES = ['alt', 'title', 'lang', 'colspan', 'rowspan', 'scope', 'datetime', 'start', 'reversed'];

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'src', ...PLAIN_VALUE_ATTRIBUTES],
  // DOMPurify checks every attribute not marked "URI safe" against ALLOWED_URI_REGEXP, so the
  // plain ones are marked safe here and the strict regexp below then governs href/src alone.
  ADD_URI_SAFE_ATTR: PLAIN_VALUE_ATTRIBUTES,
  ALLOWED_URI_REGEXP: /^(?:https:|mailto:|tel:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
} satisfies Config;

/**
 * Raster images carried inside the document cannot fetch anything or run script, so they are
 * kept; anything else (remote, SVG, other schemes) becomes a text note so no content vanishes
 * silently.
 */
const INLINE_RASTER_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;
// Web links only over https: an http: page can be altered on the way to the crew.
const WEB_LINK = /^https:/i;
const ALLOWED_LINK = /^(?:https:|mailto:|tel:)/i;

export interface SanitiseOptions {
  /**
   * The level the plan's highest heading becomes. The page puts a plan under its own h1/h2,
   * so 3 by default; 4 for a narrative shown under its own section heading.
   */
  readonly topHeadingLevel?: 3 | 4 | 5 | 6;
}

const purify = createDOMPurify(window);

// Form controls are not allowed, but what they hold is the plan's words (tidy-plan-html.ts).
purify.addHook('uponSanitizeElement', (node) => {
  if (!isFormControl(node)) return;
  const text = controlAsText(node);
  node.replaceWith(text ?? '');
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href');
    // Second line of defence behind ALLOWED_URI_REGEXP, on the value as the browser will read it.
    if (href !== null && !ALLOWED_LINK.test(href.trim())) node.removeAttribute('href');
    if (node.hasAttribute('href')) {
      node.setAttribute('rel', 'noopener noreferrer');
      // mailto:/tel: go to the device's mail or phone app; a new tab would only be left blank.
      if (WEB_LINK.test(node.getAttribute('href')!.trim())) node.setAttribute('target', '_blank');
    }
  }
  if (node.nodeName === 'IMG') {
    const src = node.getAttribute('src');
    if (src !== null && !INLINE_RASTER_IMAGE.test(src)) node.removeAttribute('src');
  }
});

export function sanitisePlanHtml(html: string, { topHeadingLevel = 3 }: SanitiseOptions = {}): string {
  const fragment = purify.sanitize(inertBeforeParsing(html), CONFIG);
  dropBidiControls(fragment);
  demoteHeadings(fragment, topHeadingLevel);
  unwrapDeadLinks(fragment);
  describeDroppedImages(fragment);
  announceNewTabs(fragment);
  tidyPlanHtml(fragment);
  // After sanitising: the links added here are the app's own, not the producer's.
  linkPhoneNumbers(fragment);
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** Text can reverse itself with control characters as well as with markup: those go too. */
function dropBidiControls(root: DocumentFragment): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const stripped = stripBidiControls(text.data);
    if (stripped !== text.data) text.data = stripped;
  }
}

/** Shifts headings down so the highest sits at topHeadingLevel, keeping their relative order. */
function demoteHeadings(root: DocumentFragment, topHeadingLevel: number): void {
  const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const shift = topHeadingLevel - Math.min(...headings.map(headingLevel));
  if (headings.length === 0 || shift <= 0) return;
  for (const heading of headings) {
    const level = Math.min(6, headingLevel(heading) + shift);
    rename(heading, `h${level}`);
  }
}

function headingLevel(heading: Element): number {
  return Number(heading.tagName.slice(1));
}

function rename(element: Element, tagName: string): void {
  const replacement = element.ownerDocument.createElement(tagName);
  for (const { name, value } of [...element.attributes]) replacement.setAttribute(name, value);
  replacement.append(...element.childNodes);
  element.replaceWith(replacement);
}

/** A link whose target was removed would still look clickable: keep only its words. */
function unwrapDeadLinks(root: DocumentFragment): void {
  for (const link of root.querySelectorAll('a:not([href])')) link.replaceWith(...link.childNodes);
}

function describeDroppedImages(root: DocumentFragment): void {
  for (const image of root.querySelectorAll('img:not([src])')) {
    image.replaceWith(planWords.imageNotShown(image.getAttribute('alt')?.trim() ?? ''));
  }
}

/** Tells screen-reader users that a web link leaves the app (NHS.UK content guidance). */
function announceNewTabs(root: DocumentFragment): void {
  for (const link of root.querySelectorAll('a[target="_blank"]')) {
    const hint = link.ownerDocument.createElement('span');
    hint.className = 'nhsuk-u-visually-hidden';
    hint.textContent = planWords.opensInNewTab;
    link.append(hint);
  }
}

/** True when sanitised markup still holds something to read or see (text or a kept image). */
export function hasReadableContent(safeHtml: string): boolean {
  return /<img\b/i.test(safeHtml) || safeHtml.replace(/<[^>]*>|&nbsp;/g, '').trim() !== '';
}
