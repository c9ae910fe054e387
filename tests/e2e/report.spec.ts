import fs from 'node:fs';
import { expect, test } from './preview.ts';

test.use({ demo: true });

test('the sample report: week by week, as a table, and back to this week', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Report' }).click();
  const title = page.locator('.period-picker .toolbar-title');
  const thisWeek = await title.textContent();
  await expect(page.getByText('Online share')).toBeVisible();
  const network = page.getByRole('region', { name: /Network/ });
  await expect(network.getByRole('row')).toHaveCount(5); // header, three accounts, all accounts
  await expect(network.getByRole('row', { name: /All accounts/ })).toContainText('→');

  await page.getByRole('button', { name: 'Previous period' }).click();
  await expect(title).not.toHaveText(thisWeek!);
  await expect(page).toHaveURL(/#\/report\?from=\d{4}-\d{2}-\d{2}&to=/);
  // A past week is complete: seven days, each with a row in the table view.
  await page.getByRole('region', { name: 'Day by day' }).getByRole('button', { name: 'Show as table' }).click();
  const days = page.getByRole('table', { name: 'Online and offline time per day' });
  await expect(days.getByRole('row')).toHaveCount(8);
  await expect(days).toBeVisible();

  await page.getByRole('button', { name: 'This week' }).click();
  await expect(title).toHaveText(thisWeek!);
  await expect(page.getByRole('button', { name: 'Next period' })).toBeDisabled();
});

test('a custom range of about two months reads week by week', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Report' }).click();
  await page.getByRole('button', { name: 'Custom range' }).click();
  await page.getByLabel('First day').fill('2026-12-31');
  await page.getByLabel('Last day').fill('2026-01-01');
  await page.getByRole('button', { name: 'Show range' }).click();
  await expect(page.getByRole('alert')).toHaveText('The last day must be on or after the first.');
  await page.getByLabel('First day').fill('2026-09-28');
  await page.getByLabel('Last day').fill('2026-11-29');
  await page.getByRole('button', { name: 'Show range' }).click();
  await expect(page.getByRole('heading', { name: 'Week by week' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Online and offline time per week' }).getByRole('row')).toHaveCount(10);
});

test('export the daily totals as CSV', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Report' }).click();
  await page.getByRole('button', { name: 'Previous period' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Daily totals CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^twoway-daily-totals-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('date,time_zone,online_minutes,offline_minutes,online_budget_minutes,over_budget');
  expect(lines).toHaveLength(9); // header, seven days, and the empty string after the last CRLF
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},Etc\/GMT[+-]?\d*,\d+,\d+,45,(yes|no)$/);
  const total = lines
    .slice(1, 8)
    .reduce((sum, line) => sum + Number(line.split(',')[2]) + Number(line.split(',')[3]), 0);
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole('status')).toContainText(download.suggestedFilename());
});

test('a won client shows in the report, in value per hour', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Outcomes' }).click();
  await page.getByRole('button', { name: 'Log an outcome' }).click();
  const form = page.getByRole('region', { name: 'Log an outcome' });
  await form.getByLabel('What happened').selectOption('client');
  await form.getByLabel('Where it came from').selectOption('mastodon');
  await form.getByLabel(/^Value/).fill('abc');
  await form.getByRole('button', { name: 'Save outcome' }).click();
  await expect(form.getByText('Enter the amount as digits, like 2,500.00.')).toBeVisible();
  await form.getByLabel(/^Value/).fill('2500');
  await form.getByLabel('Currency').fill('GBP');
  await form.getByLabel(/^With/).fill('Priya <i>Data</i>');
  await form.getByRole('button', { name: 'Save outcome' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'Priya <i>Data</i>' });
  await expect(row).toContainText('Client won');
  await expect(row).toContainText('£2,500.00');

  await page.getByRole('link', { name: 'Report' }).click();
  const outcomes = page.getByRole('region', { name: /Outcomes/ });
  await expect(outcomes.getByRole('row', { name: /Mastodon/ })).toContainText('£2,500.00');
  await expect(
    page.getByRole('region', { name: 'What brings business' }).getByRole('row', { name: /Online/ }),
  ).toContainText('£');
});

test('restore a backup after a dry run; a broken file is refused and nothing changes', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backup = fs.readFileSync((await download.path())!);
  expect(JSON.parse(backup.toString())).toMatchObject({ app: 'twoway', kind: 'backup' });

  // Delete one outcome, so the backup has something to bring back.
  await page.getByRole('link', { name: 'Outcomes' }).click();
  const rows = page.locator('.outcome');
  const before = await rows.count();
  await rows
    .first()
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(rows).toHaveCount(before - 1);

  await page.getByRole('link', { name: 'Settings' }).click();
  const picker = page.getByLabel('Restore from a backup…');
  await picker.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name":"notes"}'),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'notes.json: This file is not a Twoway backup: it lacks the Twoway backup header.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await picker.setInputFiles({ name: 'twoway-backup.json', mimeType: 'application/json', buffer: backup });
  const dialog = page.getByRole('dialog', { name: 'Restore from twoway-backup.json?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Outcomes/ })).toHaveText(/Outcomes\s*1\s*0\s*\d+/);
  await expect(dialog.getByRole('row', { name: /^Time entries/ })).toHaveText(/Time entries\s*0\s*0\s*\d+/);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  // The undo toasts' live region is a status too: the restore's is the one naming the file.
  await expect(page.getByRole('status').filter({ hasText: 'twoway-backup.json' })).toHaveText(
    'Restored from twoway-backup.json — outcomes: 1 added.',
  );

  await page.getByRole('link', { name: 'Outcomes' }).click();
  await expect(rows).toHaveCount(before);
});
