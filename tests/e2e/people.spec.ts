// Deciding with the person in view, with the sample data: each row shows who they are and what passed between
// you; a client logged as an outcome is protected, is left out of "Select all due", says why, and is unfollowed
// only after a confirm of its own; a keep can say why; the outcome form offers the people Twoway knows.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './preview.ts';

test.use({ demo: true });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openBluesky(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await page
    .getByRole('group', { name: 'Show accounts' })
    .getByRole('button', { name: /alexmorgan\.bsky\.social/ })
    .click();
  return page.getByRole('list', { name: 'Not following back' });
}

/** The pictures a row shows, as data: URLs (the window shows no remote image). */
const picturesOf = (row: ReturnType<Page['getByRole']>) =>
  row.evaluate((element) => [...element.getElementsByTagName('img')].map((img) => img.src));

test('a row shows the person: picture, name, bio line, counts, a long silence, and what passed between you', async ({
  page,
  preview,
}) => {
  void preview;
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const list = await openBluesky(page);
  await page.getByLabel('Search people').fill('hugoseo247');
  const hugo = list.getByRole('listitem');
  await expect(hugo).toHaveCount(1);
  await expect(hugo).toContainText('Hugoseo247');
  await expect(hugo).toContainText('Data analyst. Dashboards that answer the question you actually asked.');
  await expect(hugo).toContainText(/\d[\d.]*K? followers · \d+ following/);
  await expect(hugo).toContainText('Inactive 8 months');
  await expect(hugo).toContainText(/You followed them \d+ days ago/);
  await expect.poll(() => picturesOf(hugo)).toEqual([expect.stringMatching(/^data:image\/svg\+xml;base64,/)]);

  await page.getByLabel('Search people').fill('elifgrowth204');
  const elif = list.getByRole('listitem');
  await expect(elif).toHaveCount(1);
  await expect(elif).toContainText('They mentioned you twice, you answered both');
  await expect(elif).toContainText('You mentioned them twice, they answered both');
  await expect(elif).toContainText(/Outcome: conversation — outcome on (\d+ \w{3}|\w{3} \d+)/);
  await expect(elif).toContainText(/Last post|Posted/);
  expect(blocked).toEqual([]);
});

test('a client is protected: Select all due leaves them out, the row says why, and only a confirm unfollows', async ({
  page,
  preview,
}) => {
  void preview;
  const list = await openBluesky(page);
  const tab = page.getByRole('tab', { name: /^Not following back · \d+ due$/ });
  const due = Number((await tab.innerText()).match(/(\d+) due/)![1]);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  const status = page.getByRole('group', { name: 'Selection' }).getByRole('status');
  await page.getByRole('button', { name: `Select all ${due} due` }).click();
  await expect(status).toHaveText(`${due} selected`);

  await page.getByLabel('Search people').fill('chloebrand222');
  const chloe = list.getByRole('listitem');
  await expect(chloe).toHaveCount(1);
  await expect(chloe).toContainText(/Protected: client — outcome on (\d+ \w{3}|\w{3} \d+)/);
  await expect(chloe).toContainText('protected');
  const box = chloe.getByRole('checkbox', { name: 'chloebrand222.bsky.social' });
  await expect(box).not.toBeChecked();
  await expect(box).toBeDisabled();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `protected row in ${scheme}`).toEqual([]);
  }

  await chloe.getByRole('button', { name: 'Unfollow anyway… chloebrand222.bsky.social' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unfollow chloebrand222.bsky.social anyway?' });
  await expect(dialog).toContainText(/Protected: client — outcome on/);
  await expect(dialog).toContainText('never unfollowed by mistake');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await seriousViolations(page), 'unfollow-anyway dialog').toEqual([]);
  // The sample account refuses every write: the protection is past, the account says why.
  await dialog.getByRole('button', { name: 'Unfollow chloebrand222.bsky.social' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Sample accounts cannot follow or unfollow');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await chloe.getByRole('button', { name: 'Lift protection of chloebrand222.bsky.social' }).click();
  await expect(chloe).toContainText('protection lifted');
  await expect(chloe.getByText('due', { exact: true })).toBeVisible();
  await expect(box).toBeEnabled();
  await expect(page.getByRole('tab', { name: `Not following back · ${due + 1} due` })).toBeVisible();
  await chloe.getByRole('button', { name: 'Protect again chloebrand222.bsky.social' }).click();
  await expect(chloe).toContainText(/Protected: client/);
  await expect(page.getByRole('tab', { name: `Not following back · ${due} due` })).toBeVisible();
});

test('a keep can say why, and the row shows it', async ({ page, preview }) => {
  void preview;
  const list = await openBluesky(page);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  await page.getByLabel('Search people').fill('marcoseo252');
  const marco = list.getByRole('listitem');
  await expect(marco).toHaveCount(1);
  await marco.getByRole('button', { name: 'Keep marcoseo252.bsky.social' }).click();
  await marco.getByRole('button', { name: 'Say why you keep marcoseo252.bsky.social' }).click();
  const dialog = page.getByRole('dialog', { name: 'Why you keep marcoseo252.bsky.social' });
  await dialog.getByLabel('Reason (optional)').fill('x'.repeat(121));
  await expect(dialog).toContainText('Keep it under 120 characters (121 now).');
  await expect(dialog.getByRole('button', { name: 'Save reason' })).toBeDisabled();
  expect(await seriousViolations(page), 'keep reason dialog').toEqual([]);
  await dialog.getByLabel('Reason (optional)').fill('Hosts the SEO meetup');
  await dialog.getByRole('button', { name: 'Save reason' }).click();
  await expect(dialog).toBeHidden();
  await expect(marco).toContainText('Kept: Hosts the SEO meetup');
  await expect(marco.getByRole('button', { name: 'Change reason you keep marcoseo252.bsky.social' })).toBeVisible();
});

test('the outcome form offers the people Twoway knows, so the outcome links to them', async ({ page, preview }) => {
  void preview;
  await page.getByRole('navigation').getByRole('link', { name: 'Outcomes' }).click();
  await page.getByRole('button', { name: 'Log an outcome' }).click();
  const who = page.getByLabel(/^With/);
  await who.fill('chloebrand');
  await expect
    .poll(() =>
      who.evaluate((input) => {
        const list = (input as unknown as { list: { options: ArrayLike<{ value: string }> } | null }).list;
        return list ? Array.from(list.options, (option) => option.value) : [];
      }),
    )
    .toContain('chloebrand222.bsky.social');
  expect(await seriousViolations(page), 'outcome form with suggestions').toEqual([]);
});
