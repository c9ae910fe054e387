// The tray's quick view in its 320 × 420 popover: every state fits without scrolling, every button whole.
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { expect, test } from './preview.ts';

const MIN = 60_000;
const shots = process.env.QUICK_VIEW_SHOTS;

test.use({ demo: true, viewport: { width: 320, height: 420 }, locale: 'en-GB' });

/** Nothing scrolls, and every button lies wholly inside the viewport. */
async function expectToFit(page: Page) {
  const scrolls = await page.evaluate(() => {
    type Root = { scrollWidth: number; scrollHeight: number };
    const root = (globalThis as unknown as { document: { scrollingElement: Root } }).document.scrollingElement;
    return { width: root.scrollWidth, height: root.scrollHeight };
  });
  expect(scrolls).toEqual({ width: 320, height: 420 });
  const outside: string[] = [];
  for (const button of await page.getByRole('button').all()) {
    const box = await button.boundingBox();
    if (!box || box.x < 0 || box.y < 0 || box.x + box.width > 320 || box.y + box.height > 420) {
      outside.push(await button.innerText());
    }
  }
  expect(outside, 'buttons not wholly inside 320 × 420').toEqual([]);
}

/** Fits, passes axe in light and dark, and (when asked) leaves a screenshot of each. */
async function check(page: Page, state: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (shots) await page.screenshot({ path: `${shots}/quick-view-${state}-${scheme}.png` });
    await expectToFit(page);
    expect(await seriousViolations(page), `${state} in ${scheme}`).toEqual([]);
  }
}

async function openQuickView(page: Page, url: string) {
  await page.goto(`${url}#/mini`);
  await expect(page.getByRole('main', { name: 'Twoway quick view' })).toBeVisible();
  await expect(page.getByText(/\d+ unread · \d+ due/)).toBeVisible();
}

test('idle, running, and over budget with the reminder, the quick view fits and works', async ({ page, preview }) => {
  // Five states, each checked by axe in light and dark.
  test.slow();
  await openQuickView(page, preview.url);
  const quick = page.getByRole('main', { name: 'Twoway quick view' });
  await expect(quick.getByRole('button', { name: 'Open Twoway' })).toBeVisible();
  await check(page, 'idle');

  await quick.getByLabel('Online activity').selectOption('replying');
  await quick.getByLabel('Online note').fill('Answers on Bluesky');
  await quick.getByRole('button', { name: 'Start online' }).click();
  await expect(quick.getByRole('heading', { name: 'Online · replying' })).toBeVisible();
  await expect(quick.getByLabel('Online note')).toHaveValue('Answers on Bluesky');
  // The first look at the reminders after the sample data came finds last week's digest.
  const digest = quick.getByRole('alert').filter({ hasText: 'Your week in review' });
  await expect(digest).toBeVisible();
  await check(page, 'running-digest');
  await digest.getByRole('button', { name: 'OK' }).click();
  await expect(digest).toBeHidden();
  await check(page, 'running');

  // An hour of posting at 06:00 (before any sample session) puts today over its 45 minute budget; going online
  // again brings the nudge.
  await quick.getByRole('button', { name: 'Stop' }).click();
  const added = await page.evaluate(async () => {
    const api = (globalThis as unknown as { twoway: { addEntry(input: object): Promise<{ ok: boolean }> } }).twoway;
    const six = new Date().setHours(6, 0, 0, 0);
    return (await api.addEntry({ kind: 'online', activity: 'posting', start: six, end: six + 3_600_000 })).ok;
  });
  expect(added).toBe(true);
  await quick.getByRole('button', { name: 'Start online' }).click();
  await expect(quick.getByRole('region', { name: 'Today' })).toContainText(/\d+ min over/);
  // Back after hours away, the welcome comes first (the sample day decides); once it is answered, the next look
  // at the reminders (here: a new note for the running session) brings the nudge.
  const nudge = quick.getByRole('alert').filter({ hasText: 'Time to go do some offline business development' });
  const welcome = quick.getByRole('alert').filter({ hasText: 'Welcome back' });
  await expect(nudge.or(welcome)).toBeVisible();
  if (await welcome.isVisible()) {
    await check(page, 'over-budget-welcome-back');
    await welcome.getByRole('button', { name: 'OK' }).click();
    await expect(welcome).toBeHidden();
  }
  await quick.getByLabel('Online note').fill('Answers on Mastodon');
  await quick.getByLabel('Online note').press('Enter');
  await expect(nudge).toBeVisible();
  await expect(quick.getByLabel('Online note')).toHaveValue('Answers on Mastodon');
  await check(page, 'over-budget-reminder');

  await quick.getByRole('button', { name: 'Open Twoway' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});

for (const reason of ['crashed', 'away', 'idle'] as const) {
  test.describe(`with the timer's ${reason} question`, () => {
    // Half an hour into a session, asked about the stretch from minute 10 to 25 (a crash: since the last heartbeat).
    const session = () => {
      const start = Date.now() - 30 * MIN;
      const question = reason === 'crashed' ? null : { reason, from: start + 10 * MIN, to: start + 25 * MIN };
      const running = {
        kind: 'online',
        activity: 'scanning',
        note: 'Morning feed',
        start,
        heartbeat: start + 20 * MIN,
      };
      return JSON.stringify({ schemaVersion: 1, data: { running, question } });
    };
    test.use({ files: { 'running-session.json': session } });

    test(`the quick view fits with the ${reason} question and the reminder`, async ({ page, preview }) => {
      await openQuickView(page, preview.url);
      const quick = page.getByRole('main', { name: 'Twoway quick view' });
      const name = { crashed: 'Session left running', away: 'Time away', idle: 'Idle time' }[reason];
      await expect(quick.getByRole('alertdialog', { name })).toBeVisible();
      await expect(quick.getByLabel('Online note')).toHaveValue('Morning feed');
      await check(page, `question-${reason}`);
      await quick
        .getByRole('alertdialog', { name })
        .getByRole('button', { name: 'Keep', exact: reason !== 'crashed' })
        .first()
        .click();
      await expect(quick.getByRole('alertdialog')).toHaveCount(0);
    });
  });
}
