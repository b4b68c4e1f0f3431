import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openTab, settle, TINY_MODEL_URL, watchPageErrors } from './helpers.ts';

const TABS = ['Benchmark', 'Sweep', 'Load', 'Compare', 'History'] as const;

/** Serious and critical axe violations on the page as it is now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`${label}: every tab after a run has no serious axe violation and no horizontal scroll`, async ({ page }) => {
    const errors = watchPageErrors(page);
    await page.setViewportSize(viewport);
    await page.goto(`/?model=${TINY_MODEL_URL}&threads=1&warmup=2&iterations=20&run=1`);
    expect((await settle(page)).state).toBe('done');
    await page.getByRole('button', { name: 'Add to compare' }).first().click();
    // The share link as a QR code, opened from the keyboard and named for screen readers; axe
    // then checks it with the Benchmark tab.
    await page.getByTestId('show-qr').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('img', { name: "QR code of this result's share link" })).toBeVisible();
    await expect(page.getByTestId('show-qr')).toHaveAttribute('aria-expanded', 'true');
    for (const tab of TABS) {
      await openTab(page, tab);
      expect(await seriousViolations(page), `${tab} tab`).toEqual([]);
      // 360–430 px phones: the document never scrolls sideways (wide tables scroll in their box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${tab} tab width`).toBeLessThanOrEqual(viewport.width);
    }
    expect(errors).toEqual([]);
  });
}
