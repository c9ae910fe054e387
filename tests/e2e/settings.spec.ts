import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './preview.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('settings save as they change, with Undo; bad values are refused beside their field and the saved one stays', async ({
  page,
  preview,
}) => {
  void preview;
  await page.getByRole('link', { name: 'Settings' }).click();
  const budget = page.getByLabel('Daily online budget');
  await budget.fill('-5');
  await expect(page.getByText('The daily online budget must be at least 1 minute.')).toBeVisible();
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  await budget.fill('');
  await expect(page.getByText('Enter the daily online budget as a whole number of minutes.')).toBeVisible();
  expect(await seriousViolations(page), 'a refused setting').toEqual([]);
  await page.reload();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('45');

  // A good value is saved after a pause in typing, and the toast offers Undo.
  await page.getByLabel('Daily online budget').fill('60');
  const toast = page.getByRole('status').filter({ hasText: 'Daily online budget saved' });
  await expect(toast).toBeVisible();
  expect(await seriousViolations(page), 'saved, with Undo').toEqual([]);
  await page.reload();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('60');
  await page.getByLabel('Daily online budget').fill('90');
  await page.getByLabel('Daily online budget').press('Tab');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('60');
  await page.reload();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('60');

  // Quiet hours start at 22:00–07:00; an end equal to the start is refused, and 22:00–07:00 stays saved.
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('22:00');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('07:00');
  await page.getByLabel('To', { exact: true }).fill('22:00');
  await expect(page.getByText('Quiet hours need an end different from their start.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('07:00');

  // A choice is saved at once.
  await page.getByLabel('Appearance').selectOption('dark');
  await expect(page.getByRole('status').filter({ hasText: 'Appearance saved' })).toBeVisible();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText('1 h left', { exact: true })).toBeVisible();
});

test('what was typed is saved on leaving Settings, even before the pause', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Weekly offline target').fill('420');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Weekly offline target')).toHaveValue('420');
});

test('a reminder held back by quiet hours is named where they are set, with the time it waits for', async ({
  page,
  preview,
}) => {
  void preview;
  // 50 minutes online today, over the 45-minute budget (the preview's zone is in the afternoon).
  await page.getByRole('link', { name: 'Time' }).click();
  await page.getByRole('button', { name: 'Log time' }).click();
  const form = page.getByRole('region', { name: 'Log time' });
  await form.getByLabel('Online').check();
  await form.getByLabel('From').fill('12:00');
  await form.getByLabel('To').fill('12:50');
  await form.getByRole('button', { name: 'Save entry' }).click();

  // Quiet hours from an hour ago to two hours from now.
  const hour = await page.evaluate(() => new Date().getHours());
  const clock = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('From', { exact: true }).fill(clock(hour - 1));
  await page.getByLabel('To', { exact: true }).fill(clock(hour + 2));
  await page.getByLabel('To', { exact: true }).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Quiet hours saved' })).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: 'Start online' }).click();
  await expect(page.getByRole('heading', { name: 'Online · scanning' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Time to go do some offline' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  const until = await page.evaluate(
    (h) => {
      const end = new Date();
      end.setHours(h, 0, 0, 0);
      return end.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    },
    (hour + 2) % 24,
  );
  const quiet = page.getByRole('group', { name: 'Quiet hours' });
  await expect(quiet).toContainText(
    new RegExp(`The daily budget reminder due at .+ waits until ${until} — quiet hours\\.`),
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page), 'quiet hours notice in dark').toEqual([]);

  // Without quiet hours, the reminder comes and the notice goes.
  await quiet.getByRole('checkbox', { name: 'No reminders during these hours' }).uncheck();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Online today: 50 min of your 45 min budget.' }),
  ).toBeVisible();
  await expect(quiet).not.toContainText('waits until');
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

  // An edit in the form above, saved as typed, leaves the switches as switched.
  await page.getByLabel('Daily online budget').fill('50');
  await atLogin.check();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  await updates.uncheck();
  await expect(card.getByRole('status')).toHaveText('Saved.');
  const saved = JSON.parse(fs.readFileSync(path.join(preview.dataDir, 'settings.json'), 'utf8'));
  expect(saved.data).toMatchObject({ startAtLogin: true, checkForUpdates: false });

  await expect(page.getByRole('status').filter({ hasText: 'Daily online budget saved' })).toBeVisible();
  await page.reload();
  await expect(card.getByRole('checkbox', { name: 'Start Twoway when I log in' })).toBeChecked();
  await expect(card.getByRole('checkbox', { name: 'Check for updates automatically' })).not.toBeChecked();
  await expect(page.getByLabel('Daily online budget')).toHaveValue('50');
});

test('network rules changed and not saved ask before Settings is left, and stay unsaved', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('form', { name: 'Networks' });
  await rules.getByLabel('Grace period').fill('20');
  await expect(rules.getByText('Not saved yet')).toBeVisible();
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(questions).toEqual(['Leave without saving the network rules? Your changes to them are lost.']);
  await expect(rules.getByLabel('Grace period')).toHaveValue('20');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(rules.getByLabel('Grace period')).toHaveValue('3');
});
