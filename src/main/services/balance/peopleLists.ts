// The lists of people the views page through (not following back, ghosts, not followed back) and the counts
// Settings shows, computed from each account's last completed sync with the details people carry.
import type { DueCounts, GhostRow, NotFollowingBackRow } from '../../../shared/contract.ts';
import type { AccountData, NotFollowingBack, Person } from '../../../shared/people.ts';
import type { Account } from '../../../shared/types.ts';
import type { Clock } from '../../core/clock.ts';
import { dueCounts, notFollowedBack } from '../../core/balance/followGraph.ts';
import { ghostFollows } from '../../core/balance/ghostFollows.ts';
import { listMemo } from '../../core/balance/listMemo.ts';
import { proposable } from '../../core/outcomes/personOutcomes.ts';
import {
  inFilter,
  inOnly,
  matcher,
  pickedShown,
  sortedRows,
  windowOf,
  type ListFilter,
  type ListOnly,
  type ListSort,
  type Window,
} from '../../core/balance/peopleQuery.ts';
import { ghostCount, notFollowingBackOf, type UnansweredFollows } from './notFollowingBackOf.ts';
import type { PeopleFactsSource } from './peopleFacts.ts';
import type { SettingsService } from '../settings.ts';

export interface PeopleListsDeps {
  /** The accounts a scope holds: the one named, or every account where none is. */
  selected: (accountId: string | null) => Account[];
  data: (accountId: string) => AccountData;
  clock: Clock;
  settings: SettingsService;
  /** Where the rows' details come from, asked each time: the people details service exists only later. */
  facts: () => PeopleFactsSource;
}

/** A row of the list before its details: whom an outcome protects is all the filters and counts read of them. */
type ListedRow = NotFollowingBack & { accountId: string; protected?: boolean };

/** Sorts and the narrowing that read the profile or the exchanges need every row's details first. */
const needsDetails = (sort: ListSort, only: ListOnly) =>
  only !== 'anyone' || (sort !== 'oldest' && sort !== 'newest' && sort !== 'handle');

export function createPeopleLists({ selected, data, clock, settings, facts }: PeopleListsDeps) {
  // The list a view pages through is computed once per account, data, facts and minute, not once per window;
  // the details are added to the rows a window shows, or to all rows only when a sort or narrowing reads them.
  type Cached = {
    key: string;
    list: UnansweredFollows;
    shielded: ((person: Person) => boolean) | null;
    rows?: ListedRow[];
    detailed?: NotFollowingBackRow[];
  };
  const rowCache = new WeakMap<AccountData, Cached>();
  function cachedOf(accountId: string, now: number, graceDays: number): Cached {
    const kept = data(accountId);
    const key = `${Math.floor(now / 60_000)}/${graceDays}/${facts().version()}`;
    const cached = rowCache.get(kept);
    if (cached?.key === key) return cached;
    const list = notFollowingBackOf(kept, new Set(kept.keep), now, graceDays);
    const made: Cached = { key, list, shielded: facts().protectedFor(accountId) };
    rowCache.set(kept, made);
    return made;
  }
  function rowsOf(accountId: string, now: number, graceDays: number): ListedRow[] {
    const cached = cachedOf(accountId, now, graceDays);
    const { list, shielded } = cached;
    cached.rows ??= Array.from({ length: list.length }, (_, k) => {
      const row: ListedRow = { ...list.row(k), accountId };
      if (shielded) row.protected = shielded(row.person);
      return row;
    });
    return cached.rows;
  }
  function detailedRowsOf(accountId: string, now: number, graceDays: number): NotFollowingBackRow[] {
    const cached = cachedOf(accountId, now, graceDays);
    if (!cached.detailed) {
      const about = facts().factsFor(accountId);
      cached.detailed = rowsOf(accountId, now, graceDays).map((row) => ({ ...row, ...about(row.person) }));
    }
    return cached.detailed;
  }
  /** The rows with their details, each account's facts read once. */
  function detailed(rows: ListedRow[]): NotFollowingBackRow[] {
    const about = new Map<string, ReturnType<PeopleFactsSource['factsFor']>>();
    return rows.map((row) => {
      if ('detailsAt' in row) return row as NotFollowingBackRow;
      let of = about.get(row.accountId);
      if (!of) about.set(row.accountId, (of = facts().factsFor(row.accountId)));
      return { ...row, ...of(row.person) };
    });
  }

  const listed = listMemo<ListedRow>(8);

  return {
    notFollowingBack(
      accountId: string | null,
      query: { search: string; filter: ListFilter; only?: ListOnly; sort: ListSort; offset: number; limit: number },
    ): Window<NotFollowingBackRow> & { due: number; ghosts: number } {
      const now = clock.now();
      const { graceDays } = settings.get();
      const matches = matcher(query.search);
      const accounts = selected(accountId);
      const only = query.only ?? 'anyone';
      const full = needsDetails(query.sort, only);
      // One account's whole list by follow date, with no outcome protecting anyone: it is already in the order
      // shown, so only the window's rows are made.
      const lone = accounts.length === 1 ? cachedOf(accounts[0]!.id, now, graceDays) : null;
      if (
        lone &&
        !lone.shielded &&
        query.filter === 'all' &&
        only === 'anyone' &&
        query.sort === 'oldest' &&
        !query.search.trim()
      ) {
        const { list } = lone;
        const end = Math.min(list.length, query.offset + query.limit);
        const page = Array.from({ length: Math.max(0, end - query.offset) }, (_, k) => ({
          ...list.row(query.offset + k),
          accountId: accounts[0]!.id,
        }));
        return { total: list.length, rows: detailed(page), due: list.due(), ghosts: ghostCount(data(accounts[0]!.id)) };
      }
      const parts: ListedRow[][] = accounts.map((account) =>
        full ? detailedRowsOf(account.id, now, graceDays) : rowsOf(account.id, now, graceDays),
      );
      const rows = parts.flat();
      const due = rows.filter(proposable).length;
      const ghosts = accounts.reduce((n, a) => n + ghostCount(data(a.id)), 0);
      const wanted = listed(JSON.stringify([accountId, query.search, query.filter, only, query.sort]), parts, () =>
        // Without details, the sort is by follow date or handle: the only keys these rows carry.
        sortedRows(
          (rows as NotFollowingBackRow[]).filter(
            (row) => inFilter(row, query.filter) && (!full || inOnly(row, only, now)) && matches(row.person),
          ),
          query.sort,
        ),
      );
      const page = windowOf(wanted, query.offset, query.limit);
      return { total: page.total, rows: detailed(page.rows), due, ghosts };
    },

    /** Of the people picked in a scope, how many its list shows with this search and filter. */
    pickedShown(
      accountId: string | null,
      picked: { accountId: string; personId: string }[],
      query: { list: 'not-following-back' | 'ghosts'; search: string; filter: ListFilter; only: ListOnly },
    ) {
      const now = clock.now();
      const { graceDays } = settings.get();
      const accounts = selected(accountId);
      const keyOf = (row: { accountId: string; person: { id: string } }) => `${row.accountId}\n${row.person.id}`;
      const keys = new Set(picked.map((p) => `${p.accountId}\n${p.personId}`));
      const rows = accounts.flatMap((account) => detailedRowsOf(account.id, now, graceDays));
      const ghosts = accounts.flatMap((account) =>
        ghostFollows(data(account.id).following, now).map((row) => ({ ...row, accountId: account.id })),
      );
      if (query.list === 'ghosts') {
        return pickedShown(ghosts, keys, keyOf, query.search, () => true, new Set(rows.map(keyOf)));
      }
      const fits = (row: NotFollowingBackRow) => inFilter(row, query.filter) && inOnly(row, query.only, now);
      return pickedShown(rows, keys, keyOf, query.search, fits, new Set(ghosts.map(keyOf)));
    },

    /** Follows that can never follow back (gone, moved, blocking the user), oldest follow first. */
    ghosts(accountId: string | null, query: { search: string; offset: number; limit: number }): Window<GhostRow> {
      const now = clock.now();
      const matches = matcher(query.search);
      const rows = selected(accountId).flatMap((account) => {
        const about = facts().factsFor(account.id);
        return ghostFollows(data(account.id).following, now)
          .filter((row) => matches(row.person))
          .map((row) => ({ ...row, accountId: account.id, ...about(row.person) }));
      });
      rows.sort((a, b) => a.followedAt - b.followedAt);
      return windowOf(rows, query.offset, query.limit);
    },

    /** Who would be due now under each grace period, per account: what Settings shows as the user edits. */
    dueCounts(graceDays: number[]): DueCounts {
      const now = clock.now();
      return selected(null).map((account) => {
        const kept = data(account.id);
        const shielded = facts().protectedFor(account.id);
        // Protected people are never due, like kept ones.
        const keep = new Set([...kept.keep, ...(shielded ? kept.following.filter(shielded).map((p) => p.id) : [])]);
        return { accountId: account.id, due: dueCounts(kept, keep, now, graceDays) };
      });
    },

    notFollowedBack(accountId: string | null, query: { search: string; offset: number; limit: number }) {
      const matches = matcher(query.search);
      const rows = selected(accountId).flatMap((account) => {
        const about = facts().factsFor(account.id);
        return notFollowedBack(data(account.id))
          .filter(matches)
          .map((person) => ({ person, accountId: account.id, ...about(person) }));
      });
      return windowOf(rows, query.offset, query.limit);
    },
  };
}
