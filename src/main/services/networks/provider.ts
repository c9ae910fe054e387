// What the sync engine and the action queue need of a network; one implementation per network.
import type { Followed, Ghost, Person } from '../../../shared/people.ts';
import type { Account } from '../../../shared/types.ts';
import type { CatchUpReader } from './catchUpReader.ts';
import type { Page } from './page.ts';
import type { WaitReason } from './resilientFetch.ts';

export interface Profile extends Person {
  followers: number;
  following: number;
  /** Posts published so far, where the network counts them: the report's posts per week. */
  posts?: number;
}

/** What a row shows of someone's profile, as read; null where the network does not say. */
export interface ProfileFacts {
  id: string;
  /** The bio's first line, plain text. */
  bio: string | null;
  followersCount: number | null;
  followingCount: number | null;
  lastPostAt: number | null;
  /** The picture's address, as the network names it; fetched and checked by main only. */
  avatarUrl: string | null;
}

export interface Relationship {
  followsYou: boolean;
  youFollow: boolean;
}

export interface NetworkProvider {
  profile(): Promise<Profile>;
  followersPage(cursor: string | null): Promise<Page<Person>>;
  /** Follows with their date where the network has one (NaN where it does not). */
  followingPage(cursor: string | null): Promise<Page<Followed>>;
  /** Fills in names for ids a page gave without them (Bluesky follow records carry only the DID). */
  people?(ids: string[]): Promise<Person[]>;
  /**
   * Asked right before a write, so nobody who followed back meanwhile is unfollowed. Given the follow as the last
   * sync found it where there is one: its record still tells when the account behind it is gone.
   */
  relationship(person: Person | Followed): Promise<Relationship>;
  unfollow(person: Followed): Promise<void>;
  follow(person: Person): Promise<Followed>;
  /**
   * Of these follows (people who do not follow back), the ones gone from the network or blocking the user, and
   * why; networks that say so in the following list itself (Mastodon) mark them there instead.
   */
  ghosts?(follows: readonly Followed[]): Promise<Map<string, Ghost>>;
  /** Profiles of people in view, for their rows; people the network no longer shows are left out. */
  profileFacts?(ids: string[]): Promise<ProfileFacts[]>;
  /** The feeds a catch-up reads, where the network offers them. */
  catchUp?(): Promise<CatchUpReader>;
  /** Requests made so far, for the sync's cost. */
  requests(): number;
}

/** The provider of an account's network, made for one sync, catch-up or write. */
export type ProviderFor = (
  account: Account,
  options: {
    signal: AbortSignal;
    onWait: (until: number, why: WaitReason) => void;
    /** How long one request may take; the factory's own limit, where set, wins (tests of slow servers). */
    timeoutMs?: number;
    /** Writes are not sent again after no answer (see resilientFetch). */
    writesOnce?: boolean;
  },
) => Promise<NetworkProvider>;
