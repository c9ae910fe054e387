// The report compares like with like: known time entries and outcomes around today, in the preview's zone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './preview.ts';
import { day, entries, outcomes } from './reportSeed.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('like with like, with known figures', () => {
  // This week holds the day before yesterday, yesterday and today (the week start is set so below).
  test.use({
    demo: false,
    files: {
      'time-entries.json': entries([
        { day: -2, kind: 'online', minutes: 60 }, // 15 min over the 45 min budget
        { day: -2, kind: 'offline', minutes: 30 },
        { day: -1, kind: 'online', minutes: 30 },
        { day: -1, kind: 'offline', minutes: 90 },
        { day: 0, kind: 'online', minutes: 20 }, // today, still within budget
        // The same days last week: all three over budget; the day after them is no part of the comparison.
        { day: -9, kind: 'online', minutes: 90 },
        { day: -8, kind: 'online', minutes: 60 },
        { day: -7, kind: 'online', minutes: 100 },
        { day: -6, kind: 'online', minutes: 300 },
      ]),
      'outcomes.json': outcomes([
        { day: -1, type: 'client', channel: 'offline', value: 1200, currency: 'EUR' },
        { day: -2, type: 'lead', channel: 'bluesky' },
      ]),
    },
  });

  async function weekStartsTwoDaysAgo(page: Page) {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Weeks start on').selectOption(String(day(-2).weekday));
    await expect(page.getByRole('status').filter({ hasText: 'Week start saved' })).toBeVisible();
    await page.getByRole('link', { name: 'Report' }).click();
  }

  /** Online time today, from the Time view's form (the preview's zone is in the afternoon). */
  async function logOnline(page: Page, from: string, to: string) {
    await page.getByRole('link', { name: 'Time' }).click();
    await page.getByRole('button', { name: 'Log time' }).click();
    const form = page.getByRole('region', { name: 'Log time' });
    await form.getByRole('radio', { name: 'Online' }).check();
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    await form.getByRole('button', { name: 'Save entry' }).click();
    await expect(form).toBeHidden();
  }

  test('this week so far against the same days of last week; days over budget only among days passed', async ({
    page,
    preview,
  }) => {
    void preview;
    await weekStartsTwoDaysAgo(page);
    const days = `${day(-2).short}–${day(0).short}`;
    await expect(page.getByText(`${days} so far, compared with the same days last week`)).toBeVisible();
    await expect(page.getByText(`${days} so far: 1 h 50 vs 4 h 10`)).toBeVisible();
    await expect(page.getByText('▼ 2 h 20 less than the same days last week — good')).toBeVisible();
    await expect(page.getByText('▲ 2 h more than the same days last week — good')).toBeVisible();
    // Two days have passed, one of them over; today is within budget, so it does not count yet.
    await expect(page.getByText('of 2 days so far')).toBeVisible();
    await expect(page.getByText('2 of 2 the same days last week')).toBeVisible();
    await expect(page.getByText('▼ 1 fewer than the same days last week — good')).toBeVisible();

    // Today goes over: it counts now, once.
    await logOnline(page, '12:00', '12:30');
    await page.getByRole('link', { name: 'Report' }).click();
    await expect(page.getByText('of 3 days so far')).toBeVisible();
    await expect(page.getByText(`${days} so far: 2 h 20 vs 4 h 10`)).toBeVisible();

    // The Dashboard's week says the same.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const week = page.getByRole('region', { name: /This week/ });
    await expect(week).toContainText(`${days} so far, against the same days last week:`);
    await expect(week).toContainText('online 2 h 20 vs 4 h 10, ▼ 1 h 50 less — good');
    await expect(week).toContainText('offline 2 h vs 0 min, ▲ 2 h more — good');
  });

  test('the presets: last week, this month, last month, the last 30 days (in dark)', async ({ page, preview }) => {
    void preview;
    await page.emulateMedia({ colorScheme: 'dark' });
    await weekStartsTwoDaysAgo(page);
    const presets = page.getByRole('group', { name: 'Periods' });
    await expect(presets.getByRole('button', { name: 'This week' })).toHaveAttribute('aria-pressed', 'true');

    await presets.getByRole('button', { name: 'Last week' }).click();
    await expect(presets.getByRole('button', { name: 'Last week' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(/, compared with the week before \(/)).toBeVisible();
    await expect(page.getByText('so far')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /: online 5 h, offline 0 min, over budget by 4 h 15$/ })).toBeVisible();

    await presets.getByRole('button', { name: 'This month' }).click();
    await expect(page.getByText(/so far, compared with the same days last month \(/)).toBeVisible();
    const monthDays = page.getByRole('table', { name: 'Online and offline time per day' }).getByRole('row');
    const [year, month] = day(0).key.split('-').map(Number);
    await expect(monthDays).toHaveCount(new Date(Date.UTC(year!, month!, 0)).getUTCDate() + 1);
    expect(await seriousViolations(page)).toEqual([]);

    await presets.getByRole('button', { name: 'Last month' }).click();
    await expect(page.getByText(/, compared with the month before \(/)).toBeVisible();
    await page.getByRole('button', { name: 'Next period' }).click();
    await expect(presets.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');

    await presets.getByRole('button', { name: 'Last 30 days' }).click();
    await expect(page.getByText(/so far, compared with the same days of the 30 days before \(/)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`from=${day(-29).key}&to=${day(0).key}`));
  });

  test('each bar takes keyboard focus and shows its figures; only the excess is over budget', async ({
    page,
    preview,
  }) => {
    void preview;
    await weekStartsTwoDaysAgo(page);
    const chart = page.getByRole('group', { name: /^Online and offline time per day/ });
    await page.getByRole('region', { name: 'Day by day' }).getByRole('button', { name: 'Show as table' }).focus();
    await page.keyboard.press('Tab');
    // The chart is one tab stop, on today.
    const today = chart.getByRole('img', { name: /: online 20 min, offline 0 min$/ });
    await expect(today).toBeFocused();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('online 20 min');
    await expect(tooltip).not.toContainText('over budget');

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const over = chart.getByRole('img', { name: /: online 1 h, offline 30 min, over budget by 15 min$/ });
    await expect(over).toBeFocused();
    await expect(tooltip).toContainText('online 1 h');
    await expect(tooltip).toContainText('over budget by 15 min');
    // The mouse shows the same.
    await chart.getByRole('img', { name: /: online 30 min, offline 1 h 30$/ }).hover();
    await expect(tooltip).toContainText('offline 1 h 30');
    await over.focus();
    await page.keyboard.press('End');
    await expect(chart.getByRole('img', { name: /: online 0 min, offline 0 min$/ }).last()).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    // The table says the same, the excess in minutes.
    await page.getByRole('region', { name: 'Day by day' }).getByRole('button', { name: 'Show as table' }).click();
    const rows = page.getByRole('table', { name: 'Online and offline time per day' }).getByRole('row');
    await expect(rows.nth(1)).toHaveText(/1 h\s*30 min\s*by 15 min/);
    await expect(rows.nth(3)).toHaveText(/20 min\s*0 min\s*no/);
  });

  test('what brings business: per hour online against offline, as a chart with its summary', async ({
    page,
    preview,
  }) => {
    void preview;
    await weekStartsTwoDaysAgo(page);
    const business = page.getByRole('region', { name: 'What brings business' });
    // 1 outcome in 1 h 50 online; 1 (worth €1,200) in 2 h offline.
    await expect(
      business.getByRole('img', {
        name: 'Per hour: offline 0.50 outcomes per hour, €600.00 per hour; online 0.55 outcomes per hour, €0.00 per hour. An hour online brings 1.1 times the outcomes of an hour offline.',
      }),
    ).toBeVisible();
    const chart = business.getByRole('img');
    await expect(chart.getByText('€600.00 per hour offline')).toBeVisible();
    await expect(chart.getByText('0.55 outcomes per hour')).toBeVisible();
    await business.getByRole('button', { name: 'Show as table' }).click();
    await expect(business.getByRole('row', { name: /^Offline/ })).toContainText('0.50 outcomes per hour');
    await expect(business.getByRole('row', { name: /^Offline/ })).toContainText('€600.00 per hour offline');
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the Today card shows the budget used to scale, then the excess, in ${scheme}`, async ({ page, preview }) => {
      void preview;
      await page.emulateMedia({ colorScheme: scheme });
      const today = page.getByRole('region', { name: 'Today' });
      await expect(
        today.getByRole('img', { name: 'Online budget today: 20 min of 45 min · 25 min left' }),
      ).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await logOnline(page, '12:00', '12:37');
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await expect(
        today.getByRole('img', { name: 'Online budget today: 57 min of 45 min · 12 min over' }),
      ).toBeVisible();
      const week = page.getByRole('region', { name: /This week/ });
      await expect(
        week.getByRole('img', { name: /: online 57 min, offline 0 min, over budget by 12 min$/ }),
      ).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
