import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './preview.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const hour = 60 * 60 * 1000;

async function openBluesky(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await page
    .getByRole('group', { name: 'Show accounts' })
    .getByRole('button', { name: /alexmorgan\.bsky\.social/ })
    .click();
  return page.getByRole('list', { name: 'Not following back' });
}

test.describe('with the sample data', () => {
  test.use({ demo: true });

  test('the Bluesky balance and who is not following back; search narrows, Keep takes someone off the due list', async ({
    page,
    preview,
  }) => {
    void preview;
    const list = await openBluesky(page);
    const balance = page.getByRole('article', { name: 'alexmorgan.bsky.social balance' });
    await expect(balance).toContainText('203');
    await expect(balance).toContainText('243');
    await expect(page.getByText('Sample account')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sync now' })).toHaveCount(0);

    const tab = page.getByRole('tab', { name: /^Not following back · \d+ due$/ });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const due = Number((await tab.innerText()).match(/(\d+) due/)![1]);
    expect(due).toBeGreaterThan(10);
    await expect(list.getByRole('listitem').first()).toContainText('due');
    await expect(page.getByRole('button', { name: `Select all ${due} due` })).toBeEnabled();

    await page.getByLabel('Search people').fill('lenacontent');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const lena = list.getByRole('listitem').first();
    await expect(lena).toContainText('lenacontent271.bsky.social');
    await expect(lena).toContainText(/You followed them \d+ days ago/);

    // Keep offers Undo in a toast that screen readers hear (a polite status); Undo puts the person back.
    await lena.getByRole('checkbox').check();
    await lena.getByRole('button', { name: 'Keep lenacontent271.bsky.social', exact: true }).click();
    await expect(page.getByText('No one matches “lenacontent”.')).toBeVisible();
    await expect(page.getByRole('tab', { name: `Not following back · ${due - 1} due` })).toBeVisible();
    const kept = page.getByRole('status').filter({ hasText: 'Kept lenacontent271.bsky.social' });
    await expect(kept.getByRole('button', { name: 'Undo' })).toBeVisible();
    expect(await seriousViolations(page), 'keep toast').toEqual([]);
    await kept.getByRole('button', { name: 'Undo' }).click();
    await expect(kept).toHaveCount(0);
    await expect(lena).toContainText('due');
    await expect(page.getByRole('tab', { name: `Not following back · ${due} due` })).toBeVisible();
    // The pick the keep took away is back too.
    await expect(lena.getByRole('checkbox')).toBeChecked();

    await lena.getByRole('button', { name: 'Keep lenacontent271.bsky.social', exact: true }).click();
    await expect(page.getByRole('tab', { name: `Not following back · ${due - 1} due` })).toBeVisible();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('kept');
    const keptRow = list.getByRole('listitem').first();
    await expect(keptRow).toContainText('kept');
    await expect(keptRow.getByRole('checkbox')).toBeDisabled();
    await keptRow.getByRole('button', { name: 'Keep lenacontent271.bsky.social', exact: true }).click();
    await expect(page.getByText('No one matches “lenacontent”.')).toBeVisible();
    await expect(page.getByRole('tab', { name: `Not following back · ${due} due` })).toBeVisible();
    // Un-keep is undone from the keyboard: Ctrl+Z, wherever the focus is but a text field.
    const unkept = page.getByRole('status').filter({ hasText: 'No longer kept: lenacontent271.bsky.social' });
    await expect(unkept).toBeVisible();
    await page.getByRole('tab', { name: /^Not following back/ }).focus();
    await page.keyboard.press('Control+z');
    await expect(unkept).toHaveCount(0);
    await expect(keptRow).toContainText('kept');
    await expect(page.getByRole('tab', { name: `Not following back · ${due - 1} due` })).toBeVisible();
  });

  test('the undo toast waits while the keyboard is on it, and leaves a few seconds after', async ({
    page,
    preview,
  }) => {
    await page.clock.install();
    await page.goto(preview.url);
    const list = await openBluesky(page);
    const first = list.getByRole('listitem').first();
    const handle = await first.locator('label').innerText();
    await first.getByRole('button', { name: `Keep ${handle}`, exact: true }).click();
    const toast = page.getByRole('status').filter({ hasText: `Kept ${handle}` });
    await expect(toast).toBeVisible();
    // Tab reaches it; while it holds the focus it stays, and Escape sends it away.
    await toast.getByRole('button', { name: 'Undo' }).focus();
    await page.clock.runFor(20_000);
    await expect(toast).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(toast).toHaveCount(0);

    const next = list.getByRole('listitem').first();
    const nextHandle = await next.locator('label').innerText();
    await next.getByRole('button', { name: `Keep ${nextHandle}`, exact: true }).click();
    const second = page.getByRole('status').filter({ hasText: `Kept ${nextHandle}` });
    await expect(second).toBeVisible();
    await page.clock.runFor(3_000);
    await expect(second).toBeVisible();
    await page.clock.runFor(4_000);
    await expect(second).toHaveCount(0);
  });

  test('two people picked show in the preview; a sample account refuses the unfollow', async ({ page, preview }) => {
    void preview;
    const list = await openBluesky(page);
    const rows = list.getByRole('listitem');
    const handles = [await rows.nth(0).locator('label').innerText(), await rows.nth(1).locator('label').innerText()];
    for (const handle of handles) await list.getByRole('checkbox', { name: handle }).check();
    // Picks survive scrolling the rows out of the page and back.
    await page.locator('.virtual-list').evaluate((element) => (element.scrollTop = element.scrollHeight));
    await page.locator('.virtual-list').evaluate((element) => (element.scrollTop = 0));
    await expect(list.getByRole('checkbox', { name: handles[0] })).toBeChecked();
    await expect(page.getByText('2 selected')).toBeVisible();

    await page.getByRole('button', { name: 'Unfollow 2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'You are about to unfollow 2 people on Bluesky' });
    await expect(dialog).toBeVisible();
    for (const handle of handles) await expect(dialog.getByRole('listitem').filter({ hasText: handle })).toHaveCount(1);
    await expect(dialog).toContainText('One every 3 s on Bluesky');
    await expect(dialog).toContainText('anyone who followed you back meanwhile is kept');

    // Focus stays inside: from Cancel, Tab comes round to the confirm button.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Unfollow 2' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Unfollow 2…' }).click();
    await dialog.getByRole('button', { name: 'Unfollow 2' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Sample accounts cannot follow or unfollow anyone');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('2 selected')).toBeVisible();
  });

  test('the tabs move with the arrow keys', async ({ page, preview }) => {
    void preview;
    await openBluesky(page);
    await page.getByRole('tab', { name: /Not following back/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: /^Gone or blocking you · \d+$/ })).toBeFocused();
    await expect(page.getByRole('list', { name: 'Gone or blocking you' }).getByRole('listitem').first()).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: "You don't follow back" })).toBeFocused();
    await expect(page.getByRole('list', { name: "You don't follow back" }).getByRole('listitem').first()).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Queue and log' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByText('Nothing queued yet.')).toBeVisible();
  });

  test('adding an account keeps what was typed and shows each error beside its field', async ({ page, preview }) => {
    void preview;
    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    const form = page.getByRole('form', { name: 'Add an account' });
    await expect(form).toContainText('keeps secrets only until it closes');
    await form.getByLabel('Handle').fill('not a handle');
    await form.getByRole('button', { name: 'Add and sync' }).click();
    await expect(form.getByLabel('Handle')).toHaveAccessibleDescription(
      'A Bluesky handle looks like name.bsky.social.',
    );
    await expect(form.getByLabel('Handle')).toHaveValue('not a handle');
    await expect(form.getByLabel('Handle')).toHaveAttribute('aria-invalid', 'true');

    await form.getByRole('radio', { name: 'Mastodon' }).check();
    await form.getByLabel('Instance URL').fill('ftp://example.social');
    await form.getByText('Advanced: add with your handle or an access token').click();
    await form.getByLabel('Handle').fill('@alex');
    await form.getByRole('button', { name: 'Add and sync' }).click();
    await expect(form.getByLabel('Instance URL')).toHaveAccessibleDescription(
      'Twoway only connects over https://, not ftp:.',
    );
    await form.getByRole('radio', { name: 'Bluesky' }).check();
    await expect(form.getByLabel('Handle')).toHaveValue('not a handle');
  });
});

test.describe('with X unfollows waiting for the user', () => {
  const now = Date.now();
  const person = (id: string, handle: string) => ({ id, handle, displayName: handle });
  const item = (id: string, accountId: string, who: ReturnType<typeof person>, state: string, extra = {}) => ({
    ...{ id, accountId, action: 'unfollow', person: who, state, note: null, doneAt: null, undoUntil: null },
    ...{ undoes: null, ...extra },
  });
  const items = [
    item('done-old', 'demo-bluesky', person('demo-bluesky-230', 'kimbrand230.bsky.social'), 'done', {
      doneAt: now - 30 * hour,
      undoUntil: now - 6 * hour,
    }),
    item('done-new', 'demo-bluesky', person('demo-bluesky-231', 'benseo241.bsky.social'), 'done', {
      doneAt: now - hour,
      undoUntil: now + 23 * hour,
    }),
    item('x-1', 'demo-x', person('demo-x-500', '@priyaevents595'), 'needs-you'),
  ];
  test.use({
    demo: true,
    files: { 'action-queue.json': JSON.stringify({ schemaVersion: 1, data: { items, writes: {} } }) },
  });

  test('the queue opens the X profile, takes the Done, and offers undo only within a day', async ({
    page,
    preview,
  }) => {
    void preview;
    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    await page.getByRole('tab', { name: 'Queue and log' }).click();
    const queue = page.getByRole('list', { name: 'Queue and log' });
    const x = queue.getByRole('listitem').filter({ hasText: '@priyaevents595' });
    await expect(x).toContainText('needs you');
    await expect(x.getByRole('link', { name: 'Open profile of @priyaevents595' })).toHaveAttribute(
      'href',
      'https://x.com/intent/user?user_id=demo-x-500',
    );
    await expect(queue.getByRole('button', { name: 'Undo: unfollow benseo241.bsky.social' })).toBeVisible();
    await expect(queue.getByRole('button', { name: 'Undo: unfollow kimbrand230.bsky.social' })).toHaveCount(0);

    await x.getByRole('button', { name: 'Done: unfollow @priyaevents595' }).click();
    await expect(x).toContainText('done');
    await expect(x).toContainText('Done by you on X.');
    await expect(x.getByRole('link', { name: /Open profile/ })).toHaveCount(0);
  });
});
