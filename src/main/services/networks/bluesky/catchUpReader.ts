// Bluesky's feeds for a catch-up: the home timeline and the notifications through the signed-in session (both
// need the app password), author feeds from the public AppView. Pages of 100.
import type { Agent } from '@atproto/api';
import type { z } from 'zod';
import { browserLink } from '../../../../shared/catchUp.ts';
import type { Person } from '../../../../shared/people.ts';
import type { FeedPost, Notice } from '../../../core/catchUp/feed.ts';
import {
  blueskyFeedItem,
  blueskyFeedPage,
  blueskyNotice,
  blueskyNoticesPage,
  blueskyPersonOf,
  xrpcRead,
  type BlueskyPostRecord,
  type BlueskyPostView,
} from './replies.ts';
import type { CatchUpReader } from '../catchUpReader.ts';
import { readEntries, readReply } from '../replies.ts';

const pageSize = 100;
/** Enough of one person's posts for a day or two of theirs. */
const recentPostsLimit = 30;
const asksReasons = ['mention', 'reply', 'quote'] as const;

const didOf = (uri: string) => /^at:\/\/([^/]+)\//.exec(uri)?.[1] ?? null;

/** The bsky.app address of a post; a handle that no longer resolves gives way to the DID. */
export function blueskyPostUrl(author: { did: string; handle: string }, uri: string): string | null {
  const rkey = uri.split('/').pop() ?? '';
  const who = author.handle && author.handle !== 'handle.invalid' ? author.handle : author.did;
  return browserLink(`https://bsky.app/profile/${encodeURIComponent(who)}/post/${encodeURIComponent(rkey)}`);
}

/** Mentions are facets over UTF-8 byte ranges of the text; the range holds "@handle". */
function mentionsOf(record: BlueskyPostRecord): Person[] {
  const bytes = new TextEncoder().encode(record.text);
  const decoder = new TextDecoder();
  return record.facets.flatMap((facet) =>
    facet.features.flatMap((feature) => {
      if (feature?.$type !== 'app.bsky.richtext.facet#mention' || feature.did === undefined) return [];
      const { byteStart, byteEnd } = facet.index;
      const handle = decoder.decode(bytes.slice(byteStart, byteEnd)).replace(/^@/, '');
      return [{ id: feature.did, handle: handle || feature.did, displayName: '' }];
    }),
  );
}

function quoted(record: BlueskyPostRecord): string | null {
  const embed = record.embed;
  const uri =
    embed?.$type === 'app.bsky.embed.record'
      ? embed.record?.uri
      : embed?.$type === 'app.bsky.embed.recordWithMedia'
        ? embed.record?.record?.uri
        : undefined;
  return typeof uri === 'string' && uri.includes('/app.bsky.feed.post/') ? uri : null;
}

export function blueskyPost(view: BlueskyPostView, options: { sortAt?: string; repost?: boolean } = {}): FeedPost {
  const record = view.record;
  const indexedAt = Date.parse(view.indexedAt);
  const createdAt = Date.parse(record.createdAt ?? '');
  const parent = record.reply?.parent?.uri ?? '';
  const root = record.reply?.root?.uri ?? '';
  return {
    id: view.uri,
    author: blueskyPersonOf(view.author),
    text: record.text,
    createdAt: Number.isNaN(createdAt) ? indexedAt : createdAt,
    sortAt: options.sortAt ? Date.parse(options.sortAt) : indexedAt,
    url: blueskyPostUrl(view.author, view.uri),
    counts: {
      replies: view.replyCount,
      reposts: view.repostCount + view.quoteCount,
      likes: view.likeCount,
    },
    replyTo: parent ? { postId: parent, authorId: didOf(parent), rootId: root || parent } : null,
    quoteOf: quoted(record),
    mentions: mentionsOf(record),
    repost: options.repost ?? false,
  };
}

const feedPost = (item: z.output<typeof blueskyFeedItem>): FeedPost => {
  const repost = item.reason?.$type === 'app.bsky.feed.defs#reasonRepost';
  return blueskyPost(item.post, repost ? { repost, sortAt: item.reason?.indexedAt } : {});
};

export function blueskyCatchUp(
  account: { did: string },
  appview: Agent,
  signedIn: Agent | null,
  requests: () => number,
): CatchUpReader {
  const session = () => {
    if (!signedIn) throw new Error('Add an app password for this account to read its home timeline and mentions.');
    return signedIn;
  };
  /** A page of posts, each read through the schema: one Twoway cannot read is left out. */
  const feedPage = async (method: string, call: () => Promise<{ data: unknown }>) => {
    const data = readReply(blueskyFeedPage, await xrpcRead(method, call), 'Bluesky sent a feed page');
    const { items, unreadable } = readEntries(blueskyFeedItem, data.feed);
    return { items: items.map(feedPost), cursor: data.cursor ?? null, unreadable };
  };
  const authorFeed = (actor: string, limit: number, cursor: string | null) =>
    feedPage('app.bsky.feed.getAuthorFeed', () =>
      appview.app.bsky.feed.getAuthorFeed({ actor, limit, cursor: cursor ?? undefined, filter: 'posts_with_replies' }),
    );

  return {
    me: account.did,
    signedIn: signedIn !== null,
    requests,
    timelinePage: (cursor) =>
      feedPage('app.bsky.feed.getTimeline', () =>
        session().app.bsky.feed.getTimeline({ limit: pageSize, cursor: cursor ?? undefined }),
      ),
    async noticesPage(cursor) {
      const answer = await xrpcRead('app.bsky.notification.listNotifications', () =>
        session().app.bsky.notification.listNotifications({
          limit: pageSize,
          cursor: cursor ?? undefined,
          reasons: [...asksReasons],
        }),
      );
      const data = readReply(blueskyNoticesPage, answer, 'Bluesky sent a page of notifications');
      const { items: notifications, unreadable } = readEntries(blueskyNotice, data.notifications);
      const items = notifications.flatMap((notification): Notice[] => {
        const reason = asksReasons.find((r) => r === notification.reason);
        if (!reason) return [];
        return [{ reason, post: blueskyPost(notification) }];
      });
      // The server filters by reason after reading a page, so a page may come back short with more after it.
      return { items, cursor: data.notifications.length > 0 ? (data.cursor ?? null) : null, unreadable };
    },
    ownPostsPage: (cursor) => authorFeed(account.did, pageSize, cursor),
    recentPosts: async (personId) => (await authorFeed(personId, recentPostsLimit, null)).items,
  };
}
