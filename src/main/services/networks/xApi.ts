// X through its v2 API with the user's own token (paid tiers): followers and following, 1,000 a page.
// X takes no follow writes from apps on self-serve tiers, so unfollows and follow-backs go through the
// queue as "needs you": Twoway opens the profile and the user acts there.
import type { Followed, Person } from '../../../shared/network.ts';
import { invalid } from '../failure.ts';
import type { NetworkProvider } from './provider.ts';
import { NetworkFailure, type ResilientFetch } from './resilientFetch.ts';

interface XUser {
  id: string;
  username: string;
  name?: string;
  public_metrics?: { followers_count: number; following_count: number; tweet_count?: number };
}
interface XPage {
  data?: XUser[];
  meta?: { next_token?: string; result_count?: number };
  errors?: { title?: string; detail?: string }[];
}

const person = (user: XUser): Person => ({ id: user.id, handle: `@${user.username}`, displayName: user.name ?? '' });

export function xClient(apiUrl: string, fetch: ResilientFetch, token: string) {
  return async function request<T>(path: string): Promise<T> {
    const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    let body: T & { errors?: { title?: string; detail?: string }[]; title?: string };
    try {
      body = JSON.parse(text);
    } catch {
      throw new NetworkFailure('bad-response', `X answered with something that is not JSON (HTTP ${response.status}).`);
    }
    // A revoked token, or the token of a deleted account, is refused on every request: say what to do.
    if (response.status === 401) {
      throw new NetworkFailure(
        'refused',
        'X refused this account’s token: it was revoked, or the account was deleted; add the account again with a new token',
        { status: 401 },
      );
    }
    if (!response.ok) {
      throw new NetworkFailure(
        'refused',
        `X refused: ${body.title ?? body.errors?.[0]?.title ?? `HTTP ${response.status}`}`,
        {
          status: response.status,
        },
      );
    }
    return body;
  };
}

/** The token's own account: X handles identify nobody once renamed, the id does. */
export async function xMe(apiUrl: string, fetch: ResilientFetch, token: string): Promise<Person> {
  try {
    const { data } = await xClient(apiUrl, fetch, token)<{ data: XUser }>('/2/users/me');
    return person(data);
  } catch (error) {
    if (error instanceof NetworkFailure && error.reason === 'refused') {
      throw invalid({ token: 'X refused this token: it needs a user context with users.read and follows.read.' });
    }
    throw error;
  }
}

export function xProvider(
  account: { userId: string; apiUrl: string },
  fetch: ResilientFetch,
  token: string,
): NetworkProvider {
  const request = xClient(account.apiUrl, fetch, token);
  const base = `/2/users/${encodeURIComponent(account.userId)}`;

  async function page(list: 'followers' | 'following', cursor: string | null) {
    const query = `max_results=1000${cursor ? `&pagination_token=${encodeURIComponent(cursor)}` : ''}`;
    const body = await request<XPage>(`${base}/${list}?${query}`);
    if (!body.data && body.errors?.length)
      throw new NetworkFailure('refused', `X: ${body.errors[0]!.detail ?? body.errors[0]!.title}`);
    // X counts what a page holds: a page holding fewer lost accounts on the way, and a sync must not drop them.
    const items = body.data ?? [];
    if (body.meta?.result_count !== undefined && body.meta.result_count !== items.length) {
      throw new NetworkFailure(
        'bad-response',
        `X sent a ${list} page with accounts missing; the sync stopped rather than drop them.`,
      );
    }
    return { items: items.map(person), cursor: body.meta?.next_token ?? null };
  }

  const manual = () => {
    throw new Error('X takes no follow changes from apps: Twoway opens the profile for you instead.');
  };

  return {
    requests: fetch.requests,
    async profile() {
      const { data } = await request<{ data: XUser }>(`${base}?user.fields=public_metrics`);
      return {
        ...person(data),
        followers: data.public_metrics?.followers_count ?? 0,
        following: data.public_metrics?.following_count ?? 0,
        posts: data.public_metrics?.tweet_count,
      };
    },
    followersPage: (cursor) => page('followers', cursor),
    async followingPage(cursor) {
      const { items, cursor: next } = await page('following', cursor);
      return { items: items.map((p): Followed => ({ ...p, followedAt: Number.NaN, ref: null })), cursor: next };
    },
    relationship: manual,
    unfollow: manual,
    follow: manual,
  };
}
