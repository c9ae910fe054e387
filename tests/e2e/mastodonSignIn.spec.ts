// "Sign in with Mastodon" in Chromium through the browser preview: the page opens the instance's approval page in a
// new tab (a local server speaking the documented OAuth API), the test presses Authorize there as the user would, the
// redirect reaches Twoway's listener on 127.0.0.1, and the account appears synced; removing it revokes the token.
import { startMastodonServer } from '../servers/mastodon.ts';
import { expect, test } from './preview.ts';

test('sign in with Mastodon in the browser, see the account synced, remove it and its access ends', async ({
  page,
  context,
  preview,
}) => {
  void preview;
  test.setTimeout(60_000);
  const server = await startMastodonServer();
  try {
    const me = server.state.addAccount({ username: 'consultant', displayName: 'Consultant' });
    for (let i = 0; i < 40; i++) server.state.follow(server.state.addAccount({ username: `fan${i}` }).id, me.id);
    for (const name of ['ana', 'ben']) server.state.follow(me.id, server.state.addAccount({ username: name }).id);
    server.state.oauth.signedInAs = me.id;

    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('radio', { name: 'Mastodon' }).check();
    await page.getByLabel('Instance URL').fill(server.url);
    // The token paste waits under Advanced; the form's own submit is the sign-in.
    await expect(page.getByLabel('Access token (optional)')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Add and sync' })).toBeHidden();

    const approvalTab = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with Mastodon' }).click();
    const approval = await approvalTab;
    await approval.waitForLoadState();
    const authorize = new URL(approval.url());
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${server.url}/oauth/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);

    const waiting = page.getByRole('group', { name: /^Signing in to 127\.0\.0\.1:\d+$/ });
    await expect(waiting.getByRole('status')).toHaveText(
      /^Waiting for you to approve Twoway in your browser… until \d{1,2}:\d{2}/,
    );
    await expect(waiting.getByRole('button', { name: 'Cancel sign-in' })).toBeVisible();
    expect(server.state.tokens.size).toBe(0);

    await approval.getByRole('button', { name: 'Authorize' }).click();
    await expect(approval.getByRole('heading', { name: /^Signed in to 127\.0\.0\.1/ })).toBeVisible();
    await expect(approval.getByText('Return to Twoway')).toBeVisible();

    const balance = page.getByRole('article', { name: /@consultant@127\.0\.0\.1.* balance/ });
    await expect(balance).toContainText('40');
    await expect(page.getByText(/^Synced/)).toBeVisible();
    await expect(page.getByText(/read only/)).toBeHidden();
    await expect(page.getByRole('form', { name: 'Add an account' })).toBeHidden();
    const [token] = [...server.state.oauth.tokenApps.keys()];
    expect(server.state.tokens.get(token!)).toMatchObject({ accountId: me.id, revoked: false });

    await page.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('group', { name: /^Remove @consultant/ })).toContainText(
      'if you signed in with Mastodon, Twoway’s access there ends',
    );
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await expect(page.getByText('No network accounts yet')).toBeVisible();
    expect(server.state.oauth.revoked).toEqual([token]);
    expect(server.state.tokens.get(token!)!.revoked).toBe(true);
  } finally {
    await server.close();
  }
});

test('a denied sign-in says so and offers another try; an address the rules refuse shows beside its field', async ({
  page,
  context,
  preview,
}) => {
  void preview;
  const server = await startMastodonServer();
  try {
    server.state.oauth.signedInAs = server.state.addAccount({ username: 'consultant' }).id;
    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('radio', { name: 'Mastodon' }).check();
    await page.getByLabel('Instance URL').fill(server.url);
    // Enter in the address starts the sign-in, as its button does.
    const approvalTab = context.waitForEvent('page');
    await page.getByLabel('Instance URL').press('Enter');
    await (await approvalTab).getByRole('button', { name: 'Deny' }).click();
    const form = page.getByRole('form', { name: 'Add an account' });
    await expect(form.getByRole('alert').filter({ hasText: 'You did not approve Twoway on 127.0.0.1' })).toBeVisible();

    await form.getByLabel('Instance URL').fill('https://10.0.0.1');
    await form.getByRole('button', { name: 'Try again' }).click();
    await expect(form.getByLabel('Instance URL')).toHaveAccessibleDescription(
      'This address is on a private network; use the server’s public https address.',
    );
    await expect(form.getByText('You did not approve Twoway')).toBeHidden();
    await expect(form.getByRole('button', { name: 'Sign in with Mastodon' })).toBeVisible();
    expect(server.state.tokens.size).toBe(0);
  } finally {
    await server.close();
  }
});
