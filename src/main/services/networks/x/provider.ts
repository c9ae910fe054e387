// X through its v2 API with the user's own token (paid tiers): followers and following, 1,000 a page.
// X takes no follow writes from apps on self-serve tiers, so unfollows and follow-backs go through the
// queue as "needs you": Twoway opens the profile and the user acts there.
import { z } from 'zod';
import type { Followed, Person } from '../../../../shared/people.ts';
import { invalid } from '../../failure.ts';
import type { NetworkProvider } from '../provider.ts';
import { count, idText, nameText, readEntries, readReply } from '../replies.ts';
import { NetworkFailure, type ResilientFetch } from '../resilientFetch.ts';

// What X's v2 API answers, as Twoway reads it: ids are numbers written as text, as X documents them.
const xUser = z.object({
  id: idText.pipe(z.string().regex(/^\d{1,19}$/, 'expected an X id, a number')),
  username: z.string().min(1).max(50),
  name: nameText,
});
const xProfile = z.object({
  data: xUser.extend({
    public_metrics: z.object({
      followers_count: count,
      following_count: count,
      tweet_count: count.optional().catch(undefined),
    }),
  }),
});
const xProblem = z.object({ title: z.string().optional(), detail: z.string().optional() });
const xPage = z.object({
  data: z.array(z.unknown()).optional(),
  meta: z.object({ next_token: z.string().min(1).max(500).optional(), result_count: count.optional() }).optional(),
});

/** X answers a lookup it cannot serve with 200 and `errors` in place of `data`. */
function refusedIn(body: unknown): void {
  const answer = z.object({ data: z.unknown(), errors: z.array(xProblem.catch({})).optional() }).safeParse(body);
  const first = answer.success && answer.data.data === undefined ? answer.data.errors?.[0] : undefined;
  if (first) throw new NetworkFailure('refused', `X: ${(first.detail ?? first.title ?? 'no answer').slice(0, 300)}`);
}

const person = (user: z.output<typeof xUser>): Person => ({
  id: user.id,
  handle: `@${user.username}`,
  displayName: user.name,
});

export function xClient(apiUrl: string, fetch: ResilientFetch, token: string) {
  return async function request(path: string): Promise<unknown> {
    const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    let body: unknown;
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
      const problem = z.object({ title: z.string().optional(), errors: z.array(xProblem).optional() }).safeParse(body);
      const title = problem.success ? (problem.data.title ?? problem.data.errors?.[0]?.title) : undefined;
      throw new NetworkFailure('refused', `X refused: ${title?.slice(0, 300) ?? `HTTP ${response.status}`}`, {
        status: response.status,
      });
    }
    return body;
  };
}

/** The token's own account: X handles identify nobody once renamed, the id does. */
export async function xMe(apiUrl: string, fetch: ResilientFetch, token: string): Promise<Person> {
  try {
    const body = await xClient(apiUrl, fetch, token)('/2/users/me');
    return person(readReply(z.object({ data: xUser }), body, 'X sent an account').data);
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
    const answer = await request(`${base}/${list}?${query}`);
    refusedIn(answer);
    const body = readReply(xPage, answer, `X sent a ${list} page`);
    // X counts what a page holds: a page holding fewer lost accounts on the way, and a sync must not drop them.
    const entries = body.data ?? [];
    if (body.meta?.result_count !== undefined && body.meta.result_count !== entries.length) {
      throw new NetworkFailure(
        'bad-response',
        `X sent a ${list} page with accounts missing; the sync stopped rather than drop them.`,
      );
    }
    const { items, unreadable } = readEntries(xUser, entries);
    return { items: items.map(person), cursor: body.meta?.next_token ?? null, unreadable };
  }

  const manual = () => {
    throw new Error('X takes no follow changes from apps: Twoway opens the profile for you instead.');
  };

  return {
    requests: fetch.requests,
    async profile() {
      const answer = await request(`${base}?user.fields=public_metrics`);
      refusedIn(answer);
      const { data } = readReply(xProfile, answer, 'X sent a profile');
      return {
        ...person(data),
        followers: data.public_metrics.followers_count,
        following: data.public_metrics.following_count,
        posts: data.public_metrics.tweet_count,
      };
    },
    followersPage: (cursor) => page('followers', cursor),
    async followingPage(cursor) {
      const { items, ...rest } = await page('following', cursor);
      return { items: items.map((p): Followed => ({ ...p, followedAt: Number.NaN, ref: null })), ...rest };
    },
    relationship: manual,
    unfollow: manual,
    follow: manual,
  };
}
