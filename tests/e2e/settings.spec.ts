import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './preview.ts';

test('bad settings are refused field by field and nothing is saved; good ones stick', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Settings' }).click();
  const budget = page.getByLabel('Daily online budget');
  await budget.fill('-5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The daily online budget must be at least 1 minute.')).toBeVisible();

  await budget.fill('60');
  await page.getByLabel('From', { exact: true }).fill('22:00');
  await page.getByLabel('To', { exact: true }).fill('22:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Quiet hours need an end different from their start.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('45');

  await page.getByLabel('Daily online budget').fill('60');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText('1 h left')).toBeVisible();
});

test('start at login and update checks are switched in Settings, saved at once, and kept', async ({
  page,
  preview,
}) => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Start-up and updates' });
  const atLogin = card.getByRole('checkbox', { name: 'Start Twoway when I log in' });
  const updates = card.getByRole('checkbox', { name: 'Check for updates automatically' });
  await expect(atLogin).not.toBeChecked();
  await expect(updates).toBeChecked();
  await expect(card.getByText('It opens hidden in the tray')).toBeVisible();
  await expect(card.getByText('At start and every 6 hours Twoway looks for a new version on GitHub')).toBeVisible();
  // The preview is not installed: the desktop app manages updates, and nothing here offers to check.
  await expect(
    card.getByText('Updates are managed by the desktop app: the browser preview does not update itself.'),
  ).toBeVisible();
  await expect(card.getByRole('button', { name: 'Check now' })).toHaveCount(0);

  // An edit begun in the form above, saved after the switches, leaves them as switched.
  await page.getByLabel('Daily online budget').fill('50');
  await atLogin.check();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  await updates.uncheck();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  const saved = JSON.parse(fs.readFileSync(path.join(preview.dataDir, 'settings.json'), 'utf8'));
  expect(saved.data).toMatchObject({ startAtLogin: true, checkForUpdates: false });

  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await expect(card.getByRole('checkbox', { name: 'Start Twoway when I log in' })).toBeChecked();
  await expect(card.getByRole('checkbox', { name: 'Check for updates automatically' })).not.toBeChecked();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('50');
});
