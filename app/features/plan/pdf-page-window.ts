/**
 * Which pages of a PDF plan are drawn, and how finely: a tablet browser that holds a canvas for
 * every page of a long document runs out of memory (a 400-page plan drew about 470 megapixels).
 * Pure functions, so the limits are tested without a browser.
 */

/** Pages laid out at most; a longer document says how many more there are (planWords.pagesNotShown). */
export const PDF_PAGE_CAP = 50;

/** Pages drawn either side of those on screen, so the next page is ready as the crew scrolls. */
export const PAGE_WINDOW_RADIUS = 1;

/** Canvases held at once: the visible page(s) and their neighbours. */
export const MAX_DRAWN_PAGES = 4;

/** Every canvas together, in device pixels: 32 megapixels is about 128 MB of RGBA. */
export const CANVAS_PIXEL_BUDGET = 32_000_000;

/** One canvas, whatever the budget: what tablet browsers will allocate (4096 × 4096). */
export const MAX_CANVAS_PIXELS = 4096 * 4096;

/** Pages laid out for a document of `pageCount` pages, and how many are left out. */
export function shownPages(pageCount: number): { readonly shown: number; readonly notShown: number } {
  const shown = Math.min(pageCount, PDF_PAGE_CAP);
  return { shown, notShown: pageCount - shown };
}

/**
 * The pages to draw (1-based, ascending) given those on screen: the visible ones first, then
 * their neighbours out to `radius`, nearest first, never more than `maxPages`. With nothing on
 * screen (not yet measured, or scrolled past the plan) `anchor` stands in for the visible page.
 */
export function pagesToDraw(
  visible: readonly number[],
  pageCount: number,
  { anchor = 1, radius = PAGE_WINDOW_RADIUS, maxPages = MAX_DRAWN_PAGES }: { anchor?: number; radius?: number; maxPages?: number } = {},
): number[] {
  if (pageCount < 1 || maxPages < 1) return [];
  const inRange = (page: number) => Number.isInteger(page) && page >= 1 && page <= pageCount;
  const onScreen = [...new Set(visible.filter(inRange))].sort((a, b) => a - b);
  const seen = onScreen.length > 0 ? onScreen : [Math.min(Math.max(1, Math.trunc(anchor) || 1), pageCount)];
  const first = seen[0]!;
  const last = seen[seen.length - 1]!;
  const wanted = [...seen];
  for (let distance = 1; distance <= radius; distance += 1) wanted.push(first - distance, last + distance);
  const chosen: number[] = [];
  for (const page of wanted) {
    if (chosen.length === maxPages) break;
    if (inRange(page) && !chosen.includes(page)) chosen.push(page);
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Device pixels per CSS pixel for one page's canvas: the screen's own ratio where it fits, less
 * where the page would exceed its share of the budget (every drawn page may be as large) or
 * what one canvas may hold. So MAX_DRAWN_PAGES canvases never exceed the budget together.
 */
export function canvasPixelRatio(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  { budget = CANVAS_PIXEL_BUDGET, maxPages = MAX_DRAWN_PAGES }: { budget?: number; maxPages?: number } = {},
): number {
  const area = cssWidth * cssHeight;
  const screenRatio = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  if (!(area > 0)) return screenRatio;
  const perPage = Math.min(MAX_CANVAS_PIXELS, budget / Math.max(1, maxPages));
  return Math.min(screenRatio, Math.sqrt(perPage / area));
}
