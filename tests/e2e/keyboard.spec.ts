// The day's work with the keyboard alone: start a session, log offline time, open the report, and unfollow
// one account on Mastodon (a local server speaking the documented API), checked on the server.
import type { Page } from '@playwright/test';
import { startMastodonServer } from '../servers/mastodon.ts';
import { expect, test } from './preview.ts';

type Role = Parameters<Page['getByRole']>[0];

/** Presses Tab (or Shift+Tab) until the named control has focus, as a keyboard user would. */
async function tabTo(page: Page, role: Role, name: string | RegExp, backwards = false) {
  const target = page.getByRole(role, { name }).first();
  for (let presses = 0; presses < 120; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((element) => element.ownerDocument.activeElement === element).catch(() => false)) return;
  }
  throw new Error(`Tab never reached the ${role} “${String(name)}”`);
}

test('start a session, log offline time, open the report and unfollow one account, keyboard only', async ({
  page,
  preview,
}) => {
  void preview;
  test.setTimeout(90_000);
  const server = await startMastodonServer();
  try {
    const me = server.state.addAccount({ username: 'consultant', displayName: 'Consultant' });
    for (let i = 0; i < 5; i++) server.state.follow(server.state.addAccount({ username: `fan${i}` }).id, me.id);
    const quiet = server.state.addAccount({ username: 'quiet_ana' });
    server.state.follow(me.id, quiet.id);
    server.state.addToken('keyboard-token-123', me.id);

    // Start an online session from the dashboard.
    await tabTo(page, 'button', 'Start online');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Online · scanning' })).toBeVisible();

    // Log an hour of offline time: the form opens with the keyboard and Enter saves it.
    await tabTo(page, 'link', 'Time');
    await page.keyboard.press('Enter');
    await tabTo(page, 'button', 'Log time');
    await page.keyboard.press('Enter');
    // A time field takes hours, minutes and (in this browser's locale) AM or PM, typed in turn.
    await tabTo(page, 'textbox', 'From');
    await page.keyboard.type('1100A');
    await tabTo(page, 'textbox', 'To');
    await page.keyboard.type('1200P');
    await tabTo(page, 'textbox', 'Note');
    await page.keyboard.type('Breakfast with a client');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listitem').filter({ hasText: 'Breakfast with a client' })).toContainText('1 h');

    // The report.
    await tabTo(page, 'link', 'Report', true);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Report', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Day by day' })).toBeVisible();

    // Add the Mastodon account, then unfollow the one who does not follow back.
    await tabTo(page, 'link', 'Network', true);
    await page.keyboard.press('Enter');
    await tabTo(page, 'button', 'Add account');
    await page.keyboard.press('Enter');
    // Tab enters the group of networks at the chosen one; the arrows choose another.
    await tabTo(page, 'radio', 'Bluesky');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Mastodon' })).toBeChecked();
    await tabTo(page, 'textbox', 'Instance URL');
    await page.keyboard.type(server.url);
    // Past Sign in with Mastodon, Advanced opens the handle and token fields.
    await tabTo(page, 'button', 'Sign in with Mastodon');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, 'textbox', 'Handle');
    await page.keyboard.type('@consultant');
    await tabTo(page, 'textbox', 'Access token (optional)');
    await page.keyboard.type('keyboard-token-123');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^Synced/)).toBeVisible({ timeout: 20_000 });

    // Mastodon follows are dated from the first sync, so show everyone, not only those past the grace period.
    await tabTo(page, 'combobox', 'Show');
    await page.keyboard.press('End');
    await tabTo(page, 'checkbox', /quiet_ana/);
    await page.keyboard.press('Space');
    await tabTo(page, 'button', 'Unfollow 1…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 1 person on Mastodon' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Unfollow 1' })).toBeFocused();
    await page.keyboard.press('Enter');
    const queue = page.getByRole('list', { name: 'Queue and log' });
    await expect(queue.getByRole('listitem').filter({ hasText: 'done' })).toHaveCount(1, { timeout: 20_000 });
    expect(server.state.isFollowing(me.id, quiet.id)).toBe(false);
  } finally {
    await server.close();
  }
});
