import { expect, type Page } from '@playwright/test';

/** Gloved hands: every control at least 44×44 px and at least 8 px from its neighbours (STYLE.md). */
export const MIN_TARGET_PX = 44;
export const MIN_GAP_PX = 8;

const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';

/** What the page's targets measure: the problems, and the smallest side and nearest gap found. */
export interface TargetMeasures {
  readonly problems: string[];
  /** How many targets were measured (inline links in text excepted). */
  readonly counted: number;
  readonly smallest: { readonly px: number; readonly what: string } | null;
  readonly nearest: { readonly px: number; readonly what: string } | null;
}

/**
 * Runs in the page: every visible interactive element that is smaller than the minimum, or closer
 * than the minimum gap to another one. One line per problem, naming the element by its text.
 *
 * Exempt, as WCAG 2.5.8 exempts them ("Inline: the target is in a sentence"): links inside running
 * text (a link whose nearest block is a paragraph, list item or table cell holding other text).
 * Their size is set by the line of text they sit in; padding them would break the sentence.
 * A control nested inside another counted control (an input inside its label-button) is measured
 * once, as the outer one.
 */
export async function measureTargets(page: Page): Promise<TargetMeasures> {
  return page.evaluate(
    ({ selector, minSize, minGap }) => {
      const describe = (el: Element): string => {
        const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${text}"`;
      };
      const visible = (el: Element): boolean => {
        // Not drawn: display none, visibility hidden, or inside a closed <details> (whose content
        // keeps its boxes but is not rendered).
        if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        // Visually hidden helpers (skip links until focused, screen-reader-only text).
        if (box.width <= 1 || box.height <= 1) return false;
        return el.closest('[aria-hidden="true"], [inert]') === null;
      };
      const inlineInText = (el: Element): boolean => {
        if (el.tagName !== 'A') return false;
        const block = el.closest('p, li, td, dd');
        if (!block) return false;
        const own = (el as HTMLElement).innerText.trim();
        const all = (block as HTMLElement).innerText.trim();
        return all.length > own.length + 1;
      };
      const all = Array.from(document.querySelectorAll(selector)).filter(visible);
      const targets = all.filter((el) => !all.some((other) => other !== el && other.contains(el)));
      const problems: string[] = [];
      const counted = targets.filter((el) => !inlineInText(el));
      let smallest: { px: number; what: string } | null = null;
      let nearest: { px: number; what: string } | null = null;
      for (const el of counted) {
        const box = el.getBoundingClientRect();
        const side = Math.min(box.width, box.height);
        if (!smallest || side < smallest.px) smallest = { px: Math.round(side * 10) / 10, what: describe(el) };
        if (box.width < minSize - 0.5 || box.height < minSize - 0.5) {
          problems.push(`${describe(el)} is ${Math.round(box.width)}×${Math.round(box.height)} px`);
        }
      }
      for (let i = 0; i < counted.length; i++) {
        for (let j = i + 1; j < counted.length; j++) {
          const a = counted[i]!.getBoundingClientRect();
          const b = counted[j]!.getBoundingClientRect();
          const dx = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right));
          const dy = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom));
          const gap = Math.hypot(dx, dy);
          if (!nearest || gap < nearest.px) nearest = { px: Math.round(gap * 10) / 10, what: `${describe(counted[i]!)} and ${describe(counted[j]!)}` };
          if (gap < minGap - 0.5) {
            problems.push(`${describe(counted[i]!)} and ${describe(counted[j]!)} are ${Math.round(gap)} px apart`);
          }
        }
      }
      return { problems, counted: counted.length, smallest, nearest };
    },
    { selector: INTERACTIVE, minSize: MIN_TARGET_PX, minGap: MIN_GAP_PX },
  );
}

/** The problems on the page as one line each (empty when every target is big enough). */
export async function findSmallTargets(page: Page): Promise<string[]> {
  return (await measureTargets(page)).problems;
}

/** Fails with the list of controls too small or too close for a gloved hand. */
export async function expectTargetsLargeEnough(page: Page, screenName: string): Promise<void> {
  expect(await findSmallTargets(page), `targets on "${screenName}"`).toEqual([]);
}
