// How much a catch-up reads: from when, how many pages of each feed, and which followers the user does not
// follow get their own feed read this time. Every catch-up is bounded, so a large account stays cheap.
import { DAY, HOUR, MINUTE } from '../../../shared/calendar.ts';

export interface ReadBudget {
  /** Requests one catch-up may make in all (signing in aside). */
  requests: number;
  timelinePages: number;
  noticePages: number;
  ownPostPages: number;
  /** Followers the user does not follow, one request each, at most. */
  others: number;
}

/** Bluesky pages hold 100 posts; Mastodon's hold 40 statuses and 80 notifications. */
export const readBudgets: Record<'bluesky' | 'mastodon', ReadBudget> = {
  bluesky: { requests: 20, timelinePages: 12, noticePages: 3, ownPostPages: 2, others: 10 },
  mastodon: { requests: 45, timelinePages: 30, noticePages: 3, ownPostPages: 2, others: 10 },
};

/** The first catch-up looks back a day for posts, and a month for mentions and the user's own posts. */
export const firstPostsWindowMs = DAY;
export const firstMentionsWindowMs = 30 * DAY;
/** No catch-up looks further back than the briefing keeps posts. */
export const longestPostsWindowMs = 14 * DAY;
/** Later catch-ups re-read a little before the last one, for posts the network took a moment to index. */
export const overlapMs = 10 * MINUTE;

/** A catch-up younger than this is not repeated on its own: opening the briefing again costs nothing. */
export const freshForMs = 15 * MINUTE;

export const isStale = (lastCatchUpAt: number | null, now: number) =>
  lastCatchUpAt === null || now - lastCatchUpAt >= freshForMs;

export interface Windows {
  posts: number;
  mentions: number;
}

export function readWindows(lastCatchUpAt: number | null, now: number): Windows {
  if (lastCatchUpAt === null) return { posts: now - firstPostsWindowMs, mentions: now - firstMentionsWindowMs };
  const from = lastCatchUpAt - overlapMs;
  return { posts: Math.max(from, now - longestPostsWindowMs), mentions: Math.max(from, now - firstMentionsWindowMs) };
}

/**
 * Where a follower's own feed is read from: where it was last read, or a first catch-up's day when never — so
 * the posts of someone whose turn came only now are not lost to the last catch-up's window.
 */
export function ownFeedSince(readAt: number | undefined, windows: Windows, now: number): number {
  const from = readAt === undefined ? now - firstPostsWindowMs : readAt - overlapMs;
  return Math.max(Math.min(from, windows.posts), now - longestPostsWindowMs);
}

/** A follower's own feed is read at most once an hour: a catch-up soon after another finds little new. */
export const rereadAfterMs = HOUR;

/**
 * Followers the user does not follow whose feeds are read now: the newest followers first among those never
 * read, then those read longest ago (not within the hour), so every one comes in turn over the next catch-ups.
 */
export function othersToRead(
  newestFirst: readonly string[],
  readAt: Readonly<Record<string, number>>,
  count: number,
  now: number,
): string[] {
  if (count <= 0) return [];
  const never = newestFirst.filter((id) => readAt[id] === undefined);
  const before = newestFirst
    .filter((id) => readAt[id] !== undefined && readAt[id] <= now - rereadAfterMs)
    .sort((a, b) => readAt[a]! - readAt[b]!);
  return [...never, ...before].slice(0, count);
}

/** Followers the user does not follow, the newest follower first as far as the last sync knows it. */
export function othersNewestFirst(
  followers: readonly { id: string }[],
  following: readonly { id: string }[],
  newestFollowerIds: readonly string[],
): string[] {
  const followed = new Set(following.map((f) => f.id));
  const ids = new Set([...newestFollowerIds, ...followers.map((f) => f.id)]);
  const known = new Set(followers.map((f) => f.id));
  return [...ids].filter((id) => known.has(id) && !followed.has(id));
}
