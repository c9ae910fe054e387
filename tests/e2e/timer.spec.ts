import { seriousViolations } from './axe.ts';
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
  await expect(page.getByText('5 min over', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Start online' }).click();
  const nudge = page.getByRole('alert').filter({ hasText: 'Time to go do some offline business development' });
  await expect(nudge).toContainText('Online today: 50 min of your 45 min budget.');
  await nudge.getByRole('button', { name: 'Start offline session' }).click();
  await expect(nudge).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Offline · meeting' })).toBeVisible();
});

/** A session left running since `ago` before the preview starts, seen alive then. */
const leftRunning = (ago: number, session: object) => () => {
  const start = Date.now() - ago;
  return JSON.stringify({
    schemaVersion: 1,
    data: { running: { ...session, start, heartbeat: start }, question: null },
  });
};

test.describe('a session running for ten minutes', () => {
  test.use({ files: { 'running-session.json': leftRunning(10 * MIN, { kind: 'online', activity: 'scanning' }) } });

  test('changes activity and note while running, saves the entry with them, and the next Start proposes them', async ({
    page,
    preview,
  }) => {
    void preview;
    await page
      .getByRole('alertdialog', { name: 'Session left running' })
      .getByRole('button', { name: 'Keep it running' })
      .click();
    await expect(page.getByRole('heading', { name: 'Online · scanning' })).toBeVisible();
    await page.getByLabel('Online activity').selectOption('replying');
    await expect(page.getByRole('heading', { name: 'Online · replying' })).toBeVisible();
    expect(await seriousViolations(page), 'the running session with its activity').toEqual([]);
    await page.getByLabel('Online note').fill('Answers to the launch thread');
    // Leaving the field for Stop saves the note first.
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('heading', { name: 'No session running' })).toBeVisible();

    await page.getByRole('link', { name: 'Time' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Answers to the launch thread' });
    await expect(row).toContainText('replying');
    await expect(row).toContainText('10 min');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByLabel('Online activity')).toHaveValue('replying');
    await expect(page.getByLabel('Online note')).toHaveValue('Answers to the launch thread');
    await expect(page.getByLabel('Offline activity')).toHaveValue('meeting');
    await expect(page.getByLabel('Offline note')).toHaveValue('');

    // Picked before the start: the session runs with them, and they are what Start offline proposes next.
    await page.getByLabel('Offline activity').selectOption('call');
    await page.getByLabel('Offline note').fill('Ana, about the workshop');
    await page.getByRole('button', { name: 'Start offline' }).click();
    await expect(page.getByRole('heading', { name: 'Offline · call' })).toBeVisible();
    await expect(page.getByLabel('Offline note')).toHaveValue('Ana, about the workshop');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('status').filter({ hasText: '(offline · call)' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Offline activity')).toHaveValue('call');
    await expect(page.getByLabel('Offline note')).toHaveValue('Ana, about the workshop');
  });
});

test.describe('a session shorter than a minute', () => {
  test.use({
    files: {
      'running-session.json': leftRunning(40_000, { kind: 'online', activity: 'posting', note: 'Oops' }),
    },
  });

  test('is discarded when stopped, and a notice says so', async ({ page, preview }) => {
    void preview;
    await page
      .getByRole('alertdialog', { name: 'Session left running' })
      .getByRole('button', { name: 'Keep it running' })
      .click();
    await expect(page.getByRole('heading', { name: 'Online · posting' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop' }).click();
    const notice = page
      .getByRole('status')
      .filter({ hasText: /^Discarded a [4-5]\d s session \(online · posting\): shorter than a minute\./ });
    await expect(notice).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `the notice in ${scheme}`).toEqual([]);
    }
    await page.getByRole('link', { name: 'Time' }).click();
    await expect(page.getByText('No time logged this week')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Discarded a' })).toBeVisible();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Discarded a' })).toHaveCount(0);
  });
});

test.describe('with discarding short sessions turned off', () => {
  test.use({
    files: { 'running-session.json': leftRunning(40_000, { kind: 'online', activity: 'posting', note: 'Kept' }) },
  });

  test('a 40 s session is saved as an entry', async ({ page, preview }) => {
    void preview;
    await page
      .getByRole('alertdialog', { name: 'Session left running' })
      .getByRole('button', { name: 'Keep it running' })
      .click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Discard sessions shorter than 1 minute').uncheck();
    await expect(page.getByText('Discarding short sessions saved')).toBeVisible();
    await page.keyboard.press('Control+Shift+S');
    await page.getByRole('link', { name: 'Time' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Kept' })).toContainText('posting');
    await expect(page.getByRole('status').filter({ hasText: 'Discarded a' })).toHaveCount(0);
  });
});
