/**
 * Phone numbers written in a plan's text become tap-to-call links, so a crew can ring the
 * number the plan gives without retyping it. Run on sanitised markup only, on text nodes only,
 * never inside an existing link. A number the words before it give as a fax, textphone,
 * text-only or other-use line is left as text, as on the crisis team card; 999 and 111 alone
 * are never linked (ukNumbersInText does not find them).
 */
import { numberUseOf } from '../../domain/number-use';
import { ukNumbersInText } from '../../domain/uk-numbers-in-text';

export const PLAN_PHONE_LINK_CLASS = 'crl-plan-tel';

const BLOCK = 'p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, div, section, article, blockquote, caption, figcaption, pre, address, summary';
/** How far back the words that say what a number is for are looked for. */
const CONTEXT_CHARACTERS = 40;

export function linkPhoneNumbers(root: DocumentFragment | Element): void {
  const document = root.ownerDocument!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const textNodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('a, code, kbd, samp, var')) textNodes.push(node as Text);
  }
  for (const node of textNodes) linkNumbersIn(node);
}

function linkNumbersIn(node: Text): void {
  const text = node.data;
  const numbers = ukNumbersInText(text);
  if (numbers.length === 0) return;
  const document = node.ownerDocument;
  const before = textBefore(node);
  const parts: (string | Node)[] = [];
  let at = 0;
  // What a number is for is read from the words since the previous number, not across it.
  let wordsFrom = 0;
  for (const number of numbers) {
    const context = (wordsFrom === 0 ? before : '') + text.slice(wordsFrom, number.start);
    wordsFrom = number.end;
    if (numberUseOf(context.slice(-CONTEXT_CHARACTERS)) !== 'call') continue;
    parts.push(text.slice(at, number.start));
    const link = document.createElement('a');
    link.href = `tel:${number.digits}`;
    link.className = PLAN_PHONE_LINK_CLASS;
    link.textContent = number.written;
    parts.push(link);
    at = number.end;
  }
  if (at === 0) return;
  parts.push(text.slice(at));
  node.replaceWith(...parts.filter((part) => part !== ''));
}

/**
 * The words before this text node in the same paragraph, item or table row ("<b>Fax:</b> 01632…",
 * or a "Fax" cell before the number's cell).
 */
function textBefore(node: Text): string {
  const block = node.parentElement?.closest('tr') ?? node.parentElement?.closest(BLOCK);
  if (!block) return '';
  const walker = node.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let before = '';
  for (let current = walker.nextNode(); current && current !== node; current = walker.nextNode()) before += `${(current as Text).data} `;
  return before;
}
