import { expect, test } from './preview.ts';

test('log an offline meeting, fix it, refuse a bad one, delete and undo', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Time' }).click();
  await page.getByRole('button', { name: 'Log time' }).click();
  const form = page.getByRole('region', { name: 'Log time' });
  // The browser and the preview run in a zone where it is now 14:xx (see afternoon.ts).
  await form.getByLabel('From').fill('12:00');
  await form.getByLabel('To').fill('13:00');
  await form.getByLabel('Note').fill('Coffee with Ana <b>bold</b>');
  await form.getByRole('button', { name: 'Save entry' }).click();

  const row = page.getByRole('listitem').filter({ hasText: 'Coffee with Ana' });
  await expect(row).toContainText('1 h');
  await expect(row).toContainText('<b>bold</b>');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('today-offline')).toHaveText('1 h');

  await page.getByRole('link', { name: 'Time' }).click();
  await row.getByRole('button', { name: /^Edit/ }).click();
  await page.getByLabel('To').fill('11:00');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('The end must be after the start.')).toBeVisible();
  await page.getByLabel('To').fill('12:30');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(row).toContainText('30 min');

  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toContainText('30 min');
});

test('an overlapping entry is refused with the entry it overlaps named', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Time' }).click();
  for (const note of ['first', 'second']) {
    await page.getByRole('button', { name: 'Log time' }).click();
    const form = page.getByRole('region', { name: 'Log time' });
    await form.getByLabel('From').fill('10:00');
    await form.getByLabel('To').fill('12:00');
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Save entry' }).click();
  }
  await expect(page.getByText(/This overlaps the offline meeting entry of/)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'second' })).toHaveCount(0);
});
