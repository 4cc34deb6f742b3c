import { createContext, useContext, useEffect, type RefObject } from 'react';

/**
 * Issue 9 point 2, the result comes to the crew: after a search (or opening a saved copy), the
 * first heading of the answer to appear takes focus, so a screen reader announces it, and is
 * scrolled to the top of the screen. Once per lookup: later headings (the plan, a retry) never
 * pull the crew away from where they are reading.
 */
export interface ResultArrival {
  /** True the first time only. */
  claim(): boolean;
}

export function newResultArrival(): ResultArrival {
  let claimed = false;
  return {
    claim: () => {
      if (claimed) return false;
      claimed = true;
      return true;
    },
  };
}

const ResultArrivalContext = createContext<ResultArrival | undefined>(undefined);
export const ResultArrivalProvider = ResultArrivalContext.Provider;

/** Space left above the heading brought to the top of the screen. */
const GAP_PX = 8;

/**
 * Focuses `heading` (which has tabIndex -1) when it is the first of its lookup to appear, and
 * scrolls `block` (the heading's section, or the heading itself) to the top of the viewport.
 */
export function useResultArrival(heading: RefObject<HTMLElement | null>, block?: RefObject<HTMLElement | null>, enabled = true): void {
  const arrival = useContext(ResultArrivalContext);
  useEffect(() => {
    const target = heading.current;
    if (!enabled || !target || !arrival?.claim()) return;
    target.focus({ preventScroll: true });
    // Not scrollIntoView: the page's scroll-padding keeps room for the identity bar, which is not
    // showing while the banner is in view; the crew gets the whole screen below the heading.
    const top = (block?.current ?? target).getBoundingClientRect().top + window.scrollY - GAP_PX;
    window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
  }, [arrival, heading, block, enabled]);
}
