// A newcomer adds their Mastodon account (a local server speaking the documented API), sees the balance and
// who does not follow back, unfollows two with confirmation and undoes one — checked on the server.
import { startMastodonServer } from '../servers/mastodon.ts';
import { addMastodonAccount, consultantOn } from './addMastodonAccount.ts';
import { expect, test } from './preview.ts';

test('add a Mastodon account, unfollow two after the preview, undo one', async ({ page, preview }) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const { me, quiet } = consultantOn(server.state, 120);
    server.state.addToken('e2e-token-123', me.id);

    await addMastodonAccount(page, server.url, '@consultant', 'e2e-token-123');

    const balance = page.getByRole('article', { name: /@consultant@127\.0\.0\.1.* balance/ });
    await expect(balance).toContainText('120');
    await expect(balance).toContainText('3');
    await expect(page.getByText(/^Synced/)).toBeVisible();

    // Follows on Mastodon are dated from when Twoway first saw them: nobody is due yet.
    await page.getByLabel('Show', { exact: true }).selectOption('All');
    const list = page.getByRole('list', { name: 'Not following back' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list.getByRole('listitem').first()).toContainText('first seen today');
    // The Network view folds the trend charts under a button; the Dashboard shows them.
    await page.getByRole('button', { name: 'Trend' }).click();
    await expect(page.getByRole('region', { name: /@consultant@127\.0\.0\.1.* trend/ })).toContainText(
      'The trend appears after the second sync.',
    );
    await list.getByRole('checkbox', { name: /quiet_ana/ }).check();
    await list.getByRole('checkbox', { name: /quiet_ben/ }).check();
    await page.getByRole('button', { name: 'Unfollow 2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 2 people on Mastodon' });
    await expect(dialog).toContainText('One every 8 s on Mastodon');
    await dialog.getByRole('button', { name: 'Unfollow 2' }).click();

    const queue = page.getByRole('list', { name: 'Queue and log' });
    await expect(queue.getByRole('listitem').filter({ hasText: 'done' })).toHaveCount(2, { timeout: 20_000 });
    expect(server.state.isFollowing(me.id, quiet[0]!.id)).toBe(false);
    expect(server.state.isFollowing(me.id, quiet[1]!.id)).toBe(false);
    expect(server.state.isFollowing(me.id, quiet[2]!.id)).toBe(true);

    await queue.getByRole('button', { name: /^Undo: unfollow @quiet_ana/ }).click();
    const again = queue.getByRole('listitem').filter({ hasText: 'Follow again' }).filter({ hasText: '@quiet_ana' });
    await expect(again).toContainText('done', { timeout: 20_000 });
    expect(server.state.isFollowing(me.id, quiet[0]!.id)).toBe(true);
  } finally {
    await server.close();
  }
});
