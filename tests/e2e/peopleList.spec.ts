// The Network view's list with the sample data: it comes first on the page and fills the window, rows are
// picked in ranges with Shift, the selection says what the search or filter hides, "Select all due" takes only
// what shows, and the unfollow preview says what X leaves to the user.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './preview.ts';

test.use({ demo: true, viewport: { width: 1280, height: 900 } });
// Each test runs axe in light and dark besides its steps: on two shared cores that takes a while.
test.describe.configure({ timeout: 60_000 });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openNetwork(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  const list = page.getByRole('list', { name: 'Not following back' });
  await expect(list.getByRole('listitem').first()).toContainText('due');
  return list;
}

const dueOf = async (page: Page, name: string) =>
  Number((await page.getByRole('article', { name: `${name} balance` }).innerText()).match(/([\d,]+)\s+due/)![1]);

test('the list comes first: its first people show without scrolling, and it fills the window', async ({
  page,
  preview,
}) => {
  void preview;
  const list = await openNetwork(page);
  const first = await list.getByRole('listitem').first().boundingBox();
  expect(first!.y).toBeGreaterThanOrEqual(0);
  expect(first!.y + first!.height).toBeLessThanOrEqual(900);
  // The selection bar under the list is in view too, and nothing below it needs a scroll.
  const bar = await page.getByRole('group', { name: 'Selection' }).boundingBox();
  expect(bar!.y + bar!.height).toBeLessThanOrEqual(900);
  expect(await page.evaluate('window.scrollY')).toBe(0);

  // Each account is one line with its balance and who is due; together they make the tab's count.
  const tab = page.getByRole('tab', { name: /^Not following back · \d+ due$/ });
  const due = Number((await tab.innerText()).match(/(\d+) due/)![1]);
  const all = page.getByRole('article', { name: 'All accounts balance' });
  await expect(all).toContainText(`${due} due`);
  const perAccount = ['alexmorgan.bsky.social', '@alexmorgan@mastodon.social', '@alexmorgan_biz'];
  const dues = await Promise.all(perAccount.map((name) => dueOf(page, name)));
  expect(dues.reduce((a, b) => a + b, 0)).toBe(due);
  await expect(page.getByRole('article', { name: 'alexmorgan.bsky.social balance' })).toContainText(
    '203 followers vs 243 following difference -40',
  );

  // A taller window gives the list the extra height: more people in view, the bar still at the bottom.
  const shortHeight = (await page.locator('.virtual-list').boundingBox())!.height;
  await page.setViewportSize({ width: 1280, height: 1200 });
  await expect.poll(async () => (await page.locator('.virtual-list').boundingBox())!.height).toBe(shortHeight + 300);
  const tallBar = await page.getByRole('group', { name: 'Selection' }).boundingBox();
  expect(tallBar!.y + tallBar!.height).toBeLessThanOrEqual(1200);

  // The trend charts are folded away here, a click brings them; the Dashboard keeps its full cards.
  const trend = page.getByRole('button', { name: 'Trend' });
  await expect(trend).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('region', { name: /trend$/ })).toHaveCount(0);
  await trend.click();
  await expect(page.getByRole('region', { name: /trend$/ })).toHaveCount(3);
  await expect(page.getByRole('img', { name: /^alexmorgan\.bsky\.social trend: followers from/ })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `strip with trends in ${scheme}`).toEqual([]);
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('article', { name: 'All accounts balance' })).toContainText('Mutuals');
});

test('Shift-click and Shift+Space pick a range of rows; Shift-click on a picked row unpicks the range', async ({
  page,
  preview,
}) => {
  void preview;
  const list = await openNetwork(page);
  const box = (n: number) => list.getByRole('listitem').nth(n).getByRole('checkbox');
  const status = page.getByRole('group', { name: 'Selection' }).getByRole('status');

  await box(0).click();
  await box(4).click({ modifiers: ['Shift'] });
  await expect(status).toHaveText('5 selected');
  for (let n = 0; n <= 4; n++) await expect(box(n)).toBeChecked();
  await expect(box(5)).not.toBeChecked();

  await box(3).click();
  await box(1).click({ modifiers: ['Shift'] });
  await expect(status).toHaveText('2 selected');
  for (const n of [0, 4]) await expect(box(n)).toBeChecked();
  for (const n of [1, 2, 3]) await expect(box(n)).not.toBeChecked();

  // The keyboard: Space on a row, then Shift+Space further down picks all between.
  await box(6).focus();
  await page.keyboard.press('Space');
  await box(9).focus();
  await page.keyboard.press('Shift+Space');
  await expect(status).toHaveText('6 selected');
  for (const n of [6, 7, 8, 9]) await expect(box(n)).toBeChecked();
  await expect(box(5)).not.toBeChecked();
});

test('the selection says what the search and the filter hide; Select all due takes only what shows', async ({
  page,
  preview,
}) => {
  void preview;
  const list = await openNetwork(page);
  const status = page.getByRole('group', { name: 'Selection' }).getByRole('status');
  const search = page.getByLabel('Search people');
  const show = page.getByRole('combobox', { name: 'Show' });

  // A search narrows "Select all due" to the due people it shows.
  await search.fill('brand');
  await expect(list.getByRole('listitem').first()).toContainText('brand');
  // The list is windowed: each row says how many the whole list has.
  const shown = Number(await list.getByRole('listitem').first().getAttribute('aria-setsize'));
  expect(shown).toBeGreaterThan(1);
  expect(shown).toBeLessThan(20);
  await page.getByRole('button', { name: `Select all ${shown} due` }).click();
  await expect(status).toHaveText(`${shown} selected`);

  // Clearing the search shows them among everyone; another search hides them, and says so.
  await search.fill('');
  await expect(status).toHaveText(`${shown} selected`);
  await search.fill('lenacontent');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(status).toHaveText(`${shown} selected (${shown} hidden by the search)`);
  await list.getByRole('checkbox').check();
  await expect(status).toHaveText(`${shown + 1} selected (${shown} hidden by the search)`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `selection partly hidden in ${scheme}`).toEqual([]);
  }

  // Waiting shows no one due: nothing hides behind a "Select all due" there.
  await show.selectOption('waiting');
  await expect(status).toHaveText(`${shown + 1} selected (${shown + 1} hidden by the filter)`);
  await expect(page.getByRole('button', { name: /^Select all/ })).toHaveCount(0);
  await show.selectOption('all');
  await search.fill('');
  await expect(status).toHaveText(`${shown + 1} selected`);
  const due = Number((await page.getByRole('tab', { name: /^Not following back/ }).innerText()).match(/(\d+) due/)![1]);
  await expect(page.getByRole('button', { name: `Select all ${due} due` })).toBeEnabled();

  // Ghost follows share the selection of unfollows: each list names what the other holds.
  const goneTab = page.getByRole('tab', { name: /^Gone or blocking you · \d+$/ });
  const ghosts = Number((await goneTab.innerText()).match(/(\d+)$/)![1]);
  await goneTab.click();
  await page.getByRole('button', { name: `Select all ${ghosts}` }).click();
  await expect(status).toHaveText(`${shown + 1 + ghosts} selected (${shown + 1} under Not following back)`);
  await page.getByRole('tab', { name: /^Not following back/ }).click();
  await expect(status).toHaveText(`${shown + 1 + ghosts} selected (${ghosts} under Gone or blocking you)`);
});

test('sorts by the longest silence and by followers; Only narrows to the never interacted or the silent', async ({
  page,
  preview,
}) => {
  void preview;
  await openNetwork(page);
  await page
    .getByRole('group', { name: 'Show accounts' })
    .getByRole('button', { name: /alexmorgan\.bsky\.social/ })
    .click();
  const list = page.getByRole('list', { name: 'Not following back' });
  const rows = list.getByRole('listitem');
  const sort = page.getByRole('combobox', { name: 'Sort' });
  const only = page.getByRole('combobox', { name: 'Only' });
  const total = async () => Number(await rows.first().getAttribute('aria-setsize'));
  const followers = async (n: number) => {
    const [, figure, unit] = (await rows.nth(n).innerText()).match(/([\d.]+)(K|M)? followers?/)!;
    return Number(figure) * (unit === 'K' ? 1_000 : unit === 'M' ? 1_000_000 : 1);
  };
  const firstFollowers = async () => Promise.all([0, 1, 2, 3].map(followers));

  await sort.selectOption('Most followers first');
  await expect(rows.first()).toContainText(/followers/);
  const most = await firstFollowers();
  expect(most).toEqual([...most].sort((a, b) => b - a));
  await sort.selectOption('Fewest followers first');
  await expect.poll(firstFollowers).not.toEqual(most);
  const fewest = await firstFollowers();
  expect(fewest).toEqual([...fewest].sort((a, b) => a - b));
  expect(fewest[0]).toBeLessThan(most[0]!);

  await sort.selectOption('Longest silent first');
  await expect(rows.first()).toContainText(/No posts yet|Inactive/);

  const everyone = await total();
  await only.selectOption('No post in 3 months');
  await expect.poll(total).toBeLessThan(everyone);
  for (let n = 0; n < 4; n++) await expect(rows.nth(n)).toContainText(/No posts yet|Inactive/);
  const silent = await total();
  await page.getByRole('button', { name: `Select all ${silent} due` }).click();
  const status = page.getByRole('group', { name: 'Selection' }).getByRole('status');
  await expect(status).toHaveText(`${silent} selected`);

  // The picked who talked with you are hidden by the narrowing, and the bar says so.
  await only.selectOption('Never interacted');
  await expect.poll(total).toBeLessThan(everyone);
  const quiet = await total();
  await expect(status).toHaveText(new RegExp(`^${silent} selected( \\(\\d+ hidden by the filter\\))?$`));
  for (let n = 0; n < 4; n++) await expect(rows.nth(n)).not.toContainText(/mentioned/);
  await only.selectOption('Anyone');
  await expect.poll(total).toBe(everyone);
  expect(quiet).toBeGreaterThan(0);
  await expect(status).toHaveText(`${silent} selected`);
});

test('the unfollow preview says how many are steps on X and what they cost in time', async ({ page, preview }) => {
  void preview;
  await openNetwork(page);
  const onX = await dueOf(page, '@alexmorgan_biz');
  const due = Number((await page.getByRole('tab', { name: /^Not following back/ }).innerText()).match(/(\d+) due/)![1]);
  await page.getByRole('button', { name: `Select all ${due} due` }).click();
  await page.getByRole('button', { name: `Unfollow ${due}…` }).click();
  const dialog = page.getByRole('dialog', {
    name: /^You are about to unfollow \d+ people on Bluesky, Mastodon and X$/,
  });
  const minutes = Math.round((onX * 30) / 60);
  await expect(dialog).toContainText(
    `${onX} of them are on X: Twoway opens each profile for you to unfollow there, and you mark each done in the queue — about ${minutes} min at 30 s each.`,
  );
  // What Twoway checks and can undo is said of Bluesky and Mastodon only.
  await expect(dialog).toContainText('On Bluesky and Mastodon, each one is checked again right before');
  await expect(dialog).toContainText('You can undo those for 24 hours');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `preview with X in ${scheme}`).toEqual([]);
  }
});
