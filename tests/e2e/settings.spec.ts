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
