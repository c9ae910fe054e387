// Mastodon's feeds for a catch-up, from the documented REST API: the home timeline and mention notifications
// (both need the access token), account statuses for anyone. Paged by the Link header.
import { browserLink } from '../../../../shared/catchUp.ts';
import type { FeedPost, Notice } from '../../../core/catchUp/feed.ts';
import { htmlToText } from '../../../core/catchUp/postText.ts';
import type { CatchUpReader } from '../catchUpReader.ts';
import { mastodonClient, mastodonPerson, nextLink, type MastodonAccount } from './client.ts';
import { mastodonNotification, mastodonStatus, type MastodonStatus } from './replies.ts';
import { listOf, readEntries } from '../replies.ts';
import type { ResilientFetch } from '../resilientFetch.ts';

/** The largest pages the API gives: 40 statuses, 80 notifications. */
const statusesPage = 40;
const notificationsPage = 80;
/** Enough of one person's statuses for a day or two of theirs. */
const recentPostsLimit = 20;

export function mastodonPost(status: MastodonStatus, instanceUrl: string): FeedPost {
  const at = Date.parse(status.created_at);
  const body = htmlToText(status.content);
  const warning = status.spoiler_text.trim();
  return {
    id: status.id,
    author: mastodonPerson(status.account, instanceUrl),
    text: warning ? `Content warning: ${warning}\n\n${body}` : body,
    createdAt: at,
    sortAt: at,
    url: browserLink(status.url ?? status.uri),
    counts: {
      replies: status.replies_count,
      reposts: status.reblogs_count,
      likes: status.favourites_count,
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
    mentions: status.mentions.map((m) => mastodonPerson(m, instanceUrl)),
    repost: status.reblog,
  };
}

export function mastodonCatchUp(account: MastodonAccount, fetch: ResilientFetch, token: string | null): CatchUpReader {
  const request = mastodonClient(account.instanceUrl, fetch, token);
  const me = account.accountId;
  const own = `/api/v1/accounts/${encodeURIComponent(me)}/statuses`;

  async function list(path: string, what: string) {
    const { body, link } = await request(path);
    return { body: listOf(body, `Mastodon sent ${what}`), cursor: nextLink(link, account.instanceUrl) };
  }
  const statuses = async (path: string) => {
    const { body, cursor } = await list(path, 'statuses');
    const { items, unreadable } = readEntries(mastodonStatus, body);
    return { items: items.map((status) => mastodonPost(status, account.instanceUrl)), cursor, unreadable };
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
      const { body, cursor: next } = await list(
        cursor ?? `/api/v1/notifications?types[]=mention&limit=${notificationsPage}`,
        'notifications',
      );
      const { items: notifications, unreadable } = readEntries(mastodonNotification, body);
      const items = notifications.flatMap((notification): Notice[] => {
        if (notification.type !== 'mention' || !notification.status) return [];
        const post = mastodonPost(notification.status, account.instanceUrl);
        return [{ reason: post.replyTo?.authorId === me ? 'reply' : 'mention', post }];
      });
      return { items, cursor: next, unreadable };
    },
    ownPostsPage: (cursor) => statuses(cursor ?? `${own}?limit=${statusesPage}&exclude_reblogs=true`),
    async recentPosts(personId) {
      const path = `/api/v1/accounts/${encodeURIComponent(personId)}/statuses?limit=${recentPostsLimit}&exclude_reblogs=true`;
      return (await statuses(path)).items;
    },
  };
}
