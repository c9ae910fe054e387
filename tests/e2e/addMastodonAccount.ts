// The steps a person takes to add a Mastodon account with a handle (and a token for writes), as the e2e specs
// that need one on a local server take them: Network → Add account → Mastodon → Advanced → Add and sync.
import type { Page } from '@playwright/test';

export async function addMastodonAccount(page: Page, instanceUrl: string, handle: string, token?: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByRole('radio', { name: 'Mastodon' }).check();
  await page.getByLabel('Instance URL').fill(instanceUrl);
  // A handle and a pasted token wait under Advanced, beside Sign in with Mastodon.
  await page.getByText('Advanced: add with your handle or an access token').click();
  await page.getByLabel('Handle').fill(handle);
  if (token) await page.getByLabel('Access token (optional)').fill(token);
  await page.getByRole('button', { name: 'Add and sync' }).click();
}
