// Mastodon's feeds for a catch-up, from the documented REST API: the home timeline and mention notifications
// (both need the access token), account statuses for anyone. Paged by the Link header.
import { browserLink } from '../../../shared/catchUp.ts';
import type { FeedPost, Notice } from '../../core/catchUpFeed.ts';
import { htmlToText } from '../../core/postText.ts';
import type { CatchUpReader } from './catchUpReader.ts';
import { mastodonClient, mastodonPerson, nextLink, type MastodonAccount } from './mastodon.ts';
import { NetworkFailure, type ResilientFetch } from './resilientFetch.ts';

interface Status {
  id: string;
  created_at: string;
  content?: string;
  spoiler_text?: string;
  url?: string | null;
  uri?: string;
  account: { id: string; acct: string; display_name?: string };
  in_reply_to_id?: string | null;
  in_reply_to_account_id?: string | null;
  reblog?: Status | null;
  mentions?: { id: string; acct: string }[];
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  quote?: { quoted_status?: { id: string } | null } | null;
}

/** The largest pages the API gives: 40 statuses, 80 notifications. */
const statusesPage = 40;
const notificationsPage = 80;
/** Enough of one person's statuses for a day or two of theirs. */
const recentPostsLimit = 20;

export function mastodonPost(status: Status, instanceUrl: string): FeedPost {
  const at = Date.parse(status.created_at);
  const body = htmlToText(status.content ?? '');
  const warning = status.spoiler_text?.trim();
  return {
    id: status.id,
    author: mastodonPerson(status.account, instanceUrl),
    text: warning ? `Content warning: ${warning}\n\n${body}` : body,
    createdAt: at,
    sortAt: at,
    url: browserLink(status.url ?? status.uri),
    counts: {
      replies: status.replies_count ?? 0,
      reposts: status.reblogs_count ?? 0,
      likes: status.favourites_count ?? 0,
    },
    // Mastodon names only the status answered, not the thread's first one.
    replyTo: status.in_reply_to_id
      ? {
          postId: status.in_reply_to_id,
          authorId: status.in_reply_to_account_id ?? null,
          rootId: status.in_reply_to_id,
        }
      : null,
    quoteOf: status.quote?.quoted_status?.id ?? null,
    mentions: (status.mentions ?? []).map((m) => mastodonPerson({ id: m.id, acct: m.acct }, instanceUrl)),
    repost: status.reblog != null,
  };
}

export function mastodonCatchUp(account: MastodonAccount, fetch: ResilientFetch, token: string | null): CatchUpReader {
  const request = mastodonClient(account.instanceUrl, fetch, token);
  const me = account.accountId;
  const own = `/api/v1/accounts/${encodeURIComponent(me)}/statuses`;

  async function list<T>(path: string, what: string) {
    const { body, link } = await request<T[]>(path);
    if (!Array.isArray(body)) throw new NetworkFailure('bad-response', `Mastodon sent ${what} that is not a list.`);
    return { body, cursor: nextLink(link) };
  }
  const statuses = async (path: string) => {
    const { body, cursor } = await list<Status>(path, 'statuses');
    return { items: body.map((status) => mastodonPost(status, account.instanceUrl)), cursor };
  };
  const signedIn = () => {
    if (!token) throw new Error('Add an access token for this account to read its home timeline and mentions.');
  };

  return {
    me,
    signedIn: token !== null,
    requests: fetch.requests,
    timelinePage(cursor) {
      signedIn();
      return statuses(cursor ?? `/api/v1/timelines/home?limit=${statusesPage}`);
    },
    async noticesPage(cursor) {
      signedIn();
      const { body, cursor: next } = await list<{ type: string; status?: Status | null }>(
        cursor ?? `/api/v1/notifications?types[]=mention&limit=${notificationsPage}`,
        'notifications',
      );
      const items = body.flatMap((notification): Notice[] => {
        if (notification.type !== 'mention' || !notification.status) return [];
        const post = mastodonPost(notification.status, account.instanceUrl);
        return [{ reason: post.replyTo?.authorId === me ? 'reply' : 'mention', post }];
      });
      return { items, cursor: next };
    },
    ownPostsPage: (cursor) => statuses(cursor ?? `${own}?limit=${statusesPage}&exclude_reblogs=true`),
    async recentPosts(personId) {
      const path = `/api/v1/accounts/${encodeURIComponent(personId)}/statuses?limit=${recentPostsLimit}&exclude_reblogs=true`;
      return (await statuses(path)).items;
    },
  };
}
