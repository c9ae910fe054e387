// A newcomer adds X from the data archive: chooses the zip, sees whose it is, the counts and the result, finds
// the people who do not follow back by their X id with a link to each profile, and later imports a newer
// archive from the account's menu to see who came and who went. Then names fill in once X's paid API is
// connected (a local server speaking the documented v2 API).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { archiveFiles, archiveZip } from '../servers/xArchive.ts';
import { startXServer } from '../servers/x.ts';
import { expect, test } from './preview.ts';

const owner = { accountId: '1700000000000000001', username: 'alexmorgan_biz', displayName: 'Alex Morgan' };
const ids = (from: bigint, n: number) => Array.from({ length: n }, (_, i) => String(from + BigInt(i)));
const fans = ids(1800000000000000000n, 120);
const quiet = ids(1900000000000000000n, 3);

function zip(followers: string[], following: string[]) {
  return {
    name: 'twitter-2026-11-20-abc.zip',
    mimeType: 'application/zip',
    buffer: archiveZip(archiveFiles({ followers, following, partSize: 50, account: owner })),
  };
}

/** axe against WCAG 2.1 A and AA: the serious and critical violations, none expected. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

async function addFromArchive(page: Page, archive: ReturnType<typeof zip>) {
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByRole('radio', { name: 'X', exact: true }).check();
  await expect(page.getByRole('radio', { name: 'Import your X archive' })).toBeChecked();
  await page.getByLabel('Archive files (.zip or .js)').setInputFiles(archive);
}

test('add X from its archive, find who does not follow back by id, import a newer archive and see the changes', async ({
  page,
  preview,
}) => {
  void preview;
  await addFromArchive(page, zip(fans, [...fans.slice(0, 100), ...quiet]));

  const result = page.getByRole('region', { name: /Imported the archive of @alexmorgan_biz/ });
  await expect(result).toContainText('Alex Morgan');
  await expect(result.getByRole('definition')).toHaveText(['120', '103', '100']);
  await expect(result).toContainText('Archives hold no follow dates');
  expect(await seriousViolations(page), 'the X import result').toEqual([]);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(result).toBeHidden();

  await expect(page.getByRole('article', { name: '@alexmorgan_biz balance' })).toContainText('120');
  await expect(page.getByRole('article', { name: '@alexmorgan_biz balance' })).toContainText('103');
  await expect(page.getByText(/^Archive imported/)).toBeVisible();
  // X takes no syncs without the paid API: a newer archive updates the account, nothing else.
  await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  // The Network view folds the trend charts under a button; the Dashboard shows them.
  await page.getByRole('button', { name: 'Trend' }).click();
  await expect(page.getByRole('region', { name: '@alexmorgan_biz trend' })).toContainText(
    'The trend appears after the second import.',
  );

  await page.getByLabel('Show', { exact: true }).selectOption('All');
  const list = page.getByRole('list', { name: 'Not following back' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  for (const id of quiet) {
    const row = list.getByRole('listitem').filter({ hasText: `X account ${id}` });
    await expect(row).toContainText('first seen today');
    await expect(row.getByRole('link', { name: `Open profile of X account ${id}` })).toHaveAttribute(
      'href',
      `https://x.com/i/user/${id}`,
    );
  }
  await expect(list).not.toContainText('x.com/i/user');
  await expect(list.getByRole('checkbox', { name: `X account ${quiet[0]}` })).toBeVisible();

  // Two new followers, one lost; one follow added, one removed.
  await page.getByRole('button', { name: 'Import a newer archive' }).click();
  const again = page.getByRole('group', { name: 'Import a newer archive of @alexmorgan_biz' });
  const newer = zip(
    [...fans.slice(1), '1800000000000009998', '1800000000000009999'],
    [...fans.slice(0, 100), quiet[0]!, quiet[1]!, '1950000000000000000'],
  );
  await again.getByLabel('Archive files (.zip or .js)').setInputFiles(newer);
  const changes = again.getByRole('list', { name: 'Changes since the last import' });
  for (const change of ['2 new followers', '1 follower lost', 'You followed 1 person', 'You unfollowed 1 person']) {
    await expect(changes.getByText(change, { exact: true })).toBeVisible();
  }
  await changes.getByText('1 follower lost').click();
  await expect(changes.getByRole('link', { name: `Open profile of X account ${fans[0]}` })).toBeVisible();
  await changes.getByText('You unfollowed 1 person').click();
  await expect(changes).toContainText(`X account ${quiet[2]}`);
  expect(await seriousViolations(page), 'the re-import’s changes and the list').toEqual([]);
  await expect(again.getByRole('definition')).toHaveText(['121', '103', '99']);
  await again.getByRole('button', { name: 'Done' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'X account 1950000000000000000' })).toContainText(
    'first seen today',
  );
});

test('another account’s archive is refused on re-import, with nothing changed', async ({ page, preview }) => {
  void preview;
  await page.emulateMedia({ colorScheme: 'dark' });
  await addFromArchive(page, zip(fans, quiet));
  expect(await seriousViolations(page), 'the X import result, dark').toEqual([]);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Import a newer archive' }).click();
  const again = page.getByRole('group', { name: 'Import a newer archive of @alexmorgan_biz' });
  const other = {
    name: 'twitter-other.zip',
    mimeType: 'application/zip',
    buffer: archiveZip(
      archiveFiles({ followers: ['5'], following: ['6'], account: { accountId: '9', username: 'someone_else' } }),
    ),
  };
  await again.getByLabel('Archive files (.zip or .js)').setInputFiles(other);
  await expect(again.getByRole('alert')).toHaveText(
    'This is the archive of @someone_else, not of @alexmorgan_biz: choose @alexmorgan_biz’s archive.',
  );
  await expect(page.getByRole('article', { name: '@alexmorgan_biz balance' })).toContainText('120');
  expect(await seriousViolations(page), 'a refused re-import, dark').toEqual([]);
});

test('names fill in once X’s paid API is connected for the account an archive added', async ({ page, preview }) => {
  void preview;
  const server = await startXServer();
  try {
    const me = server.state.addAccount({ id: owner.accountId, username: owner.username, name: owner.displayName });
    const people = ['ana', 'ben', 'cem'].map((name, i) =>
      server.state.addAccount({ id: quiet[i]!, username: `quiet_${name}`, name: `Quiet ${name}` }),
    );
    for (const person of people) server.state.follow(me.id, person.id);
    server.state.addToken('x-e2e-token', me.id);

    await addFromArchive(page, zip(fans.slice(0, 3), quiet));
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByLabel('Show', { exact: true }).selectOption('All');
    const list = page.getByRole('list', { name: 'Not following back' });
    await expect(list.getByRole('listitem').filter({ hasText: /^X account/ })).toHaveCount(3);

    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('radio', { name: 'X', exact: true }).check();
    await page.getByRole('radio', { name: 'Connect X’s paid API' }).check();
    await page.getByLabel('Handle').fill('@alexmorgan_biz');
    await page.getByLabel('API token').fill('x-e2e-token');
    await page.getByText('Advanced').click();
    await page.getByLabel('API URL').fill(server.url);
    await page.getByRole('button', { name: 'Add and sync' }).click();

    await expect(list.getByRole('listitem').filter({ hasText: '@quiet_ana' })).toContainText('Quiet ana');
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list).not.toContainText('X account');
    await expect(page.getByRole('group', { name: 'Show accounts' }).getByRole('button')).toHaveCount(2);
  } finally {
    await server.close();
  }
});

test('an unfollow on X is a step for the user: no checks or undo promised, the profile opened by id', async ({
  page,
  preview,
}) => {
  void preview;
  await addFromArchive(page, zip(fans, quiet));
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByLabel('Show', { exact: true }).selectOption('All');
  const list = page.getByRole('list', { name: 'Not following back' });
  await list.getByRole('checkbox', { name: `X account ${quiet[0]}` }).check();
  await page.getByRole('button', { name: 'Unfollow 1…' }).click();
  const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 1 person on X' });
  await expect(dialog).toContainText(`X account ${quiet[0]}`);
  await expect(dialog).toContainText('It is on X: Twoway opens the profile for you to unfollow there');
  await expect(dialog).not.toContainText('checked again');
  await expect(dialog).not.toContainText('undo');
  await dialog.getByRole('button', { name: 'Unfollow 1' }).click();

  const queue = page.getByRole('list', { name: 'Queue and log' });
  const step = queue.getByRole('listitem').filter({ hasText: `X account ${quiet[0]}` });
  await expect(step).toContainText('needs you');
  await expect(step.getByRole('link', { name: `Open profile of X account ${quiet[0]}` })).toHaveAttribute(
    'href',
    `https://x.com/intent/user?user_id=${quiet[0]}`,
  );
  await step.getByRole('button', { name: `Done: unfollow X account ${quiet[0]}` }).click();
  await expect(step).toContainText('Done by you on X.');
  // Marked done, the unfollow counts at once: two left who do not follow back.
  await page.getByRole('tab', { name: /^Not following back/ }).click();
  await page.getByLabel('Show', { exact: true }).selectOption('All');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).not.toContainText(`X account ${quiet[0]}`);
});
