// The app shell at common window widths, the Dashboard's next steps and first run, Outcomes' totals and amounts
// typed in the user's locale: with the sample data unless said otherwise, checked by axe in each new state.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startMastodonServer } from '../servers/mastodon.ts';
import { addMastodonAccount } from './addMastodonAccount.ts';
import { expect, test } from './preview.ts';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const pageWidth = (page: Page) =>
  page.getByRole('main').evaluate((main) => main.ownerDocument.documentElement.scrollWidth);

/** Each view, by its link, and what shows once its data is in. */
const views: [string, (page: Page) => ReturnType<Page['getByRole']>][] = [
  ['Dashboard', (page) => page.getByRole('heading', { name: 'Next steps' })],
  ['Catch-up', (page) => page.getByRole('tab', { name: /^From your followers/ })],
  ['Network', (page) => page.getByRole('tab', { name: /^Not following back/ })],
  ['Time', (page) => page.getByRole('button', { name: 'Log time' })],
  ['Report', (page) => page.getByRole('heading', { name: 'Day by day' })],
  ['Outcomes', (page) => page.getByRole('heading', { name: /^Totals/ })],
  ['Settings', (page) => page.getByRole('heading', { name: 'Getting started' })],
];

test.describe('with the sample data', () => {
  test.use({ demo: true });

  for (const width of [900, 1024, 1099, 1100, 1280]) {
    test(`at ${width} px no view scrolls sideways, and the sidebar ${width < 1100 ? 'shows pictures' : 'names the views'}`, async ({
      page,
      preview,
    }) => {
      void preview;
      await page.setViewportSize({ width, height: 800 });
      const nav = page.getByRole('navigation', { name: 'Twoway' });
      for (const [view, loaded] of views) {
        await nav.getByRole('link', { name: new RegExp(`^${view}`) }).click();
        await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
        await expect(loaded(page).first()).toBeVisible();
        expect(await pageWidth(page), `${view} at ${width} px`).toBeLessThanOrEqual(width);
      }
      const navWidth = (await nav.boundingBox())!.width;
      if (width < 1100) expect(navWidth).toBeLessThan(80);
      else expect(navWidth).toBeGreaterThan(150);
      // Every link keeps its name for screen readers, pictures or not.
      for (const [view] of views) await expect(nav.getByRole('link', { name: new RegExp(`^${view}`) })).toHaveCount(1);
    });
  }

  test('below 1100 px a picture’s name shows on hover and on keyboard focus', async ({ page, preview }) => {
    void preview;
    await page.setViewportSize({ width: 1024, height: 800 });
    const link = page.getByRole('navigation').getByRole('link', { name: 'Report' });
    const name = link.getByText('Report', { exact: true });
    expect((await name.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    await link.hover();
    expect((await name.boundingBox())!.width).toBeGreaterThan(30);
    await page.mouse.move(600, 600);
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect((await name.boundingBox())!.width).toBeGreaterThan(30);
    expect(await seriousViolations(page), 'sidebar tooltip').toEqual([]);
  });

  test('at 900 px a wide table scrolls inside its card, from the keyboard too', async ({ page, preview }) => {
    void preview;
    await page.setViewportSize({ width: 900, height: 800 });
    await page.getByRole('link', { name: 'Report' }).click();
    const region = page.getByRole('region', { name: 'Table of followers, following and posts per account' });
    await expect(region.getByRole('table')).toBeVisible();
    const sizes = () =>
      region.evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth, left: box.scrollLeft }));
    expect((await sizes()).scroll).toBeGreaterThan((await sizes()).client);
    await region.focus();
    for (let press = 0; press < 5; press++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await sizes()).left).toBeGreaterThan(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(900);
    expect(await seriousViolations(page), 'report at 900 px').toEqual([]);
  });

  test('next steps say what waits, agree with the Catch-up card, and lead there', async ({ page, preview }) => {
    void preview;
    const steps = page.getByRole('region', { name: 'Next steps' });
    await expect(steps.getByRole('listitem').filter({ hasText: /^\d+ people are due for an unfollow/ })).toBeVisible();
    const catchUp = page.getByRole('region', { name: 'Catch-up' });
    await expect(catchUp).toContainText('12 unread posts from followers');
    await expect(catchUp).toContainText('3 waiting for your answer');
    await expect(steps).toContainText('12 unread posts from followers · 3 waiting for your answer');
    expect(await seriousViolations(page), 'next steps').toEqual([]);

    const due = Number((await steps.getByText(/people are due/).textContent())!.match(/^(\d+)/)![1]);
    await steps.getByRole('link', { name: 'Review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /^Not following back/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: `Select all ${due} due` }).first()).toBeVisible();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await steps.getByRole('link', { name: 'Catch up' }).click();
    await expect(page.getByRole('tab', { name: 'From your followers · 12 unread' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Waiting for your answer · 3' })).toBeVisible();
    await page.getByRole('tab', { name: 'Waiting for your answer · 3' }).click();
    await expect(
      page.getByText(/mentions in the last 30 days: 3 waiting for your answer · \d+ answered · \d+ ignored/),
    ).toBeVisible();
  });

  test('over budget today, the first next step starts offline time', async ({ page, preview }) => {
    void preview;
    await page.getByRole('link', { name: 'Time' }).click();
    await page.getByRole('button', { name: 'Log time' }).click();
    const form = page.getByRole('region', { name: 'Log time' });
    await form.getByLabel('Online').check();
    await form.getByLabel('From').fill('12:00');
    await form.getByLabel('To').fill('12:50');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const steps = page.getByRole('region', { name: 'Next steps' });
    const first = steps.getByRole('listitem').first();
    await expect(first).toContainText(/^Over budget today: \d+ (min|h)/);
    await first.getByRole('button', { name: 'Start offline' }).click();
    await expect(page.getByRole('heading', { name: 'Offline · meeting' })).toBeVisible();
    await expect(steps.getByText(/^Over budget today/)).toHaveCount(0);
  });

  test('with nothing due, unread or waiting, there are no next steps', async ({ page, preview }) => {
    void preview;
    await page.getByRole('link', { name: 'Settings' }).click();
    const rules = page.getByRole('form', { name: 'Networks' });
    await rules.getByLabel('Grace period').fill('365');
    await rules.getByRole('button', { name: 'Save network rules' }).click();
    await expect(rules.getByText('With 365 days, 0 people are due now.')).toBeVisible();
    await page.getByRole('link', { name: /^Catch-up/ }).click();
    await page.getByRole('button', { name: /^Mark scanned \(all 12 unread\)$/ }).click();
    await page.getByRole('tab', { name: /^Waiting for your answer/ }).click();
    const waiting = page.getByRole('list', { name: 'Waiting for your answer' });
    while ((await waiting.getByRole('button', { name: /^Mark answered/ }).count()) > 0) {
      const before = await waiting.getByRole('listitem').count();
      await waiting
        .getByRole('button', { name: /^Mark answered/ })
        .first()
        .click();
      await expect(waiting.getByRole('listitem')).toHaveCount(before - 1);
    }
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('region', { name: 'Catch-up' })).toContainText('0 unread posts from followers');
    await expect(page.getByRole('heading', { name: 'Next steps' })).toHaveCount(0);
  });

  test('Outcomes total each kind and each currency apart, for the period shown', async ({ page, preview }) => {
    void preview;
    await page.getByRole('link', { name: 'Outcomes' }).click();
    const totals = page.getByRole('region', { name: /^Totals/ });
    await expect(totals).toContainText(/All time · \d+ outcomes/);
    const euros = (await totals.getByText(/^€/).textContent())!;
    await page.getByRole('button', { name: 'Log an outcome' }).click();
    const form = page.getByRole('region', { name: 'Log an outcome' });
    await form.getByLabel('What happened').selectOption('client');
    await form.getByLabel(/^Value/).fill('300');
    await form.getByLabel('Currency').fill('USD');
    await form.getByRole('button', { name: 'Save outcome' }).click();
    await expect(totals).toContainText(`Value, per currency: ${euros} · $300.00`);
    await page.getByLabel('Period').selectOption('last-month');
    await expect(totals).toContainText('Last month');
    await expect(totals).not.toContainText('$300.00');
    expect(await seriousViolations(page), 'outcome totals').toEqual([]);
  });

  test('Settings → Networks does not promise unfollows on X', async ({ page, preview }) => {
    void preview;
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('form', { name: 'Networks' })).toContainText(
      'X takes no unfollows from apps: there Twoway opens each profile for you to unfollow on X.',
    );
  });
});

test.describe('amounts in German', () => {
  test.use({ locale: 'de-DE' });
  test('2.500,00 is two and a half thousand, read back before saving', async ({ page, preview }) => {
    void preview;
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await page.getByRole('button', { name: 'Log an outcome' }).click();
    const form = page.getByRole('region', { name: 'Log an outcome' });
    await form.getByLabel('What happened').selectOption('client');
    const value = form.getByLabel(/^Value/);
    await expect(value).toHaveAttribute('placeholder', '2.500,00');
    await value.fill('2500.5');
    await form.getByRole('button', { name: 'Save outcome' }).click();
    await expect(form.getByText('“.” groups thousands in threes: 2.500,00.')).toBeVisible();
    await value.fill('2.500,00');
    await form.getByLabel('Currency').fill('EUR');
    await expect(form.getByText('Reads as 2.500,00 €')).toBeVisible();
    expect(await seriousViolations(page), 'amount read back').toEqual([]);
    await form.getByRole('button', { name: 'Save outcome' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Client won' })).toContainText('2.500,00 €');
    await expect(page.getByRole('region', { name: /^Totals/ })).toContainText('Value: 2.500,00 €');
  });
});

test('in English, 2.500 is two and a half, and the form says so', async ({ page, preview }) => {
  void preview;
  await page.getByRole('link', { name: 'Outcomes' }).click();
  await page.getByRole('button', { name: 'Log an outcome' }).click();
  const form = page.getByRole('region', { name: 'Log an outcome' });
  await form.getByLabel(/^Value/).fill('2.500');
  await form.getByLabel('Currency').fill('USD');
  await expect(form.getByText('Reads as $2.50')).toBeVisible();
  await form.getByLabel(/^Value/).fill('2,500.00');
  await expect(form.getByText('Reads as $2,500.00')).toBeVisible();
});

test('a first run offers three steps, each skippable, remembered, and shown again from Settings', async ({
  page,
  preview,
}) => {
  void preview;
  test.setTimeout(60_000);
  const welcome = page.getByRole('region', { name: 'Welcome to Twoway' });
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('heading', { level: 3 })).toHaveText([
    'Add an account',
    'Set your daily budget',
    'Start a session',
  ]);
  expect(await seriousViolations(page), 'first run').toEqual([]);

  await welcome.getByRole('button', { name: 'Skip: add an account' }).click();
  await expect(welcome.getByRole('heading', { name: 'Add an account · skipped' })).toBeVisible();
  const budget = welcome.getByLabel('Minutes online a day, at most');
  await budget.fill('0');
  await welcome.getByRole('button', { name: 'Save budget' }).click();
  await expect(welcome.getByText('The daily online budget must be at least 1 minute.')).toBeVisible();
  expect(await seriousViolations(page), 'first run, budget refused').toEqual([]);
  await budget.fill('30');
  await welcome.getByRole('button', { name: 'Save budget' }).click();
  await expect(welcome.getByRole('heading', { name: 'Set your daily budget · done' })).toBeVisible();
  await expect(page.getByText('30 min left', { exact: true })).toBeVisible();

  await page.reload();
  await expect(welcome.getByRole('heading', { name: 'Add an account · skipped' })).toBeVisible();
  await page.getByRole('button', { name: 'Start online' }).click();
  // The last step done, the steps make way for what to do next.
  await expect(welcome).toHaveCount(0);
  const steps = page.getByRole('region', { name: 'Next steps' });
  await expect(steps.getByRole('listitem')).toHaveText(['No account yetAdd an account']);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Next steps' })).toBeVisible();
  await expect(welcome).toHaveCount(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Show the getting-started steps' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(welcome.getByRole('heading', { name: 'Add an account', exact: true })).toBeVisible();
  await expect(welcome.getByRole('button', { name: 'Skip: set your daily budget' })).toBeVisible();
  // A session runs: that step is done on its own.
  await expect(welcome.getByRole('heading', { name: 'Start a session · done' })).toBeVisible();
});

test('a long handle wraps before its @ and dots, never inside a word', async ({ page, preview }) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const me = server.state.addAccount({ username: 'consultant_anna', displayName: 'Consultant' });
    server.state.addToken('long-handle-token', me.id);
    await page.setViewportSize({ width: 900, height: 800 });
    await addMastodonAccount(page, server.url, '@consultant_anna', 'long-handle-token');
    await expect(page.getByText(/^Synced/)).toBeVisible();
    // The Dashboard's balance card is narrower than the handle.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const handle = page.getByRole('article', { name: /balance$/ }).getByRole('heading');
    await expect(handle).toHaveText(/^@consultant_anna@127\.0\.0\.1:\d+$/);
    // Each piece between the break points sits on one line; the pieces spread over more than one.
    const lines = await handle.evaluate((element) => {
      // Its text nodes (what shows 4) in order: the break points between them are <wbr> elements.
      const walker = element.ownerDocument.createTreeWalker(element, 4);
      const texts: (typeof walker.currentNode)[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      return texts.map((node) => {
        const range = element.ownerDocument.createRange();
        range.selectNodeContents(node);
        return {
          text: node.textContent,
          tops: [...new Set([...range.getClientRects()].map((r) => Math.round(r.top)))],
        };
      });
    });
    expect(lines.map((piece) => piece.text).join('')).toBe(await handle.textContent());
    expect(lines.slice(1).every((piece) => /^[@.]/.test(piece.text ?? ''))).toBe(true);
    for (const piece of lines) expect(piece.tops, piece.text ?? '').toHaveLength(1);
    expect(new Set(lines.map((piece) => piece.tops[0])).size).toBeGreaterThan(1);
  } finally {
    await server.close();
  }
});
