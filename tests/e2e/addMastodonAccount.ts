// The steps a person takes to add a Mastodon account with a handle (and a token for writes), as the e2e specs
// that need one on a local server take them: Network → Add account → Mastodon → Advanced → Add and sync; and the
// account they add, seeded on that server.
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

/** "consultant" on a local Mastodon server: `followers` fans follow them; they follow three quiet people who do not. */
export function consultantOn(
  state: {
    addAccount(input: { username: string; displayName?: string }): { id: string };
    follow(from: string, to: string): void;
  },
  followers: number,
) {
  const me = state.addAccount({ username: 'consultant', displayName: 'Consultant' });
  for (let i = 0; i < followers; i++) state.follow(state.addAccount({ username: `fan${i}` }).id, me.id);
  const quiet = ['ana', 'ben', 'cem'].map((name) => state.addAccount({ username: `quiet_${name}` }));
  for (const person of quiet) state.follow(me.id, person.id);
  return { me, quiet };
}
