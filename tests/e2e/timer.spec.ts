import { expect, test } from './preview.ts';

const MIN = 60_000;

test.describe('after a crash', () => {
  const lastSeen = Date.now() - 10 * MIN;
  test.use({
    files: {
      'running-session.json': JSON.stringify({
        schemaVersion: 1,
        data: {
          running: { kind: 'online', activity: 'posting', start: lastSeen - 20 * MIN, heartbeat: lastSeen },
          question: null,
        },
      }),
    },
  });

  test('the session left running can be closed at its last heartbeat', async ({ page, preview }) => {
    void preview;
    const question = page.getByRole('alertdialog', { name: 'Session left running' });
    await expect(question).toContainText('Twoway stopped while your online session was running');
    await question.getByRole('button', { name: /^Close it at/ }).click();
    await expect(question).toBeHidden();
    await expect(page.getByRole('heading', { name: 'No session running' })).toBeVisible();
    await page.getByRole('link', { name: 'Time' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'posting' })).toContainText('20 min');
  });
});

test('keyboard shortcuts start and stop the timer from any view', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Report' }).click();
  await page.keyboard.press('Control+Shift+O');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Online · scanning' })).toBeVisible();
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('heading', { name: 'No session running' })).toBeVisible();
});

test('over the daily budget, going online brings the nudge to go offline, which starts an offline session', async ({
  page,
  preview,
}) => {
  void preview;
  await page.getByRole('link', { name: 'Time' }).click();
  await page.getByRole('button', { name: 'Log time' }).click();
  const form = page.getByRole('region', { name: 'Log time' });
  await form.getByLabel('Online').check();
  await form.getByLabel('Activity').selectOption('posting');
  await form.getByLabel('From').fill('12:00');
  await form.getByLabel('To').fill('12:50');
  await form.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByText('5 min over')).toBeVisible();

  await page.getByRole('button', { name: 'Start online' }).click();
  const nudge = page.getByRole('alert').filter({ hasText: 'Time to go do some offline business development' });
  await expect(nudge).toContainText('Online today: 50 min of your 45 min budget.');
  await nudge.getByRole('button', { name: 'Start offline session' }).click();
  await expect(nudge).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Offline · meeting' })).toBeVisible();
});
