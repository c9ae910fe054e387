// Bad data in the window: a hostile Mastodon server's objects where names belong reach the screen as no name, and
// a view that still cannot draw what it is given says so in its place, with the navigation working and a reload.
import { startMastodonServer } from '../servers/mastodon.ts';
import { addMastodonAccount, consultantOn } from './addMastodonAccount.ts';
import { expect, test } from './preview.ts';

test('a Mastodon server that sends objects for names and an account without an id: the window keeps working', async ({
  page,
  preview,
}) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const { me } = consultantOn(server.state, 30);
    server.faults.push(
      { path: `/api/v1/accounts/${me.id}/following`, entryPatch: { display_name: { html: '<b>Ana</b>' } } },
      { path: `/api/v1/accounts/${me.id}/followers`, entryPatch: { id: { evil: true } }, entry: 4 },
    );

    await addMastodonAccount(page, server.url, '@consultant');

    await expect(page.getByText('Mastodon sent 1 account Twoway could not read; it was left out.')).toBeVisible();
    await expect(page.getByRole('article', { name: /@consultant@127\.0\.0\.1.* balance/ })).toContainText('29');
    await page.getByLabel('Show', { exact: true }).selectOption('All');
    const list = page.getByRole('list', { name: 'Not following back' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await page.getByLabel('Search people').fill('quiet_a');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem').first()).toContainText('@quiet_ana');
    await expect(page.getByText(/could not be shown/)).toHaveCount(0);
  } finally {
    await server.close();
  }
});

test.describe('with the sample data', () => {
  test.use({ demo: true });

  test('a view that cannot draw its data says so in its place; the navigation works and Reload recovers', async ({
    page,
    preview,
  }) => {
    void preview;
    // Main answering a list whose person is missing: what no schema upstream should ever let through.
    await page.route('**/api/listNotFollowingBack', async (route) => {
      const response = await route.fetch();
      const reply = (await response.json()) as { value: { rows: { person: unknown }[] } };
      reply.value.rows = reply.value.rows.map((row) => ({ ...row, person: null }));
      await route.fulfill({ response, json: reply });
    });
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Network' }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'The Network view could not be shown' });
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();

    await nav.getByRole('link', { name: 'Time' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Time' })).toBeVisible();
    await expect(page.getByText(/could not be shown/)).toHaveCount(0);

    await nav.getByRole('link', { name: 'Network' }).click();
    await expect(failed).toBeVisible();
    await page.unroute('**/api/listNotFollowingBack');
    await failed.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('list', { name: 'Not following back' }).getByRole('listitem').first()).toBeVisible();
    await expect(page.getByText(/could not be shown/)).toHaveCount(0);
  });
});
