// The balance follows the queue: after a queued unfollow finishes, the cards on Network and on the Dashboard show
// the new following count without a sync; a wait Mastodon asks for shows on the item and in the queue header, and
// cancels. Against a local server speaking Mastodon's documented API.
import { startMastodonServer } from '../servers/mastodon.ts';
import { addMastodonAccount, consultantOn } from './addMastodonAccount.ts';
import { expect, test } from './preview.ts';

test('a queued unfollow moves the balance at once; a rate-limit wait shows and cancels', async ({ page, preview }) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const { me, quiet } = consultantOn(server.state, 120);
    server.state.addToken('e2e-token-123', me.id);

    await addMastodonAccount(page, server.url, '@consultant', 'e2e-token-123');

    // The Network view's balance is one line: followers vs following, the difference, who is due.
    const card = page.getByRole('article', { name: /@consultant@127\.0\.0\.1.* balance/ });
    await expect(card).toContainText(/(^|\s)3 following/);
    await expect(card.getByText('+117')).toBeVisible();
    const syncs = () => server.state.requests.filter((r) => r.path === `/api/v1/accounts/${me.id}/following`).length;
    const syncedBefore = syncs();

    const list = page.getByRole('list', { name: 'Not following back' });
    const unfollow = async (name: string) => {
      await page.getByRole('tab', { name: /^Not following back/ }).click();
      await page.getByLabel('Show', { exact: true }).selectOption('All');
      await list.getByRole('checkbox', { name: new RegExp(name) }).check();
      await page.getByRole('button', { name: 'Unfollow 1…' }).click();
      const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 1 person on Mastodon' });
      await expect(dialog).toContainText('One every 8 s on Mastodon');
      await dialog.getByRole('button', { name: 'Unfollow 1' }).click();
    };

    // Mastodon asks Twoway to wait a minute: the item and the header say until when and why; Cancel ends it.
    server.faults.push({
      method: 'POST',
      path: `/api/v1/accounts/${quiet[1]!.id}/unfollow`,
      status: 429,
      resetInSeconds: 60,
    });
    await unfollow('quiet_ben');
    const queue = page.getByRole('list', { name: 'Queue and log' });
    const ben = queue.getByRole('listitem').filter({ hasText: '@quiet_ben' });
    await expect(ben).toContainText(/waiting until \d{1,2}:\d\d(\s?[AP]M)? \(Mastodon asked us to slow down\)/);
    await expect(ben).toContainText('working');
    await expect(page.locator('.queue-toolbar')).toContainText(
      /One write under way\. Waiting until \d{1,2}:\d\d(\s?[AP]M)? \(Mastodon asked us to slow down\)\./,
    );
    await page.screenshot({ path: test.info().outputPath('queue-waiting.png') });
    await ben.getByRole('button', { name: 'Cancel: unfollow @quiet_ben' }).click();
    await expect(ben).toContainText('cancelled');
    await expect(ben).toContainText('Cancelled; Mastodon did not make the change.');
    expect(server.state.isFollowing(me.id, quiet[1]!.id)).toBe(true);
    await expect(card).toContainText(/(^|\s)3 following/);

    await unfollow('quiet_ana');
    const ana = queue.getByRole('listitem').filter({ hasText: '@quiet_ana' });
    await expect(ana).toContainText('done', { timeout: 20_000 });
    expect(server.state.isFollowing(me.id, quiet[0]!.id)).toBe(false);

    // The cards follow the write at once: no sync read the lists again.
    await expect(card).toContainText(/(^|\s)2 following/);
    await expect(card.getByText('+118')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('network-after-unfollow.png') });
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    const dashboardCard = page.getByRole('article', { name: /@consultant@127\.0\.0\.1.* balance/ });
    await expect(dashboardCard.locator('.figure').nth(1)).toHaveText('2');
    await expect(dashboardCard.locator('.figure').nth(0)).toHaveText('120');
    await page.screenshot({ path: test.info().outputPath('dashboard-after-unfollow.png') });
    expect(syncs()).toBe(syncedBefore);
  } finally {
    await server.close();
  }
});
