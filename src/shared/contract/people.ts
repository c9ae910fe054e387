// The contract's methods for the people of the accounts: the lists of follows, what is known of each person,
// keeping and protecting them.
import { z } from 'zod';
import type { GhostFollow, NotFollowingBack, Person } from '../people.ts';
import { keepReasonLimit, type PersonFacts, type PersonSuggestion } from '../personDetails.ts';
import { accountRef } from './accounts.ts';
import { method } from './method.ts';

const listScope = { accountId: z.string().min(1).nullable(), search: z.string().max(200).default('') };
const windowed = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };
const listFilter = z.enum(['all', 'due', 'waiting', 'kept']).default('all');
/** Narrows a list by what is known of the person: never in touch with you, or silent for three months. */
const listOnly = z.enum(['anyone', 'never-interacted', 'inactive']).default('anyone');

/** Each people row carries what Twoway knows of the person (profile, exchanges, outcome), so lists can sort on it. */
export type NotFollowingBackRow = NotFollowingBack & { accountId: string } & PersonFacts;
export type GhostRow = GhostFollow & { accountId: string } & PersonFacts;
export type NotFollowedBackRow = { person: Person; accountId: string } & PersonFacts;
/** Per account, how many would be due now under each grace period asked about, in the order asked. */
export type DueCounts = { accountId: string; due: number[] }[];

export const peopleMethods = {
  /** Ghost follows are not in this list; `ghosts` counts them, for the tab that lists them. */
  listNotFollowingBack: method<{ total: number; due: number; ghosts: number; rows: NotFollowingBackRow[] }>().takes(
    z
      .object({
        ...listScope,
        ...windowed,
        filter: listFilter,
        only: listOnly,
        sort: z
          .enum(['oldest', 'newest', 'handle', 'inactive', 'most-followers', 'fewest-followers'])
          .default('oldest'),
      })
      .strict(),
  ),
  /** Everyone due for unfollowing in a scope and search, in one answer: "Select all N due". */
  listDue: method<{ accountId: string; person: Person }[]>().takes(
    z.object({ accountId: listScope.accountId, search: listScope.search, only: listOnly }).strict(),
  ),
  /** Of the people picked, how many the list shows with this search and filter, and why the rest are hidden. */
  countPickedShown: method<{
    shown: number;
    hiddenBySearch: number;
    hiddenByFilter: number;
    onOtherList: number;
    gone: number;
  }>().takes(
    z
      .object({
        /** Which list is on screen: the two lists of follows share one selection of unfollows. */
        list: z.enum(['not-following-back', 'ghosts']).default('not-following-back'),
        ...listScope,
        filter: listFilter,
        only: listOnly,
        picked: z.array(z.object({ accountId: z.string().min(1), personId: z.string().min(1) }).strict()).max(200_000),
      })
      .strict(),
  ),
  /** Follows that can never follow back: deleted, deactivated, suspended, moved, or blocking the user. */
  listGhosts: method<{ total: number; rows: GhostRow[] }>().takes(z.object({ ...listScope, ...windowed }).strict()),
  /** How many would be due now with each of these grace periods: Settings shows it as the user edits. */
  countDue: method<DueCounts>().takes(
    z
      .object({
        graceDays: z.array(z.number().int().min(0, 'The grace period cannot be negative.').max(365)).min(1).max(10),
      })
      .strict(),
  ),
  listNotFollowedBack: method<{ total: number; rows: NotFollowedBackRow[] }>().takes(
    z.object({ ...listScope, ...windowed }).strict(),
  ),
  /** `reason`: why, in the user's words, shown on the row. */
  setKeep: method<null>().takes(
    accountRef.extend({
      personId: z.string().min(1),
      keep: z.boolean(),
      reason: z.string().trim().max(keepReasonLimit, `Keep the reason under ${keepReasonLimit} characters.`).optional(),
    }),
  ),
  /** What Twoway knows of someone; reads their profile (bio, counts, last post) again when a day old. */
  getPersonDetails: method<PersonFacts>().takes(accountRef.extend({ personId: z.string().min(1) })),
  /** Their picture as a data: URL, fetched and checked by main and cached on disk; null when there is none. */
  getAvatar: method<string | null>().takes(accountRef.extend({ personId: z.string().min(1) })),
  /** People of every account whose handle or name matches, for the outcome form's "With" field. */
  suggestPeople: method<PersonSuggestion[]>().takes(z.object({ search: z.string().max(200) }).strict()),
  /** false lifts the protection an outcome gives someone, so they can be proposed for unfollowing again. */
  setProtected: method<null>().takes(accountRef.extend({ personId: z.string().min(1), protected: z.boolean() })),
} as const;
