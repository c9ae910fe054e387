// The catch-up briefing in Chromium: the sample briefing, marking posts, people and everything scanned with the
// unread count following everywhere; and a Mastodon account's briefing read from a local server after seeding.
import type { Page } from '@playwright/test';
import { startMastodonServer } from '../servers/mastodon.ts';
import { addMastodonAccount } from './addMastodonAccount.ts';
import { expect, test } from './preview.ts';

const nav = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /^Catch-up/ });
const unread = (n: number) => new RegExp(`^Catch-up ?\\(${n} unread\\)$`);

test.describe('with the sample data', () => {
  test.use({ demo: true });

  test('marking posts, a person and everything scanned brings the unread count down everywhere', async ({
    page,
    preview,
  }) => {
    void preview;
    const card = page.getByRole('region', { name: 'Catch-up' });
    await expect(card).toContainText('12 unread posts from followers');
    await expect(card).toContainText('3 waiting for your answer');
    await expect(nav(page)).toHaveAccessibleName(unread(12));
    await card.getByRole('link', { name: 'Open the briefing' }).click();

    await expect(page.getByRole('heading', { name: /Since you were last here/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'From your followers · 12 unread' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const people = page.getByRole('article');
    await expect(people).toHaveCount(9);
    await expect(people.first()).toContainText('Looking for recommendations');

    const ines = page.getByRole('article', { name: 'Inesgrowth (inesgrowth.bsky.social)' });
    await ines.getByRole('button', { name: /^Mark scanned: / }).click();
    await expect(ines).toHaveCount(0);
    await expect(nav(page)).toHaveAccessibleName(unread(11));

    const dev = page.getByRole('article', { name: 'Devgrowth (devgrowth.bsky.social)' });
    await dev.getByRole('button', { name: 'Mark scanned (2 posts): devgrowth.bsky.social' }).click();
    await expect(dev).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'From your followers · 9 unread' })).toBeVisible();

    // Scanned posts can be shown again, and taken back.
    await page.getByLabel('Show scanned posts').check();
    const again = page.getByRole('article', { name: 'Devgrowth (devgrowth.bsky.social)' });
    await expect(again).toContainText('scanned');
    await again
      .getByRole('button', { name: /^Mark unread/ })
      .first()
      .click();
    await expect(nav(page)).toHaveAccessibleName(unread(10));
    await page.getByLabel('Show scanned posts').uncheck();

    await page.getByRole('button', { name: /^Mark scanned \(all \d+ unread\)$/ }).click();
    await expect(page.getByText('You are all caught up')).toBeVisible();
    await expect(nav(page)).toHaveAccessibleName('Catch-up');
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('region', { name: 'Catch-up' })).toContainText('0 unread posts from followers');
  });

  test('a post’s markup shows as text and injects nothing', async ({ page, preview }) => {
    void preview;
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await nav(page).click();
    const post = page.getByRole('article', { name: 'Inesgrowth (inesgrowth.bsky.social)' }).locator('.post-text');
    await expect(post).toHaveText(
      'Quick accessibility tip: never ship <div onclick="go()"> as a button, and stop writing href="javascript:void(0)". Use <button>.',
    );
    await expect(post.locator('*')).toHaveCount(0);
    await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('mentions waiting for an answer, oldest first; answering one lowers the count', async ({ page, preview }) => {
    void preview;
    await nav(page).click();
    await page.getByRole('tab', { name: 'Waiting for your answer · 3' }).click();
    const waiting = page.getByRole('list', { name: 'Waiting for your answer' }).getByRole('listitem');
    await expect(waiting).toHaveCount(3);
    await expect(waiting.first()).toContainText('replied to you');
    await expect(waiting.first()).toContainText('waiting 2 days');
    await waiting.first().getByRole('button', { name: 'Mark answered: devgrowth.bsky.social' }).click();
    await expect(page.getByRole('tab', { name: 'Waiting for your answer · 2' })).toBeVisible();
    const dealt = page.getByRole('list', { name: 'Answered or ignored' });
    await expect(dealt.getByRole('listitem').first()).toContainText('answered today');
    await dealt.getByRole('button', { name: 'Undo: devgrowth.bsky.social' }).click();
    await expect(page.getByRole('tab', { name: 'Waiting for your answer · 3' })).toBeVisible();
  });

  test('with no session running the briefing offers an online scanning session', async ({ page, preview }) => {
    void preview;
    await nav(page).click();
    const offer = page.getByRole('region', { name: 'Time this catch-up' });
    await offer.getByRole('button', { name: 'Start scanning session' }).click();
    await expect(offer).toHaveCount(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
    await expect(page.getByText('Online · scanning')).toBeVisible();
  });

  test('the Network view lists who rarely answers', async ({ page, preview }) => {
    void preview;
    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    await page.getByRole('tab', { name: 'Rarely answers' }).click();
    const rarely = page.getByRole('list', { name: 'Rarely answers' }).getByRole('listitem');
    await expect(rarely).toHaveCount(3);
    await expect(rarely.first()).toContainText('lenagrowth.bsky.social');
    await expect(rarely.first()).toContainText('never answered your 4 mentions');
  });
});

test('a Mastodon account’s briefing after seeding posts on the server, read and marked scanned', async ({
  page,
  preview,
}) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const { state } = server;
    const me = state.addAccount({ username: 'consultant', displayName: 'Consultant' });
    const ana = state.addAccount({ username: 'ana', displayName: 'Ana Data' });
    const ben = state.addAccount({ username: 'ben', displayName: 'Ben Brand' });
    const cem = state.addAccount({ username: 'cem', displayName: 'Cem Not A Follower' });
    for (const person of [ana, ben]) state.follow(person.id, me.id);
    for (const person of [ana, cem]) state.follow(me.id, person.id);
    state.addToken('e2e-token-123', me.id);
    const minutesAgo = (n: number) => Date.now() - n * 60_000;
    state.post(ana.id, 'Who can recommend a bookkeeper?', { at: minutesAgo(50) });
    state.post(ana.id, 'See <script>alert(1)</script> and <a href="javascript:alert(2)">this</a>', {
      at: minutesAgo(20),
    });
    state.post(ben.id, 'Launching our new brand guide today', { at: minutesAgo(30) });
    state.post(cem.id, 'Cem posts too', { at: minutesAgo(10) });
    state.post(ben.id, '@consultant could you look at this?', { at: minutesAgo(40) });

    await addMastodonAccount(page, server.url, '@consultant', 'e2e-token-123');
    await expect(page.getByText(/^Synced/)).toBeVisible();

    // Opening the briefing reads it: nothing was read yet.
    await nav(page).click();
    await expect(nav(page)).toHaveAccessibleName(unread(4), { timeout: 15_000 });
    const people = page.getByRole('article');
    await expect(people).toHaveCount(2);
    const anaPosts = page.getByRole('article', { name: /^Ana Data/ });
    await expect(anaPosts.locator('.post-text').first()).toHaveText(
      'See <script>alert(1)</script> and <a href="javascript:alert(2)">this</a>',
    );
    const link = anaPosts.getByRole('link', { name: /Open on Mastodon/ }).first();
    await expect(link).toHaveAttribute('href', /^https:\/\/mastodon\.example\/@ana\/\d+$/);
    await expect(page.getByText('Cem posts too')).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Waiting for your answer · 1' })).toBeVisible();

    await anaPosts.getByRole('button', { name: /^Mark scanned \(2 posts\): @ana@127\.0\.0\.1/ }).click();
    await expect(nav(page)).toHaveAccessibleName(unread(2));
    await expect(people).toHaveCount(1);
  } finally {
    await server.close();
  }
});
