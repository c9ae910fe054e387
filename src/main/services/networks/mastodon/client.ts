// What every reading of a Mastodon instance shares: its requests with the token (to the instance only, JSON or a
// clear failure), the Link header's next page, and people as the entities name them.
import type { Person } from '../../../../shared/people.ts';
import { mastodonProfileHost } from '../../../../shared/shownNames.ts';
import type { MastodonEntity } from './replies.ts';
import { NetworkFailure, type ResilientFetch } from '../resilientFetch.ts';

export interface MastodonAccount {
  instanceUrl: string;
  accountId: string;
}

/** The token goes to the instance only: a page that links elsewhere ends the reading there. */
function onInstance(address: string, instanceUrl: string): string {
  let url: URL;
  try {
    url = new URL(address, instanceUrl);
  } catch {
    throw new NetworkFailure('bad-response', 'Mastodon sent a link to its next page that is not an address.');
  }
  if (url.origin !== new URL(instanceUrl).origin) {
    throw new NetworkFailure(
      'bad-response',
      `Mastodon sent a link to its next page on another server (${url.host}); Twoway stopped there rather than follow it.`,
    );
  }
  return url.href;
}

/** The next page's address from a Link header, on the instance itself; null on the last page. */
export function nextLink(header: string | null, instanceUrl: string): string | null {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return onInstance(match[1]!, instanceUrl);
  }
  return null;
}

/** A handle with its server: Mastodon leaves the server out of the instance's own accounts. */
export const fullAcct = (acct: string, instanceUrl: string) =>
  acct.includes('@') ? acct : `${acct}@${new URL(instanceUrl).host}`;

export function mastodonPerson(
  entity: Pick<MastodonEntity, 'id' | 'acct'> & { display_name?: string; url?: string | null },
  instanceUrl: string,
): Person {
  const acct = fullAcct(entity.acct, instanceUrl);
  const person: Person = { id: entity.id, handle: `@${acct}`, displayName: entity.display_name ?? '' };
  // A profile that lives elsewhere than the handle says is marked, so the handle cannot pass for that server's.
  const profileHost = mastodonProfileHost(acct, entity.url);
  return profileHost ? { ...person, profileHost } : person;
}

export function mastodonClient(instanceUrl: string, fetch: ResilientFetch, token: string | null) {
  return async function request(path: string, init: RequestInit = {}): Promise<{ body: unknown; link: string | null }> {
    const url = path.startsWith('/') ? `${instanceUrl}${path}` : onInstance(path, instanceUrl);
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    const response = await fetch(url, { ...init, headers });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new NetworkFailure(
        'bad-response',
        `Mastodon answered ${new URL(url).pathname} with something that is not JSON (HTTP ${response.status}).`,
      );
    }
    if (!response.ok) {
      // A revoked token, or the token of a deleted account, is refused on every request: say what to do.
      if (response.status === 401 && token) {
        throw new NetworkFailure(
          'refused',
          'Mastodon refused this account’s access token: it was revoked, or the account was deleted; add the account again with a new token',
          { status: 401 },
        );
      }
      const error = (body as { error?: unknown } | null)?.error;
      const message = typeof error === 'string' ? error.slice(0, 300) : `HTTP ${response.status}`;
      throw new NetworkFailure('refused', `Mastodon refused: ${message}`, { status: response.status });
    }
    return { body, link: response.headers.get('link') };
  };
}
