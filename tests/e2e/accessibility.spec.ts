// Every view, light and dark, checked by axe against WCAG 2.1 A and AA: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './preview.ts';

test.use({ demo: true });

const views = ['dashboard', 'catch-up', 'network', 'time', 'report', 'outcomes', 'settings', 'mini'];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  for (const view of views) {
    test(`#/${view} in ${scheme}`, async ({ page, preview }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${preview.url}#/${view}`);
      await expect(page.locator('main, .mini').first()).toBeVisible();
      // Let data arrive and transitions end before judging contrast.
      await page.waitForTimeout(400);
      expect(await seriousViolations(page), `#/${view} in ${scheme}`).toEqual([]);
    });
  }

  test(`open forms and dialogs in ${scheme}`, async ({ page, preview }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${preview.url}#/time`);
    await page.getByRole('button', { name: 'Log time' }).click();
    await page.getByRole('button', { name: 'Save entry' }).click();
    expect(await seriousViolations(page), 'time form').toEqual([]);

    await page.goto(`${preview.url}#/outcomes`);
    await page.getByRole('button', { name: 'Log an outcome' }).click();
    expect(await seriousViolations(page), 'outcome form').toEqual([]);

    await page.goto(`${preview.url}#/report`);
    await page.getByRole('button', { name: 'Custom range' }).click();
    // The day-by-day chart and the business chart each have their table.
    const showTable = page.getByRole('button', { name: 'Show as table' });
    await expect(showTable).toHaveCount(2);
    await showTable.first().click();
    await showTable.first().click();
    await expect(page.getByRole('button', { name: 'Show as chart' })).toHaveCount(2);
    expect(await seriousViolations(page), 'report with tables and custom range').toEqual([]);

    await page.goto(`${preview.url}#/network`);
    await page.getByRole('tab', { name: /^Gone or blocking you/ }).click();
    await expect(page.getByRole('list', { name: 'Gone or blocking you' })).toBeVisible();
    expect(await seriousViolations(page), 'ghost follows').toEqual([]);
    await page.getByRole('tab', { name: /^Not following back/ }).click();
    await page
      .getByRole('button', { name: /^Select all \d+ due$/ })
      .first()
      .click();
    await page.getByRole('button', { name: /^Unfollow \d+…$/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), 'unfollow preview').toEqual([]);
  });
}
