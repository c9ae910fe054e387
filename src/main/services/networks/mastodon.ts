// Mastodon through its documented REST API: public lists paged by the Link header (80 a page), and with an
// access token the relationships to re-check and the follow / unfollow writes.
import type { Followed, Ghost, Person } from '../../../shared/network.ts';
import { mastodonProfileHost } from '../../../shared/shownNames.ts';
import { mastodonCatchUp } from './mastodonCatchUp.ts';
import { readMastodonProfileFacts } from './mastodonProfileFacts.ts';
import { mastodonEntity, mastodonProfile, mastodonRelationships, type MastodonEntity } from './mastodonReplies.ts';
import type { NetworkProvider } from './provider.ts';
import { listOf, readEntries, readReply } from './replies.ts';
import { NetworkFailure, type ResilientFetch } from './resilientFetch.ts';

export interface MastodonAccount {
  instanceUrl: string;
  accountId: string;
}

const pageSize = 80;

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
const fullAcct = (acct: string, instanceUrl: string) =>
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

/** Why a followed account can never follow back, as its entity says. */
function ghostOf(entity: MastodonEntity, instanceUrl: string): Ghost | undefined {
  if (entity.moved) return { reason: 'moved', movedTo: `@${fullAcct(entity.moved.acct, instanceUrl)}` };
  return entity.suspended ? { reason: 'suspended' } : undefined;
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

export function mastodonProvider(
  account: MastodonAccount,
  fetch: ResilientFetch,
  token: string | null,
): NetworkProvider {
  const request = mastodonClient(account.instanceUrl, fetch, token);
  const person = (e: MastodonEntity) => mastodonPerson(e, account.instanceUrl);
  const base = `/api/v1/accounts/${encodeURIComponent(account.accountId)}`;

  function needToken(): string {
    if (!token) throw new Error('Add an access token for this account to unfollow or follow from Twoway.');
    return token;
  }

  /** Reads of the account itself: there a 404 means the account is gone from its instance. */
  async function own(path: string) {
    try {
      return await request(path);
    } catch (error) {
      if (!(error instanceof NetworkFailure) || error.status !== 404) throw error;
      throw new NetworkFailure('refused', 'Mastodon no longer has this account: it was deleted or moved', {
        status: 404,
      });
    }
  }

  // Mastodon links to a next page only after a full one, so every page that links on is as long as the first
  // that did: a page of another length lost accounts on the way, and a sync must not drop them.
  const fullPage: Partial<Record<'followers' | 'following', number>> = {};
  async function page(list: 'followers' | 'following', cursor: string | null) {
    const { body: page, link } = await own(cursor ?? `${base}/${list}?limit=${pageSize}`);
    const body = listOf(page, `Mastodon sent a ${list} page`);
    const next = nextLink(link, account.instanceUrl);
    const full = fullPage[list];
    if (full !== undefined && (body.length > full || (next !== null && body.length < full))) {
      throw new NetworkFailure(
        'bad-response',
        `Mastodon sent a ${list} page with accounts missing; the sync stopped rather than drop them.`,
      );
    }
    if (next !== null) fullPage[list] ??= body.length;
    const { items, unreadable } = readEntries(mastodonEntity, body);
    return { items, cursor: next, unreadable };
  }

  return {
    requests: fetch.requests,
    catchUp: async () => mastodonCatchUp(account, fetch, token),
    profileFacts: (ids) => readMastodonProfileFacts(request, ids),
    async profile() {
      const body = readReply(mastodonProfile, (await own(base)).body, 'Mastodon sent a profile');
      return {
        ...person(body),
        followers: body.followers_count,
        following: body.following_count,
        posts: body.statuses_count,
      };
    },
    async followersPage(cursor) {
      const { items, ...rest } = await page('followers', cursor);
      return { items: items.map(person), ...rest };
    },
    async followingPage(cursor) {
      const { items, ...rest } = await page('following', cursor);
      const followed = items.map((entity): Followed => {
        const ghost = ghostOf(entity, account.instanceUrl);
        // Mastodon gives no follow dates: the sync dates each follow from when Twoway first saw it.
        return { ...person(entity), followedAt: Number.NaN, ref: null, ...(ghost && { ghost }) };
      });
      return { items: followed, ...rest };
    },
    async relationship(other) {
      needToken();
      // Suspended accounts are left out of the answer unless asked for: a ghost follow is still there to undo.
      const { body } = await request(
        `/api/v1/accounts/relationships?id[]=${encodeURIComponent(other.id)}&with_suspended=true`,
      );
      const relations = readReply(mastodonRelationships, body, 'Mastodon sent a relationship');
      const relation = relations.find((r) => r.id === other.id);
      return { youFollow: !!relation?.following, followsYou: !!relation?.followed_by };
    },
    async unfollow(followed) {
      needToken();
      await request(`/api/v1/accounts/${encodeURIComponent(followed.id)}/unfollow`, { method: 'POST' });
    },
    async follow(other) {
      needToken();
      await request(`/api/v1/accounts/${encodeURIComponent(other.id)}/follow`, { method: 'POST' });
      return { ...other, followedAt: Number.NaN, ref: null };
    },
  };
}
