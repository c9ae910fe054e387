// The user's network accounts: a small index file, one data file per account, and the lists the views
// ask for (not following back, not followed back), computed from the last completed sync.
import type { DueCounts, GhostRow, NotFollowingBackRow } from '../../../shared/contract.ts';
import type { AccountData } from '../../../shared/people.ts';
import { noFacts } from '../../../shared/personDetails.ts';
import type { Account, AccountBalance } from '../../../shared/types.ts';
import { DAY } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import { dueCounts, notFollowedBack } from '../../core/balance/followGraph.ts';
import { ghostFollows } from '../../core/balance/ghostFollows.ts';
import { withLearned, type Learned } from '../../core/balance/learnedRelationship.ts';
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
import { openAccountData } from './accountData.ts';
import { openAccountsIndex } from './accountsIndex.ts';
import { ghostCount, notFollowingBackOf } from './notFollowingBackOf.ts';
import type { EventBus } from '../events.ts';
import type { PeopleFactsSource } from './peopleFacts.ts';
import { Failure } from '../failure.ts';
import type { RevokeAccess } from '../networks/mastodon/signOut.ts';
import type { SecretVault } from '../secrets.ts';
import { secretKeys } from '../secrets.ts';
import type { SettingsService } from '../settings.ts';
import type { Store, StoreContext } from '../store.ts';

export { accountSchema } from './accountsIndex.ts';

export interface AccountsDeps {
  context: StoreContext;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  vault: SecretVault;
  /** Ends the access a sign-in gave Twoway, on the account's server, before the account is removed. */
  revokeAccess: RevokeAccess;
}

export function createAccounts({ context, clock, events, settings, vault, revokeAccess }: AccountsDeps) {
  let facts: PeopleFactsSource = { version: () => 0, factsFor: () => () => noFacts };
  const { index, renamed } = openAccountsIndex(context);
  const files = new Map<string, Store<AccountData>>();
  const problems = new Map<string, string>();
  const leftOut = new Map<string, string>();
  const writable = new Set<string>();

  function dataOf(accountId: string): Store<AccountData> {
    let store = files.get(accountId);
    if (!store) {
      store = openAccountData(accountId, context);
      files.set(accountId, store);
    }
    return store;
  }

  function find(accountId: string): Account {
    const account = index.read().find((a) => a.id === accountId);
    if (!account) throw new Failure('not-found', 'This account is no longer in Twoway.');
    return account;
  }

  function weekOf(data: AccountData): AccountBalance['week'] {
    const since = clock.now() - 7 * DAY;
    const recent = data.events.filter((e) => e.at > since);
    return {
      gained: recent.filter((e) => e.type === 'gained-follower').length,
      lost: recent.filter((e) => e.type === 'lost-follower').length,
    };
  }

  const balances = (): AccountBalance[] =>
    index.read().map((account) => {
      const data = dataOf(account.id).read();
      return {
        account,
        history: data.history,
        syncedAt: data.syncedAt,
        canWrite: writable.has(account.id),
        week: weekOf(data),
        problem: problems.get(account.id) ?? null,
        leftOut: leftOut.get(account.id) ?? null,
      };
    });

  const changed = () => events.emit('balancesChanged', balances());

  // The list a view pages through is computed once per account, data, facts and minute, not once per window.
  const rowCache = new WeakMap<AccountData, { key: string; rows: NotFollowingBackRow[] }>();
  function rowsOf(accountId: string, now: number, graceDays: number): NotFollowingBackRow[] {
    const data = dataOf(accountId).read();
    const key = `${Math.floor(now / 60_000)}/${graceDays}/${facts.version()}`;
    const cached = rowCache.get(data);
    if (cached?.key === key) return cached.rows;
    const about = facts.factsFor(accountId);
    const rows = notFollowingBackOf(data, new Set(data.keep), now, graceDays).map((row) => ({
      ...row,
      accountId,
      ...about(row.person),
    }));
    rowCache.set(data, { key, rows });
    return rows;
  }

  const listed = listMemo<NotFollowingBackRow>(8);

  function selected(accountId: string | null): Account[] {
    return accountId === null ? index.read() : [find(accountId)];
  }

  return {
    /** Where the people rows' details come from: the people details service, once it exists. */
    describeWith(source: PeopleFactsSource) {
      facts = source;
    },
    list: () => index.read(),
    find,
    balances,
    data: (accountId: string) => dataOf(accountId).read(),
    isEmpty: () => index.read().length === 0,
    /** Whether a sync can reach this account: sample accounts never, X accounts only with an API token. */
    canSync(accountId: string): boolean {
      const { network } = find(accountId).connection;
      return network !== 'demo' && (network !== 'x' || writable.has(accountId));
    },

    /** Adds or, for an account already known, updates how to reach it; secrets go to the vault only. */
    async save(
      account: Account,
      secrets: { password?: string; token?: string; session?: string | null; app?: string },
    ) {
      const keys = secretKeys(account.id);
      if (secrets.password) await vault.set(keys.password, secrets.password);
      if (secrets.token) await vault.set(keys.token, secrets.token);
      // The app a token was signed in with revokes it later; a pasted token has none.
      if (secrets.token && secrets.app) await vault.set(keys.app, secrets.app);
      else if (secrets.token) await vault.delete(keys.app);
      if (secrets.session) await vault.set(keys.session, secrets.session);
      if (secrets.password || secrets.token) writable.add(account.id);
      index.write([...index.read().filter((a) => a.id !== account.id), account]);
      changed();
    },
    /** Ends the access a sign-in gave Twoway on the account's server; throws, changing nothing, if it cannot. */
    async endAccess(accountId: string) {
      const keys = secretKeys(accountId);
      await revokeAccess(find(accountId), { token: await vault.get(keys.token), app: await vault.get(keys.app) });
    },
    async remove(accountId: string) {
      find(accountId);
      const keys = secretKeys(accountId);
      await Promise.all(Object.values(keys).map((key) => vault.delete(key)));
      writable.delete(accountId);
      index.write(index.read().filter((a) => a.id !== accountId));
      changed();
    },
    /** A completed sync, written in one go, with what it had to leave out. */
    commit(accountId: string, data: AccountData, omitted: string | null = null) {
      dataOf(accountId).write(data);
      problems.delete(accountId);
      if (omitted === null) leftOut.delete(accountId);
      else leftOut.set(accountId, omitted);
      changed();
    },
    reportProblem(accountId: string, message: string | null) {
      if (message === null) problems.delete(accountId);
      else problems.set(accountId, message);
      changed();
    },
    /** After a write, or the check right before it: lists and counts change at once rather than at the next sync. */
    applyWrite(accountId: string, learned: Learned) {
      const store = dataOf(accountId);
      const data = store.read();
      const next = withLearned(data, learned, clock.now());
      if (next === data) return;
      // The network has changed already: what is known of it is kept even when the disk refuses it for now.
      store.keep(next);
      changed();
    },
    setKeep(accountId: string, personId: string, keep: boolean) {
      const store = dataOf(find(accountId).id);
      const data = store.read();
      const rest = data.keep.filter((id) => id !== personId);
      store.write({ ...data, keep: keep ? [...rest, personId] : rest });
      changed();
    },
    /** Writes an account and its data as given: sample data, or a restore already merged. */
    put(account: Account, data: AccountData) {
      dataOf(account.id).write(data);
      index.write([...index.read().filter((a) => a.id !== account.id), account]);
      changed();
    },

    notFollowingBack(
      accountId: string | null,
      query: { search: string; filter: ListFilter; only?: ListOnly; sort: ListSort; offset: number; limit: number },
    ): Window<NotFollowingBackRow> & { due: number; ghosts: number } {
      const now = clock.now();
      const { graceDays } = settings.get();
      const matches = matcher(query.search);
      const accounts = selected(accountId);
      const parts = accounts.map((account) => rowsOf(account.id, now, graceDays));
      const rows = parts.flat();
      const due = rows.filter(proposable).length;
      const ghosts = accounts.reduce((n, a) => n + ghostCount(dataOf(a.id).read()), 0);
      const only = query.only ?? 'anyone';
      const wanted = listed(JSON.stringify([accountId, query.search, query.filter, only, query.sort]), parts, () =>
        sortedRows(
          rows.filter((row) => inFilter(row, query.filter) && inOnly(row, only, now) && matches(row.person)),
          query.sort,
        ),
      );
      return { ...windowOf(wanted, query.offset, query.limit), due, ghosts };
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
      const rows = accounts.flatMap((account) => rowsOf(account.id, now, graceDays));
      const ghosts = accounts.flatMap((account) =>
        ghostFollows(dataOf(account.id).read().following, now).map((row) => ({ ...row, accountId: account.id })),
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
        const about = facts.factsFor(account.id);
        return ghostFollows(dataOf(account.id).read().following, now)
          .filter((row) => matches(row.person))
          .map((row) => ({ ...row, accountId: account.id, ...about(row.person) }));
      });
      rows.sort((a, b) => a.followedAt - b.followedAt);
      return windowOf(rows, query.offset, query.limit);
    },

    /** Who would be due now under each grace period, per account: what Settings shows as the user edits. */
    dueCounts(graceDays: number[]): DueCounts {
      const now = clock.now();
      return index.read().map((account) => {
        const data = dataOf(account.id).read();
        const about = facts.factsFor(account.id);
        // Protected people are never due, like kept ones.
        const keep = new Set([...data.keep, ...data.following.filter((p) => about(p).protected).map((p) => p.id)]);
        return { accountId: account.id, due: dueCounts(data, keep, now, graceDays) };
      });
    },

    notFollowedBack(accountId: string | null, query: { search: string; offset: number; limit: number }) {
      const matches = matcher(query.search);
      const rows = selected(accountId).flatMap((account) => {
        const about = facts.factsFor(account.id);
        return notFollowedBack(dataOf(account.id).read())
          .filter(matches)
          .map((person) => ({ person, accountId: account.id, ...about(person) }));
      });
      return windowOf(rows, query.offset, query.limit);
    },

    /** Whether the vault holds what writes need, checked once at start-up (secrets stay in main). */
    async loadWritable() {
      for (const [from, to] of renamed) {
        for (const kind of ['password', 'token', 'session', 'app'] as const) {
          const secret = await vault.get(secretKeys(from)[kind]);
          if (secret === null) continue;
          await vault.set(secretKeys(to)[kind], secret);
          await vault.delete(secretKeys(from)[kind]);
        }
      }
      renamed.clear();
      for (const account of index.read()) {
        const keys = secretKeys(account.id);
        if ((await vault.get(keys.password)) || (await vault.get(keys.token))) writable.add(account.id);
      }
      // The desktop app reads the vault once its window shows, so a window may already list these accounts.
      if (writable.size > 0) changed();
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
