// Importing the X data archive: how far a running import has come, and what it found.
import type { Person } from './people.ts';
import type { AccountBalance } from './types.ts';

/** A running import; main reports one at a time, and null once none runs. */
export interface XImportProgress {
  step: 'reading' | 'saving';
  /** The archive file being read (data/follower-part2.js), while reading. */
  file: string | null;
  /** Bytes of the archive's lists read so far, and in all (packed bytes, for a zip). */
  done: number;
  total: number;
  /** Whose archive it is, once data/account.js is read: "@handle". */
  owner: string | null;
}

/** The people of one kind of change, the first hundred of them, and how many there are in all. */
export interface ChangedPeople {
  count: number;
  people: Person[];
}

export interface XImportResult {
  balance: AccountBalance;
  /** The owner data/account.js names, when the archive has it. */
  owner: { handle: string; displayName: string } | null;
  followers: number;
  following: number;
  /** When the import before this one was made; null for the first import of this account. */
  previousAt: number | null;
  /** Since the last import: followers gained and lost, your follows added and removed. */
  gained: ChangedPeople;
  lost: ChangedPeople;
  followed: ChangedPeople;
  unfollowed: ChangedPeople;
}
