// The follower side of the domain: people on a network, who follows whom, and what changed.
import type { CountSnapshot } from './types.ts';

export interface Person {
  /** The network's own id: a DID on Bluesky, an account id on Mastodon and X. */
  id: string;
  handle: string;
  displayName: string;
  /** Where the profile lives, kept only when that is another server than the handle names (Mastodon). */
  profileHost?: string | undefined;
}

/** Why someone the user follows can never follow back. */
export type GhostReason = 'deleted' | 'deactivated' | 'suspended' | 'blocks-you' | 'moved';

/** An account the user follows that is gone from its network, moved, or blocks the user. */
export interface Ghost {
  reason: GhostReason;
  /** Where a moved account went: the new account's handle. */
  movedTo?: string | undefined;
}

/** Someone the user follows, and since when: the follow record's date on Bluesky, first seen elsewhere. */
export interface Followed extends Person {
  followedAt: number;
  /** What undoing the follow needs: the follow record's key on Bluesky; null elsewhere. */
  ref: string | null;
  /** Set when the account can never follow back: it is listed apart and never counted as due. */
  ghost?: Ghost | undefined;
}

export type NetworkEventType = 'gained-follower' | 'lost-follower' | 'followed' | 'unfollowed';

export interface NetworkEvent {
  at: number;
  type: NetworkEventType;
  person: Person;
}

/** A row of the list of ghost follows: accounts followed that are gone, moved or block the user. */
export interface GhostFollow {
  person: Person;
  followedAt: number;
  /** Whole days since the follow. */
  days: number;
  ghost: Ghost;
}

/** A row of the "not following back" list. */
export interface NotFollowingBack {
  person: Person;
  followedAt: number;
  /** Whole days since the follow. */
  days: number;
  /** Past the grace period: the policy says unfollow. */
  due: boolean;
  /** On the keep-list: never proposed for unfollowing. */
  kept: boolean;
}

/** Everything known of one network account, as of its last completed sync. */
export interface AccountData {
  /** Sorted by id. */
  followers: Person[];
  /** Sorted by id. */
  following: Followed[];
  /** The ids on the first page of each list, in the network's order: the next sync's cheap check. */
  heads: { followers: string[]; following: string[] };
  history: CountSnapshot[];
  events: NetworkEvent[];
  /** People the user chose never to unfollow. */
  keep: string[];
  /** The last completed sync; null before the first. */
  syncedAt: number | null;
  /** The last sync that read both lists whole (and looked for ghost follows); the cheap check is trusted a day. */
  scannedAt?: number | undefined;
}

export type QueueAction = 'unfollow' | 'follow';

/**
 * One follow or unfollow in the paced queue. `needs-you`: X takes no follow writes from apps, so the user
 * unfollows on the profile page Twoway opens and then marks it done.
 */
export interface QueueItem {
  id: string;
  accountId: string;
  action: QueueAction;
  person: Person;
  state: 'waiting' | 'working' | 'needs-you' | 'done' | 'skipped' | 'failed' | 'cancelled';
  /** Why it was skipped or failed, in the user's words. */
  note: string | null;
  doneAt: number | null;
  /** Until when a done item can be undone (24 hours). */
  undoUntil: number | null;
  /** The item this one undoes. */
  undoes: string | null;
  /** When it was queued: the items queued since the queue was last idle make the batch the tray counts. */
  queuedAt: number;
  /** While working: the moment a wait ends (the network asked Twoway to slow down); the note says why. */
  waitingUntil: number | null;
  /** The user confirmed this unfollow of someone an outcome protects ("Unfollow anyway…"): it goes all the same. */
  unfollowAnyway?: boolean;
}

export interface QueueView {
  items: QueueItem[];
  /** When the next write may go, while any wait. */
  nextAt: number | null;
  /** What holds it back beyond the usual pace, in the user's words ("the daily cap of 100"); null when nothing. */
  nextBecause: string | null;
  /**
   * Grows with every change. A reply can arrive after an event that describes a later state (a write finishes
   * while the reply to its enqueue is on its way): the higher revision is the newer view.
   */
  revision: number;
}
