// Bluesky's feeds for a catch-up: the home timeline and the notifications through the signed-in session (both
// need the app password), author feeds from the public AppView. Pages of 100.
import type { Agent } from '@atproto/api';
import { browserLink } from '../../../shared/catchUp.ts';
import type { Person } from '../../../shared/network.ts';
import type { FeedPost, Notice } from '../../core/catchUpFeed.ts';
import type { CatchUpReader } from './catchUpReader.ts';

const pageSize = 100;
/** Enough of one person's posts for a day or two of theirs. */
const recentPostsLimit = 30;
const asksReasons = ['mention', 'reply', 'quote'] as const;

interface Author {
  did: string;
  handle: string;
  displayName?: string;
}
interface PostRecord {
  text?: unknown;
  createdAt?: unknown;
  reply?: { parent?: { uri?: unknown }; root?: { uri?: unknown } };
  facets?: { index?: { byteStart?: number; byteEnd?: number }; features?: { $type?: string; did?: unknown }[] }[];
  embed?: { $type?: string; record?: { uri?: unknown; record?: { uri?: unknown } } };
}
interface PostLike {
  uri: string;
  author: Author;
  record: object;
  indexedAt: string;
  replyCount?: number;
  repostCount?: number;
  quoteCount?: number;
  likeCount?: number;
}

const person = (author: Author): Person => ({
  id: author.did,
  handle: author.handle,
  displayName: author.displayName ?? '',
});
const didOf = (uri: string) => /^at:\/\/([^/]+)\//.exec(uri)?.[1] ?? null;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The bsky.app address of a post; a handle that no longer resolves gives way to the DID. */
export function blueskyPostUrl(author: Author, uri: string): string | null {
  const rkey = uri.split('/').pop() ?? '';
  const who = author.handle && author.handle !== 'handle.invalid' ? author.handle : author.did;
  return browserLink(`https://bsky.app/profile/${encodeURIComponent(who)}/post/${encodeURIComponent(rkey)}`);
}

/** Mentions are facets over UTF-8 byte ranges of the text; the range holds "@handle". */
function mentionsOf(record: PostRecord): Person[] {
  const bytes = new TextEncoder().encode(text(record.text));
  const decoder = new TextDecoder();
  return (record.facets ?? []).flatMap((facet) =>
    (facet.features ?? []).flatMap((feature) => {
      if (feature.$type !== 'app.bsky.richtext.facet#mention' || typeof feature.did !== 'string') return [];
      const { byteStart = 0, byteEnd = 0 } = facet.index ?? {};
      const handle = decoder.decode(bytes.slice(byteStart, byteEnd)).replace(/^@/, '');
      return [{ id: feature.did, handle: handle || feature.did, displayName: '' }];
    }),
  );
}

function quoted(record: PostRecord): string | null {
  const embed = record.embed;
  const uri =
    embed?.$type === 'app.bsky.embed.record'
      ? embed.record?.uri
      : embed?.$type === 'app.bsky.embed.recordWithMedia'
        ? embed.record?.record?.uri
        : undefined;
  return typeof uri === 'string' && uri.includes('/app.bsky.feed.post/') ? uri : null;
}

export function blueskyPost(view: PostLike, options: { sortAt?: string; repost?: boolean } = {}): FeedPost {
  const record = view.record as PostRecord;
  const indexedAt = Date.parse(view.indexedAt);
  const createdAt = Date.parse(text(record.createdAt));
  const parent = text(record.reply?.parent?.uri);
  const root = text(record.reply?.root?.uri);
  return {
    id: view.uri,
    author: person(view.author),
    text: text(record.text),
    createdAt: Number.isNaN(createdAt) ? indexedAt : createdAt,
    sortAt: options.sortAt ? Date.parse(options.sortAt) : indexedAt,
    url: blueskyPostUrl(view.author, view.uri),
    counts: {
      replies: view.replyCount ?? 0,
      reposts: (view.repostCount ?? 0) + (view.quoteCount ?? 0),
      likes: view.likeCount ?? 0,
    },
    replyTo: parent ? { postId: parent, authorId: didOf(parent), rootId: root || parent } : null,
    quoteOf: quoted(record),
    mentions: mentionsOf(record),
    repost: options.repost ?? false,
  };
}

interface FeedItem {
  post: PostLike;
  reason?: { $type: string; indexedAt?: string };
}
const feedPost = (item: FeedItem): FeedPost => {
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
  const authorFeed = async (actor: string, limit: number, cursor: string | null) => {
    const { data } = await appview.app.bsky.feed.getAuthorFeed({
      actor,
      limit,
      cursor: cursor ?? undefined,
      filter: 'posts_with_replies',
    });
    return { items: data.feed.map(feedPost), cursor: data.cursor ?? null };
  };

  return {
    me: account.did,
    signedIn: signedIn !== null,
    requests,
    async timelinePage(cursor) {
      const { data } = await session().app.bsky.feed.getTimeline({ limit: pageSize, cursor: cursor ?? undefined });
      return { items: data.feed.map(feedPost), cursor: data.cursor ?? null };
    },
    async noticesPage(cursor) {
      const { data } = await session().app.bsky.notification.listNotifications({
        limit: pageSize,
        cursor: cursor ?? undefined,
        reasons: [...asksReasons],
      });
      const items = data.notifications.flatMap((notification): Notice[] => {
        const reason = asksReasons.find((r) => r === notification.reason);
        if (!reason) return [];
        return [{ reason, post: blueskyPost(notification) }];
      });
      // The server filters by reason after reading a page, so a page may come back short with more after it.
      return { items, cursor: data.notifications.length > 0 ? (data.cursor ?? null) : null };
    },
    ownPostsPage: (cursor) => authorFeed(account.did, pageSize, cursor),
    recentPosts: async (personId) => (await authorFeed(personId, recentPostsLimit, null)).items,
  };
}
