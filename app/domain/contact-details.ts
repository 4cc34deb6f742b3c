/** A phone number found on a team's public contact-details page (docs/national-apis.md §2.2). */
export interface ContactNumber {
  /** What the page says this number is for, e.g. "Crisis line (24 hours)". */
  readonly label: string;
  /** Exactly as written on the page, e.g. "01632 960 417". */
  readonly display: string;
  /** RFC 3966 URI with digits only, e.g. "tel:01632960417" or "tel:+441632960417". */
  readonly tel: string;
}

export interface ContactDetails {
  readonly sourceUrl: string;
  /** The page's heading or title, when it has one. */
  readonly teamName: string | undefined;
  /** The numbers most likely to reach the team, most likely first; at most a handful. */
  readonly numbers: readonly ContactNumber[];
  /** Further numbers the page lists that are not in `numbers` (absent in copies saved before it was counted). */
  readonly moreNumbers?: number;
  /** Opening hours or out-of-hours text, when the page states them. */
  readonly hours: string | undefined;
}

/**
 * Unicode bidirectional controls (marks, embeddings, overrides, isolates). A page can put one in a
 * number so that it renders reversed or reordered ("0113 496 0000" shown as "0000 694 3110"), so
 * nothing read from outside keeps them.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * `tel:` URI for a UK number as written ("01632 960 417", "+44 (0)1632 960417").
 * Undefined when the text does not hold a plausible UK number.
 */
export function telUri(written: string): string | undefined {
  let text = stripBidiControls(written).replace(/\(0\)/g, '');
  const international = text.trim().startsWith('+');
  text = text.replace(/[^\d]/g, '');
  if (international) {
    if (!/^44\d{9,10}$/.test(text)) return undefined;
    return `tel:+${text}`;
  }
  if (/^0\d{9,10}$/.test(text) || /^(999|111|112)$/.test(text)) return `tel:${text}`;
  return undefined;
}

/** True when two `tel:` URIs dial the same UK number (`tel:+44…` and `tel:0…` alike). */
export function sameNumber(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const national = (tel: string) => tel.replace(/^tel:/, '').replace(/^\+44/, '0');
  return national(a) === national(b);
}

/**
 * True for an absolute `https:` URL: the only kind of contact page the app fetches or offers to
 * open (a `javascript:` link would run in the app; an `http:` page can be altered on the way).
 */
export function isHttpsUrl(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:';
}
