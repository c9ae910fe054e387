// A hostile Mastodon server names the people you follow so that they pass for one another: a zero-width
// copy of @alice@mastodon.social, a Cyrillic look-alike, a domain reversed by a control character and a
// handle long enough to fill the screen. The unfollow preview shows each one distinct, cut and marked.
import { startMastodonServer } from '../servers/mastodon.ts';
import { addMastodonAccount } from './addMastodonAccount.ts';
import { expect, test } from './preview.ts';

test('the unfollow preview tells look-alike handles apart and marks them', async ({ page, preview }) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const me = server.state.addAccount({ username: 'consultant', displayName: 'Consultant' });
    const hostile = [
      { username: 'alice', domain: 'mastodon.social', displayName: 'Alice' },
      { username: 'al\u200bice', domain: 'mastodon.social', displayName: 'Alice' },
      { username: '\u0430lice', domain: 'mastodon.social', displayName: 'Alice' },
      { username: 'alice', domain: '\u202elaicos.nodotsam', displayName: 'Eve\u202egnp.exe' },
      { username: 'a'.repeat(300), domain: 'mastodon.social', displayName: 'W'.repeat(5000) },
    ].map((input) => server.state.addAccount(input));
    for (const person of hostile) server.state.follow(me.id, person.id);
    server.state.addToken('e2e-token-123', me.id);

    await addMastodonAccount(page, server.url, '@consultant', 'e2e-token-123');
    await expect(page.getByText(/^Synced/)).toBeVisible();

    await page.getByLabel('Show', { exact: true }).selectOption('All');
    const list = page.getByRole('list', { name: 'Not following back' });
    await expect(list.getByRole('listitem')).toHaveCount(5);
    for (const box of await list.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Unfollow 5…' }).click();
    const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 5 people on Mastodon' });
    const rows = dialog.getByRole('listitem');
    await expect(rows).toHaveCount(5);
    await page.screenshot({ path: test.info().outputPath('hostile-names.png') });

    const texts = await rows.allInnerTexts();
    expect(new Set(texts).size).toBe(5);
    for (const text of texts) expect(text).not.toMatch(/[\u200b\u202a-\u202e\u2066-\u2069]/);
    await expect(rows.filter({ hasText: /^@alice@mastodon\.social$/ })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'hidden characters' })).toHaveCount(2);
    await expect(rows.filter({ hasText: /^@alice@mastodon\.social hidden characters$/ })).toHaveCount(1);
    await expect(rows.filter({ hasText: '@alice@laicos.nodotsam' })).toContainText('hidden characters');
    await expect(rows.filter({ hasText: 'mixed letters' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'mixed letters' })).toContainText('@\u0430lice@mastodon.social');
    const long = rows.filter({ hasText: 'aaaa' });
    await expect(long).toHaveText(`@${'a'.repeat(99)}…`);
    // 100 characters take a few lines of the dialog (300 would take a dozen).
    expect((await long.boundingBox())!.height).toBeLessThan(150);

    // In the list, the reversing name is isolated and plain, and the very long name is cut.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(list.getByText('Evegnp.exe')).toBeVisible();
    await expect(list.getByText(`${'W'.repeat(64)}…`, { exact: true })).toBeVisible();
  } finally {
    await server.close();
  }
});
