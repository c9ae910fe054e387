// Settings → Networks with the sample data: the rules that decide who is due, and their effect as you type,
// counted in main from the real lists.
import { expect, test } from './preview.ts';

test.use({ demo: true });

test('changing the grace period shows at once who would be due, and saving it changes the Network view', async ({
  page,
  preview,
}) => {
  void preview;
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  const tab = page.getByRole('tab', { name: /^Not following back · \d+ due$/ });
  const dueNow = Number((await tab.innerText()).match(/(\d+) due/)![1]);

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('form', { name: 'Networks' });
  const effect = rules.getByRole('region', { name: 'What these rules do' });
  await expect(effect).toContainText(`With 3 days, ${dueNow} people are due now.`);
  await expect(effect).toContainText('Each account syncs every 6 hours while Twoway runs');

  await rules.getByLabel('Grace period').fill('20');
  await expect(effect).toContainText(
    new RegExp(`With 20 days, \\d+ people would be due now; ${dueNow} with the 3 days saved\\.`),
  );
  const later = Number((await effect.innerText()).match(/With 20 days, (\d+) people/)![1]);
  expect(later).toBeLessThan(dueNow);
  expect(later).toBeGreaterThan(0);

  await rules.getByLabel('Daily cap per account').fill('5');
  await expect(effect).toContainText(/At 5 a day per account, unfollowing everyone due takes about \d+ days\./);
  await rules.getByLabel('Sync automatically every').fill('0');
  await expect(effect).toContainText('Accounts sync only when you press Sync now.');
  // A field cleared on the way to a new number shows the saved rule's effect meanwhile.
  await rules.getByLabel('Grace period').fill('');
  await expect(effect).toContainText(`With 3 days, ${dueNow} people are due now.`);
  await rules.getByLabel('Grace period').fill('20');

  await rules.getByRole('button', { name: 'Save network rules' }).click();
  await expect(rules.getByText('Saved.')).toBeVisible();
  await expect(effect).toContainText(`With 20 days, ${later} people are due now.`);
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await expect(page.getByRole('tab', { name: `Not following back · ${later} due` })).toBeVisible();
});

test('a grace period out of range is refused beside its field, and nothing changes', async ({ page, preview }) => {
  void preview;
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('form', { name: 'Networks' });
  await rules.getByLabel('Grace period').fill('-2');
  await rules.getByRole('button', { name: 'Save network rules' }).click();
  await expect(rules).toContainText('The grace period cannot be negative.');
  await expect(rules.getByRole('region', { name: 'What these rules do' })).toContainText('With 3 days,');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Networks' }).getByLabel('Grace period')).toHaveValue('3');
});
