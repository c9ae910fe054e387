import { expect, test } from './preview.ts';

test('a newcomer sees what to do, loads the sample data and finds every view', async ({ page, preview }) => {
  void preview;
  await expect(page.getByRole('heading', { name: 'Welcome to Twoway' })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('article', { name: 'alexmorgan.bsky.social balance' })).toContainText('203');
  await expect(page.getByRole('heading', { name: 'Welcome to Twoway' })).toBeHidden();

  for (const view of ['Network', 'Time', 'Report', 'Settings', 'Dashboard']) {
    await page.getByRole('navigation').getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Network' }).click();
  // The Network view folds its trend charts under a button.
  await page.getByRole('button', { name: 'Trend' }).click();
  await expect(page.getByRole('figure').first().getByRole('img')).toHaveAttribute(
    'aria-label',
    /followers from \d+ to 203/,
  );
});

test('the navigation works from the keyboard alone', async ({ page, preview }) => {
  void preview;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /^Catch-up/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Network' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
});

test('the timer starts, switches kind and stops', async ({ page, preview }) => {
  void preview;
  const timer = page.getByRole('timer');
  await page.getByRole('button', { name: 'Start online' }).click();
  await expect(page.getByRole('heading', { name: 'Online · scanning' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start online' })).toBeDisabled();
  await expect(timer).toHaveText(/^0:0[1-9]$/);
  await page.getByRole('button', { name: 'Start offline' }).click();
  await expect(page.getByRole('heading', { name: 'Offline · meeting' })).toBeVisible();
  // A few seconds online is under a minute: not saved, and said so.
  await expect(page.getByRole('status')).toHaveText(/^Discarded a \d s session \(online · scanning\)/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('heading', { name: 'No session running' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await page.getByRole('link', { name: 'Time' }).click();
  await expect(page.getByText('No time logged this week')).toBeVisible();
});

test.describe('with a damaged ledger', () => {
  test.use({ files: { 'time-entries.json': '{"schemaVersion": 1, "data": [' } });
  test('a damaged data file is kept aside, the user is told, and the app works', async ({ page, preview }) => {
    void preview;
    await expect(page.getByRole('alert')).toContainText('Your time entries file could not be used');
    await expect(page.getByRole('alert')).toContainText('time-entries.unreadable-');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toBeHidden();
    await page.getByRole('button', { name: 'Start offline' }).click();
    await expect(page.getByRole('heading', { name: 'Offline · meeting' })).toBeVisible();
  });
});
