// The user's network accounts: a small index file, one data file per account, and what is known of each
// (its balance, whether Twoway may write for it); the lists of people come from peopleLists.
import type { AccountData } from '../../../shared/people.ts';
import { noFacts } from '../../../shared/personDetails.ts';
import type { Account, AccountBalance } from '../../../shared/types.ts';
import { DAY } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import { withLearned, type Learned } from '../../core/balance/learnedRelationship.ts';
import { openAccountData } from './accountData.ts';
import { openAccountsIndex } from './accountsIndex.ts';
import type { EventBus } from '../events.ts';
import type { PeopleFactsSource } from './peopleFacts.ts';
import { createPeopleLists } from './peopleLists.ts';
import { Failure } from '../failure.ts';
import { createListeners, type Listener } from '../listeners.ts';
import type { RevokeAccess } from '../networks/mastodon/signOut.ts';
import type { SecretVault } from '../secrets.ts';
import { secretKeys } from '../secrets.ts';
import type { SettingsService } from '../settings.ts';
import type { Store, StoreContext } from '../store.ts';
import type { Fields } from '../../core/devices/sharedRecord.ts';
import { accountKey, byAccount } from '../../core/devices/accountKey.ts';
import { firstSeenChanges } from '../../core/balance/firstSeen.ts';
import type { SharedDoc } from '../devices/sharedDoc.ts';
import { columnsOf } from './accountFile.ts';

export { accountSchema } from './accountsIndex.ts';

export interface AccountsDeps {
  context: StoreContext;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  vault: SecretVault;
  /** The person's keeps and first-seen dates follow them to their other devices through it. */
  shared: SharedDoc;
  /** Ends the access a sign-in gave Twoway, on the account's server, before the account is removed. */
  revokeAccess: RevokeAccess;
}

/** A first-seen date as another device shared it, or null; checked by hand, as there can be one per follow. */
const firstSeenShared = (fields: Fields): number | null =>
  typeof fields.at === 'number' && Number.isFinite(fields.at) ? fields.at : null;

/** Every follow's id and date, from the file's columns where the data is as read (no names decoded). */
function* followDates(data: AccountData): Iterable<readonly [string, number]> {
  const columns = columnsOf(data)?.following;
  if (columns) {
    const ids = columns.ids();
    const dates = columns.followedAt();
    for (let row = 0; row < columns.count; row++) yield [ids[row]!, dates[row]!];
    return;
  }
  for (const followed of data.following) yield [followed.id, followed.followedAt];
}

export function createAccounts({ context, clock, events, settings, vault, shared, revokeAccess }: AccountsDeps) {
  let facts: PeopleFactsSource = { version: () => 0, factsFor: () => () => noFacts, protectedFor: () => null };
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

  const changes = createListeners<AccountBalance[]>();
  const changed = () => {
    const next = balances();
    changes.tell(next);
    events.emit('balancesChanged', next);
  };

  function selected(accountId: string | null): Account[] {
    return accountId === null ? index.read() : [find(accountId)];
  }

  /** The first-seen dates the devices shared, per account, each checked; a bad one is left out. */
  function sharedFirstSeen(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const [accountId, ids] of byAccount(shared.fields('firstSeen'))) {
      const dates = new Map<string, number>();
      for (const [id, fields] of ids) {
        const at = firstSeenShared(fields);
        if (at !== null) dates.set(id, at);
      }
      out.set(accountId, dates);
    }
    return out;
  }

  /**
   * On Mastodon and X, Twoway dates a follow when it first sees it: the earliest any device saw wins, and where
   * this device saw one first, the others are told. Bluesky's dates are the network's own and stay as they are.
   */
  function withFirstSeen(account: Account | undefined, data: AccountData, known?: Map<string, number>): AccountData {
    if (!account || account.network === 'bluesky') return data;
    const accountId = account.id;
    const { earlier, share } = firstSeenChanges(
      followDates(data),
      known ?? sharedFirstSeen().get(accountId) ?? new Map(),
    );
    try {
      const changes = [...share].map(([id, at]): [string, Fields] => [accountKey(accountId, id), { at }]);
      shared.set('firstSeen', changes, clock.now());
    } catch {
      // The date stays here and is offered again at the next sync or start.
    }
    if (earlier.size === 0) return data;
    const following = data.following.map((followed) => {
      const at = earlier.get(followed.id);
      return at === undefined ? followed : { ...followed, followedAt: at };
    });
    return { ...data, following };
  }

  /** Shares an account's whole keep-list as this device's edit (sample data, a restore). */
  function shareKeeps(accountId: string, keep: readonly string[]) {
    const held = byAccount(shared.fields('keeps')).get(accountId) ?? new Map<string, Fields>();
    const wanted = new Set(keep);
    const now = clock.now();
    const changes: [string, Fields | null][] = [
      ...keep.filter((id) => !held.has(id)).map((id): [string, Fields] => [accountKey(accountId, id), { keptAt: now }]),
      ...[...held.keys()]
        .filter((id) => !wanted.has(id))
        .map((id): [string, null] => [accountKey(accountId, id), null]),
    ];
    shared.set('keeps', changes, now);
  }

  /** Keeps made here before they were shared join the devices' once: those no device has a record of. */
  function joinKeeps() {
    const known = byAccount(shared.records('keeps'));
    const now = clock.now();
    const changes: [string, Fields][] = [];
    for (const account of index.read()) {
      for (const id of dataOf(account.id).read().keep) {
        if (!known.get(account.id)?.has(id)) changes.push([accountKey(account.id, id), { keptAt: now }]);
      }
    }
    shared.set('keeps', changes, now);
  }

  /**
   * Takes the keeps and first-seen dates the devices shared into each account this device has; an account file
   * is written only where something changed. True when one was.
   */
  function adoptShared(which: { keeps: boolean; firstSeen: boolean }): boolean {
    const present = which.keeps ? byAccount(shared.fields('keeps')) : null;
    const known = which.keeps ? byAccount(shared.records('keeps')) : null;
    // Read only when they changed: an account with tens of thousands of follows has as many dates.
    const dates = which.firstSeen ? sharedFirstSeen() : null;
    let any = false;
    for (const account of index.read()) {
      const store = dataOf(account.id);
      const data = store.read();
      // A person the devices have a record of is kept as they say; one they never heard of, as this device says.
      const kept = present?.get(account.id) ?? new Map<string, Fields>();
      const recorded = known?.get(account.id) ?? new Map();
      const keep = present ? data.keep.filter((id) => !recorded.has(id) || kept.has(id)) : [...data.keep];
      const here = new Set(keep);
      for (const id of kept.keys()) if (!here.has(id)) keep.push(id);
      const keepChanged = keep.length !== data.keep.length || keep.some((id, i) => id !== data.keep[i]);
      const dated = dates ? withFirstSeen(account, data, dates.get(account.id) ?? new Map()) : data;
      if (!keepChanged && dated === data) continue;
      store.keep(keepChanged ? { ...dated, keep } : dated);
      any = true;
    }
    return any;
  }

  try {
    joinKeeps();
  } catch {
    // The disk refused the shared document: the keeps stay here and join at the next start.
  }
  adoptShared({ keeps: true, firstSeen: true });
  shared.onMerge(({ sections }) => {
    const which = { keeps: sections.has('keeps'), firstSeen: sections.has('firstSeen') };
    if ((which.keeps || which.firstSeen) && adoptShared(which)) changed();
  });

  return {
    /** Where the people rows' details come from: the people details service, once it exists. */
    describeWith(source: PeopleFactsSource) {
      facts = source;
    },
    list: () => index.read(),
    find,
    balances,
    /** Hears every change of an account or its data, before windows are told. */
    onChange: (listener: Listener<AccountBalance[]>) => changes.add(listener),
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
      const account = index.read().find((a) => a.id === accountId);
      dataOf(accountId).write(withFirstSeen(account, data));
      // An account's first sync on this device takes the keeps the other devices made for it.
      adoptShared({ keeps: true, firstSeen: false });
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
      store.keep(
        withFirstSeen(
          index.read().find((a) => a.id === accountId),
          next,
        ),
      );
      changed();
    },
    setKeep(accountId: string, personId: string, keep: boolean) {
      const store = dataOf(find(accountId).id);
      const data = store.read();
      const rest = data.keep.filter((id) => id !== personId);
      if (keep !== data.keep.includes(personId)) {
        shared.set('keeps', [[accountKey(accountId, personId), keep ? { keptAt: clock.now() } : null]], clock.now());
      }
      store.write({ ...data, keep: keep ? [...rest, personId] : rest });
      changed();
    },
    /** Writes an account and its data as given: sample data, or a restore already merged. */
    put(account: Account, data: AccountData) {
      shareKeeps(account.id, data.keep);
      dataOf(account.id).write(withFirstSeen(account, data));
      index.write([...index.read().filter((a) => a.id !== account.id), account]);
      changed();
    },

    ...createPeopleLists({
      selected,
      data: (accountId) => dataOf(accountId).read(),
      clock,
      settings,
      facts: () => facts,
    }),

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
