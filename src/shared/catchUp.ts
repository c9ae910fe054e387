// The catch-up briefing: followers' posts since the last visit, mentions still waiting for an answer, and
// who answers the user's own mentions. Times are epoch milliseconds.
import type { Person } from './people.ts';
import type { Network } from './types.ts';

export interface PostCounts {
  replies: number;
  reposts: number;
  likes: number;
}

/** A post by someone who follows the user. Its text is plain text, never markup. */
export interface FollowerPost {
  /** The network's id: an at:// URI on Bluesky, a status id on Mastodon. */
  id: string;
  accountId: string;
  author: Person;
  text: string;
  createdAt: number;
  /** Where the post opens in the browser (https only); null when the network gave no such address. */
  url: string | null;
  kind: 'post' | 'reply' | 'quote';
  counts: PostCounts;
  scanned: boolean;
}

/** One person's posts in the briefing, newest first. */
export interface PersonPosts {
  accountId: string;
  person: Person;
  posts: FollowerPost[];
  unread: number;
  /** How this person answers the user's mentions, where Twoway has seen any. */
  answers: AnswerRate | null;
}

export type MentionReason = 'mention' | 'reply' | 'quote';
export type MentionState = 'waiting' | 'answered' | 'ignored';

/** Someone mentioned, replied to or quoted the user. */
export interface Mention {
  id: string;
  accountId: string;
  author: Person;
  text: string;
  createdAt: number;
  url: string | null;
  reason: MentionReason;
  state: MentionState;
  /** When the user's own reply was posted, or when they marked it answered. */
  answeredAt: number | null;
}

/** How one person answers the user's posts that mention them. */
export interface AnswerRate {
  accountId: string;
  person: Person;
  /** The user's recent posts that mention this person. */
  asked: number;
  /** Of those, how many this person replied to. */
  answered: number;
  /** The median time to their reply; null while they have never replied. */
  medianMs: number | null;
  lastAskedAt: number;
}

/** What a briefing can read for one account. */
export type CatchUpReach =
  /** Home timeline, followers' own posts, mentions and replies. */
  | 'full'
  /** Some followers' posts only: the network needs the app password or token for the rest. */
  | 'partial'
  | 'sample'
  | 'unavailable';

export interface CatchUpAccount {
  accountId: string;
  network: Network;
  handle: string;
  reach: CatchUpReach;
  /** What the user can do about a reach below full, in their words; null when there is nothing to say. */
  note: string | null;
  /** The last completed catch-up; null before the first. */
  lastCatchUpAt: number | null;
  /** "Since you were last here": where the posts of the last catch-up begin. */
  since: number | null;
  /** Why the last catch-up did not complete. */
  problem: string | null;
  /** Requests the last catch-up made. */
  requests: number | null;
  /** Followers you do not follow whose posts were read, of all of them: the rest come in turn. */
  readOthers: { read: number; of: number } | null;
}

/** A catch-up under way: shown as progress, and cancellable. */
export interface CatchUpProgress {
  accountId: string;
  phase: 'timeline' | 'followers' | 'mentions' | 'own-posts';
  /** Requests made so far, of at most `total`. */
  done: number;
  total: number;
  waitingUntil?: number;
}

/** What the dashboard, the tray and the navigation show; pushed whenever it changes. */
export interface CatchUpSummary {
  accounts: CatchUpAccount[];
  /** Followers' posts not yet marked scanned. */
  unread: number;
  /** Mentions waiting for an answer. */
  waiting: number;
  loading: CatchUpProgress[];
  /** Bumped with every change of the briefing, so an open view knows to fetch it again. */
  version: number;
}

export interface CatchUpBriefing extends CatchUpSummary {
  /** The newest post first. */
  people: PersonPosts[];
  /** Waiting ones first, the longest waiting first; then the answered and ignored, newest first. */
  mentions: Mention[];
  /** The lowest answer rate first. */
  answerRates: AnswerRate[];
}

/** What to mark scanned: one post, everything of one person, or everything. */
export type ScanTarget =
  { post: string; accountId: string } | { person: string; accountId: string } | { everything: true };

/** "Rarely answers": a third of the user's mentions or fewer answered, of at least two. */
export const rarelyAnswersMinAsked = 2;

export function rarelyAnswers(rate: Pick<AnswerRate, 'asked' | 'answered'>): boolean {
  return rate.asked >= rarelyAnswersMinAsked && rate.answered * 3 <= rate.asked;
}

/** An address the system browser may open: https only, so a post can never smuggle in another scheme. */
export function browserLink(address: string | null | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}
