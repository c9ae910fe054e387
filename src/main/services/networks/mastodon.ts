// Mastodon through its documented REST API: public lists paged by the Link header (80 a page), and with an
// access token the relationships to re-check and the follow / unfollow writes.
import type { Followed, Person } from '../../../shared/network.ts';
import { mastodonCatchUp } from './mastodonCatchUp.ts';
import type { NetworkProvider } from './provider.ts';
import { NetworkFailure, type ResilientFetch } from './resilientFetch.ts';

export interface MastodonAccount {
  instanceUrl: string;
  accountId: string;
}

interface Entity {
  id: string;
  acct: string;
  display_name?: string;
}

const pageSize = 80;

/** The next page's address from a Link header, or null on the last page. */
export function nextLink(header: string | null): string | null {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1]!;
  }
  return null;
}

export function mastodonPerson(entity: Entity, instanceUrl: string): Person {
  const host = new URL(instanceUrl).host;
  const acct = entity.acct.includes('@') ? entity.acct : `${entity.acct}@${host}`;
  return { id: entity.id, handle: `@${acct}`, displayName: entity.display_name ?? '' };
}

export function mastodonClient(instanceUrl: string, fetch: ResilientFetch, token: string | null) {
  return async function request<T>(path: string, init: RequestInit = {}): Promise<{ body: T; link: string | null }> {
    const url = path.startsWith('http') ? path : `${instanceUrl}${path}`;
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
      const message = (body as { error?: string }).error ?? `HTTP ${response.status}`;
      throw new NetworkFailure('refused', `Mastodon refused: ${message}`, { status: response.status });
    }
    return { body: body as T, link: response.headers.get('link') };
  };
}

export function mastodonProvider(
  account: MastodonAccount,
  fetch: ResilientFetch,
  token: string | null,
): NetworkProvider {
  const request = mastodonClient(account.instanceUrl, fetch, token);
  const person = (e: Entity) => mastodonPerson(e, account.instanceUrl);
  const base = `/api/v1/accounts/${encodeURIComponent(account.accountId)}`;

  function needToken(): string {
    if (!token) throw new Error('Add an access token for this account to unfollow or follow from Twoway.');
    return token;
  }

  /** Reads of the account itself: there a 404 means the account is gone from its instance. */
  async function own<T>(path: string) {
    try {
      return await request<T>(path);
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
    const { body, link } = await own<Entity[]>(cursor ?? `${base}/${list}?limit=${pageSize}`);
    if (!Array.isArray(body))
      throw new NetworkFailure('bad-response', `Mastodon sent a ${list} page that is not a list.`);
    const next = nextLink(link);
    const full = fullPage[list];
    if (full !== undefined && (body.length > full || (next !== null && body.length < full))) {
      throw new NetworkFailure(
        'bad-response',
        `Mastodon sent a ${list} page with accounts missing; the sync stopped rather than drop them.`,
      );
    }
    if (next !== null) fullPage[list] ??= body.length;
    return { items: body.map(person), cursor: next };
  }

  return {
    requests: fetch.requests,
    catchUp: async () => mastodonCatchUp(account, fetch, token),
    async profile() {
      const { body } = await own<
        Entity & { followers_count: number; following_count: number; statuses_count?: number }
      >(base);
      return {
        ...person(body),
        followers: body.followers_count,
        following: body.following_count,
        posts: body.statuses_count,
      };
    },
    followersPage: (cursor) => page('followers', cursor),
    async followingPage(cursor) {
      const { items, cursor: next } = await page('following', cursor);
      // Mastodon gives no follow dates: the sync dates each follow from when Twoway first saw it.
      return { items: items.map((p): Followed => ({ ...p, followedAt: Number.NaN, ref: null })), cursor: next };
    },
    async relationship(other) {
      needToken();
      const { body } = await request<{ id: string; following: boolean; followed_by: boolean }[]>(
        `/api/v1/accounts/relationships?id[]=${encodeURIComponent(other.id)}`,
      );
      const relation = body.find((r) => r.id === other.id);
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
