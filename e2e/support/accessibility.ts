import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG rule sets axe runs: A and AA of 2.0 and 2.1, and 2.2's AA rules (target size among them). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core over the whole page: each serious or critical violation, one line each, naming the elements. */
export async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}

/** axe-core over the whole page: no serious or critical WCAG 2.2 A/AA violation (2.2 AA rules included). */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  expect(await findSeriousA11yViolations(page)).toEqual([]);
}
