// What the networks' feeds give a catch-up, in one shape for every network, and which of it is a follower's
// message: their own posts and replies since the window's start — not reposts, not the user's own.
import type { MentionReason, PostCounts } from '../../../shared/catchUp.ts';
import type { Person } from '../../../shared/people.ts';

export interface FeedPost {
  id: string;
  author: Person;
  /** Plain text: markup was taken out where the network sends HTML. */
  text: string;
  createdAt: number;
  /** Where the feed orders it: when the network received it. */
  sortAt: number;
  url: string | null;
  counts: PostCounts;
  /** The post this one answers, its author where the network says, and the first post of its thread. */
  replyTo: { postId: string; authorId: string | null; rootId: string } | null;
  quoteOf: string | null;
  /** The people its text mentions. */
  mentions: Person[];
  /** Shared from someone else: it shows in feeds but is not a message of its own. */
  repost: boolean;
}

/** A notification that someone mentioned, replied to or quoted the user. */
export interface Notice {
  reason: MentionReason;
  post: FeedPost;
}

export function postKind(post: FeedPost): 'post' | 'reply' | 'quote' {
  if (post.replyTo) return 'reply';
  return post.quoteOf ? 'quote' : 'post';
}

/** The posts of people who follow the user, from `since` on (or their own start), without repeats. */
export function followersPosts(
  posts: readonly FeedPost[],
  followers: ReadonlySet<string>,
  me: string,
  since: number,
  sinceOf: Readonly<Record<string, number>> = {},
): FeedPost[] {
  const seen = new Set<string>();
  return posts.filter((post) => {
    if (post.repost || post.author.id === me || !followers.has(post.author.id)) return false;
    if (post.sortAt < (sinceOf[post.author.id] ?? since) || seen.has(post.id)) return false;
    seen.add(post.id);
    return true;
  });
}

/** Whether paging a newest-first feed can stop because its page reached back past `since`. */
export function reachedBack(page: readonly FeedPost[], since: number): boolean {
  return page.some((post) => post.sortAt < since);
}
