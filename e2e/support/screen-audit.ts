import { expect, test, type Page } from '@playwright/test';
import { findSeriousA11yViolations } from './accessibility';
import { measureTargets } from './target-size';

/** The two tablets issue 9 names: a 10-inch in landscape and one in portrait. */
export const TABLETS = [
  { name: 'landscape 1024×768', viewport: { width: 1024, height: 768 } },
  { name: 'portrait 800×1280', viewport: { width: 800, height: 1280 } },
] as const;

type Measure = { px: number; what: string } | null;

/**
 * Issue 9's "Done when" over every screen: each control big enough for a gloved hand
 * (target-size.ts) and no serious or critical axe violation (WCAG 2.2 AA rules included), in the
 * light theme and again in the dark one (night shifts; the dark theme adds controls of its own,
 * such as *Dim plan pages*). Problems are collected under each screen's name, so a failure lists
 * them all at once; the smallest target side and the nearest two targets found are added to the
 * test's annotations, for the record.
 */
export function screenAudit(page: Page) {
  const problems: string[] = [];
  const themeToggle = page.getByRole('button', { name: /^Dark mode: (on|off)$/ });
  let smallest: Measure = null;
  let nearest: Measure = null;
  let screens = 0;

  const auditTheme = async (name: string): Promise<void> => {
    const measures = await measureTargets(page);
    for (const p of measures.problems) problems.push(`${name}: ${p}`);
    if (measures.smallest && (!smallest || measures.smallest.px < smallest.px)) smallest = { ...measures.smallest, what: `${name}: ${measures.smallest.what}` };
    if (measures.nearest && (!nearest || measures.nearest.px < nearest.px)) nearest = { ...measures.nearest, what: `${name}: ${measures.nearest.what}` };
    for (const v of await findSeriousA11yViolations(page)) problems.push(`${name}: axe ${v}`);
  };

  /** Switches the theme with the header's own button, as a crew does, and waits for it to apply. */
  const useTheme = async (theme: 'light' | 'dark'): Promise<void> => {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await themeToggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(themeToggle).toHaveAttribute('aria-pressed', String(theme === 'dark'));
  };

  /** Audits the screen as it is now, in light then dark, and leaves it in the light theme. */
  const check = async (name: string): Promise<void> => {
    await useTheme('light');
    await auditTheme(`${name} (light)`);
    await useTheme('dark');
    await auditTheme(`${name} (dark)`);
    await useTheme('light');
    screens += 1;
  };

  return {
    problems,
    check,
    /** Audits the screen at each tablet's size in turn, for a journey that cannot be run twice; puts the viewport back. */
    checkOnBothTablets: async (name: string): Promise<void> => {
      const before = page.viewportSize();
      for (const tablet of TABLETS) {
        await page.setViewportSize(tablet.viewport);
        await check(`${name}, ${tablet.name}`);
      }
      if (before) await page.setViewportSize(before);
    },
    /** Fails with every problem found; records the smallest side and nearest gap measured. */
    expectNone: (): void => {
      const s = smallest as Measure;
      const n = nearest as Measure;
      test.info().annotations.push({
        type: 'measured',
        description: `${screens} screens, light and dark: smallest target side ${s ? `${s.px} px (${s.what})` : 'none'}; nearest targets ${n ? `${n.px} px apart (${n.what})` : 'none'}`,
      });
      expect(problems).toEqual([]);
    },
  };
}
