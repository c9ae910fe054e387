// What Twoway knows of one person beside the follow itself: their profile (bio, counts, last post), what the
// two of you exchanged, the outcome logged with them, and why they are protected or kept.
import type { OutcomeType } from './outcomes.ts';
import type { Network } from './types.ts';

/** Mentions and replies exchanged, from what the catch-up has read (its last month of mentions, your last 50 posts). */
export interface Interactions {
  /** Their mentions, replies and quotes of you. */
  theyMentioned: number;
  /** Of those, the ones you answered. */
  youAnswered: number;
  /** Your posts that mention them. */
  youMentioned: number;
  /** Of those, the ones they replied to. */
  theyAnswered: number;
  /** The latest of any of these; null when there was none. */
  lastAt: number | null;
}

/** The outcome logged with someone that tells most about them (a client before a lead, the newest first). */
export interface LinkedOutcome {
  id: string;
  type: OutcomeType;
  /** Local day, 'YYYY-MM-DD'. */
  date: string;
}

/** The profile as the network last told it; every figure null where the network does not say (X archives). */
export interface ProfileDetails {
  /** The bio's first line, plain text. */
  bio: string | null;
  followersCount: number | null;
  followingCount: number | null;
  lastPostAt: number | null;
  /** Whether the network names a picture: it is then asked for with getAvatar. */
  hasAvatar: boolean;
  /** When these were read; null while they never were. */
  detailsAt: number | null;
}

export interface PersonFacts extends ProfileDetails {
  interactions: Interactions;
  outcome: LinkedOutcome | null;
  /** Never proposed for unfollowing: an outcome (lead, client, meeting) links them, and the user has not lifted it. */
  protected: boolean;
  /** Why the user keeps them, when they said. */
  keepReason: string | null;
}

export const noInteractions: Interactions = {
  theyMentioned: 0,
  youAnswered: 0,
  youMentioned: 0,
  theyAnswered: 0,
  lastAt: null,
};

export const unknownProfile: ProfileDetails = {
  bio: null,
  followersCount: null,
  followingCount: null,
  lastPostAt: null,
  hasAvatar: false,
  detailsAt: null,
};

export const noFacts: PersonFacts = {
  ...unknownProfile,
  interactions: noInteractions,
  outcome: null,
  protected: false,
  keepReason: null,
};

/** Someone Twoway knows, offered as the person of an outcome so the outcome links to them reliably. */
export interface PersonSuggestion {
  handle: string;
  displayName: string;
  network: Network;
}

/** Outcomes that make someone worth keeping whatever the follow-back says. */
export const protectingOutcomes: readonly OutcomeType[] = ['client', 'lead', 'meeting'];

/** The longest keep reason: a short note, not a document. */
export const keepReasonLimit = 120;
