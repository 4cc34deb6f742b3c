import { describe, expect, it } from 'vitest';
import {
  CANVAS_PIXEL_BUDGET,
  MAX_CANVAS_PIXELS,
  MAX_DRAWN_PAGES,
  PDF_PAGE_CAP,
  canvasPixelRatio,
  pagesToDraw,
  shownPages,
} from './pdf-page-window';

describe('shownPages: the page cap', () => {
  it('lays out a short plan whole', () => {
    expect(shownPages(2)).toEqual({ shown: 2, notShown: 0 });
    expect(shownPages(PDF_PAGE_CAP)).toEqual({ shown: PDF_PAGE_CAP, notShown: 0 });
  });

  it('lays out only the first 50 pages of a 400-page plan and counts the rest', () => {
    expect(PDF_PAGE_CAP).toBe(50);
    expect(shownPages(400)).toEqual({ shown: 50, notShown: 350 });
  });
});

describe('pagesToDraw: the window around the visible page', () => {
  it('draws the first pages before anything has been seen on screen', () => {
    expect(pagesToDraw([], 50)).toEqual([1, 2]);
    expect(pagesToDraw([], 1)).toEqual([1]);
  });

  it('draws the visible page and one either side of it, not the far pages', () => {
    expect(pagesToDraw([10], 50)).toEqual([9, 10, 11]);
    expect(pagesToDraw([1], 50)).toEqual([1, 2]);
    expect(pagesToDraw([50], 50)).toEqual([49, 50]);
  });

  it('draws both pages across a page break, with their neighbours', () => {
    expect(pagesToDraw([11, 10], 50)).toEqual([9, 10, 11, 12]);
  });

  it('never holds more than MAX_DRAWN_PAGES canvases, keeping the visible pages first', () => {
    expect(MAX_DRAWN_PAGES).toBe(4);
    expect(pagesToDraw([5, 6, 7], 50)).toEqual([4, 5, 6, 7]);
    expect(pagesToDraw([3, 4, 5, 6, 7, 8], 50)).toEqual([3, 4, 5, 6]);
  });

  it('keeps the last pages seen when the plan has scrolled off screen', () => {
    expect(pagesToDraw([], 50, { anchor: 30 })).toEqual([29, 30, 31]);
    expect(pagesToDraw([], 50, { anchor: 400 })).toEqual([49, 50]);
  });

  it('ignores pages that are not in the document', () => {
    expect(pagesToDraw([0, 51, Number.NaN], 50)).toEqual([1, 2]);
    expect(pagesToDraw([1], 0)).toEqual([]);
  });
});

describe('canvasPixelRatio: the pixel budget', () => {
  const a4 = { width: 1000, height: 1414 }; // CSS pixels, a page filling a wide column

  it('draws at the screen’s own sharpness where the page fits its share', () => {
    expect(canvasPixelRatio(a4.width, a4.height, 1)).toBe(1);
    expect(canvasPixelRatio(a4.width, a4.height, 2)).toBe(2);
  });

  it('draws coarser rather than exceed its share of the budget on a dense screen', () => {
    const ratio = canvasPixelRatio(a4.width, a4.height, 3);
    expect(ratio).toBeLessThan(3);
    expect(a4.width * ratio * a4.height * ratio).toBeCloseTo(CANVAS_PIXEL_BUDGET / MAX_DRAWN_PAGES, -3);
  });

  it('keeps every drawn page together under 40 megapixels, however large the screen', () => {
    expect(CANVAS_PIXEL_BUDGET).toBeLessThan(40_000_000);
    for (const [width, height, dpr] of [
      [600, 848, 1],
      [1200, 1697, 2],
      [2560, 3620, 3],
      [4000, 400, 4], // a landscape page on a very wide screen
    ] as const) {
      const ratio = canvasPixelRatio(width, height, dpr);
      const pixels = Math.floor(width * ratio) * Math.floor(height * ratio);
      expect(pixels).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
      expect(pixels * MAX_DRAWN_PAGES).toBeLessThanOrEqual(CANVAS_PIXEL_BUDGET);
    }
  });

  it('falls back to 1 for a screen that reports no ratio', () => {
    expect(canvasPixelRatio(a4.width, a4.height, 0)).toBe(1);
    expect(canvasPixelRatio(a4.width, a4.height, Number.NaN)).toBe(1);
  });
});
