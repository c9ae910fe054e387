// Ghost follows in Chromium against the real Bluesky reference stack (PLC + PDS + AppView on 127.0.0.1): one
// followed account deactivates, another is deleted; both show apart with the reason and are cleaned up through
// the preview and the queue, their follow records gone on the server.
import {
  BLUESKY_SERVER_MISSING,
  BLUESKY_SERVER_SKIPPED,
  blueskyServerAvailable,
  blueskyServerSkipped,
  startBlueskyServer,
} from '../bluesky-server/client.ts';
import { expect, test } from './preview.ts';

const DAY = 24 * 60 * 60 * 1000;

test('a deactivated and a deleted account show as ghost follows with the reason, and are unfollowed', async ({
  page,
  preview,
}) => {
  void preview;
  test.skip(blueskyServerSkipped, BLUESKY_SERVER_SKIPPED);
  if (!blueskyServerAvailable()) throw new Error(BLUESKY_SERVER_MISSING);
  test.setTimeout(180_000);
  const server = await startBlueskyServer();
  try {
    const me = await server.createAccount('cleaner.test', 'cleaner-pass');
    const followed = new Date(Date.now() - 8 * DAY).toISOString();
    const { accounts } = await server.seedFollowing(me.did, 4, { prefix: 'left', createdAt: followed });
    await server.processAll();
    await server.deactivateAccount('left0001.test');
    await server.deleteAccount('left0002.test');
    await server.processAll();

    // .test handles resolve only through the PDS, which the form does not ask for: the API takes it.
    const added = await page.evaluate(
      (input) =>
        (globalThis as unknown as { twoway: { addAccount(i: object): Promise<{ ok: boolean }> } }).twoway.addAccount(
          input,
        ),
      {
        network: 'bluesky',
        handle: 'cleaner.test',
        appPassword: 'cleaner-pass',
        appviewUrl: server.urls.appview,
        plcUrl: server.urls.plc,
        handleResolverUrl: server.urls.pds,
      },
    );
    expect(added).toMatchObject({ ok: true });
    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    await expect(page.getByText(/^Synced/)).toBeVisible();

    await expect(page.getByRole('tab', { name: 'Not following back · 2 due' })).toBeVisible();
    await page.getByRole('tab', { name: 'Gone or blocking you · 2' }).click();
    const list = page.getByRole('list', { name: 'Gone or blocking you' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    // Neither has a profile left to name it: each shows by the DID its follow record holds.
    const deactivated = list.getByRole('listitem').filter({ hasText: accounts[0]!.did });
    await expect(deactivated).toContainText('deactivated');
    await expect(deactivated).toContainText('You followed them 8 days ago');
    await expect(list.getByRole('listitem').filter({ hasText: accounts[1]!.did })).toContainText('deleted');
    await expect(list).not.toContainText('not a Bluesky handle');
    await page.screenshot({ path: test.info().outputPath('ghosts.png'), fullPage: true });

    await page.getByRole('button', { name: 'Select all 2' }).click();
    await page.getByRole('button', { name: 'Unfollow 2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 2 people on Bluesky' });
    await dialog.getByRole('button', { name: 'Unfollow 2' }).click();
    const queue = page.getByRole('list', { name: 'Queue and log' });
    await expect(queue.getByRole('listitem').filter({ hasText: 'done' })).toHaveCount(2, { timeout: 30_000 });

    const records = await fetch(
      `${server.urls.pds}/xrpc/com.atproto.repo.listRecords?repo=${me.did}&collection=app.bsky.graph.follow`,
    ).then((r) => r.json() as Promise<{ records: { value: { subject: string } }[] }>);
    expect(records.records.map((r) => r.value.subject).sort()).toEqual([accounts[2]!.did, accounts[3]!.did].sort());
    await expect(page.getByRole('tab', { name: /^Gone or blocking you · 0$/ })).toHaveCount(0);
    await expect(page.getByRole('article', { name: 'cleaner.test balance' })).toContainText('2');
  } finally {
    await server.stop();
  }
});
