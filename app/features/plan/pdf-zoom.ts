/**
 * How large a PDF plan is drawn, as a multiple of the screen's width: fit to width is 1. A
 * portrait tablet draws an A4 page's 11 pt text at about 13 px, smaller than the app's body
 * text, so the crew can enlarge it; the page then scrolls sideways inside its own box.
 * Kept for the session (sessionStorage), so the next plan opens at the size the crew chose.
 */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.5, 2, 2.5, 3] as const;
export const FIT_WIDTH = 1;
const STORAGE_KEY = 'crl-pdf-zoom';

export function largerZoom(zoom: number): number {
  return ZOOM_STEPS.find((step) => step > zoom) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
}

export function smallerZoom(zoom: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < zoom) ?? ZOOM_STEPS[0];
}

/** "150%", as the controls announce it. */
export function zoomPercent(zoom: number): string {
  return `${Math.round(zoom * 100)}%`;
}

/** The zoom kept for this session, or fit to width; anything not a step is ignored. */
export function readZoom(storage: Pick<Storage, 'getItem'> | undefined): number {
  const saved = Number(storage?.getItem(STORAGE_KEY));
  return (ZOOM_STEPS as readonly number[]).includes(saved) ? saved : FIT_WIDTH;
}

export function saveZoom(storage: Pick<Storage, 'setItem'> | undefined, zoom: number): void {
  try {
    storage?.setItem(STORAGE_KEY, String(zoom));
  } catch {
    // Storage full or refused: the zoom lasts until the plan closes.
  }
}
