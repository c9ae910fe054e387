// What the briefing keeps per account, and how one catch-up's reading joins it. Applied to the kept state at
// the moment the reading ends, so posts the user marked meanwhile keep their marks.
import { DAY } from '../../../shared/calendar.ts';
import { answersIn, askedPosts, mergeAnswers, mergeAsked, type Answer, type AskedPost } from './answers.ts';
import { followersPosts, type FeedPost, type Notice } from './feed.ts';
import { mergeMentions, mergeReplies, ownReplies, type KeptMention, type OwnReply } from './mentions.ts';
import type { Windows } from './plan.ts';
import { mergePosts, type KeptPost } from './posts.ts';

export interface AccountCatchUp {
  /** The last completed catch-up; null before the first. */
  lastCatchUpAt: number | null;
  /** Where the last catch-up's posts began. */
  since: number | null;
  posts: KeptPost[];
  mentions: KeptMention[];
  /** The user's own replies, to tell answered mentions. */
  replies: OwnReply[];
  asked: AskedPost[];
  answers: Answer[];
  /** When each follower the user does not follow last had their feed read. */
  othersReadAt: Record<string, number>;
  readOthers: { read: number; of: number } | null;
  /** Whether the last catch-up stopped at its budget before reaching back to its start. */
  cutShort: boolean;
  requests: number | null;
}

export const emptyCatchUp = (): AccountCatchUp => ({
  lastCatchUpAt: null,
  since: null,
  posts: [],
  mentions: [],
  replies: [],
  asked: [],
  answers: [],
  othersReadAt: {},
  readOthers: null,
  cutShort: false,
  requests: null,
});

/** Everything one catch-up read for an account. */
export interface CatchUpReading {
  me: string;
  windows: Windows;
  /** Home timeline and followers' own feeds, as read. */
  feed: FeedPost[];
  notices: Notice[];
  own: FeedPost[];
  followers: ReadonlySet<string>;
  /** Followers the user does not follow whose feeds were read, of how many there are. */
  othersRead: string[];
  /** Where each follower's own feed, read on its own, begins. */
  sinceOf: Record<string, number>;
  othersCount: number;
  cutShort: boolean;
  requests: number;
}

export function applyReading(kept: AccountCatchUp, reading: CatchUpReading, now: number): AccountCatchUp {
  const { me, windows } = reading;
  const fresh = followersPosts(reading.feed, reading.followers, me, windows.posts, reading.sinceOf);
  const posts = mergePosts(kept.posts, fresh, now);
  const replies = mergeReplies(kept.replies, ownReplies(reading.own), now);
  const asked = mergeAsked(kept.asked, askedPosts(reading.own, me));
  const seen = [...reading.feed, ...reading.notices.map((notice) => notice.post)];
  const othersReadAt: Record<string, number> = {};
  // A feed read over two weeks ago counts as never read: that follower comes first again.
  for (const [id, at] of Object.entries(kept.othersReadAt)) if (at >= now - 14 * DAY) othersReadAt[id] = at;
  for (const id of reading.othersRead) othersReadAt[id] = now;
  return {
    lastCatchUpAt: now,
    since: kept.lastCatchUpAt ?? windows.posts,
    posts,
    mentions: mergeMentions(kept.mentions, reading.notices, replies, me, now),
    replies,
    asked,
    answers: mergeAnswers(kept.answers, answersIn(seen, asked), asked),
    othersReadAt,
    readOthers: reading.othersCount > 0 ? { read: reading.othersRead.length, of: reading.othersCount } : null,
    cutShort: reading.cutShort,
    requests: reading.requests,
  };
}
