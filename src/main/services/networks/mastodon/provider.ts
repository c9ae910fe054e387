// Mastodon through its documented REST API: public lists paged by the Link header (80 a page), and with an
// access token the relationships to re-check and the follow / unfollow writes.
import type { Followed, Ghost } from '../../../../shared/people.ts';
import { mastodonCatchUp } from './catchUpReader.ts';
import { fullAcct, mastodonClient, mastodonPerson, nextLink, type MastodonAccount } from './client.ts';
import { readMastodonProfileFacts } from './profileFacts.ts';
import { mastodonEntity, mastodonProfile, mastodonRelationships, type MastodonEntity } from './replies.ts';
import type { NetworkProvider } from '../provider.ts';
import { listOf, readEntries, readReply } from '../replies.ts';
import { NetworkFailure, type ResilientFetch } from '../resilientFetch.ts';

const pageSize = 80;

/** Why a followed account can never follow back, as its entity says. */
function ghostOf(entity: MastodonEntity, instanceUrl: string): Ghost | undefined {
  if (entity.moved) return { reason: 'moved', movedTo: `@${fullAcct(entity.moved.acct, instanceUrl)}` };
  return entity.suspended ? { reason: 'suspended' } : undefined;
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
