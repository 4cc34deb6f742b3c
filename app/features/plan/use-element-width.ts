import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Settles rotation and split-screen changes before the PDF pages are drawn again. */
const RESIZE_SETTLE_MS = 150;

/**
 * The element's content width in whole CSS pixels, or null until it has been laid out (or
 * while it is hidden). The first width arrives at once; later ones after the size settles.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let measured = false;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry?.contentRect.width ?? 0);
      if (next <= 0) return;
      clearTimeout(timer);
      if (measured) {
        timer = setTimeout(() => setWidth(next), RESIZE_SETTLE_MS);
      } else {
        measured = true;
        setWidth(next);
      }
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref]);
  return width;
}
