// What a people row shows beside the follow: the profile (read lazily, for rows in view, again after a day),
// the mentions and replies exchanged (from the catch-up's briefing), the outcome logged with them, and the user's
// choices (why kept, protection lifted). Reads are batched per account and one batch runs at a time.
import type { Person } from '../../../shared/people.ts';
import {
  keepReasonLimit,
  noInteractions,
  unknownProfile,
  type PersonFacts,
  type PersonSuggestion,
} from '../../../shared/personDetails.ts';
import { DAY, MINUTE } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import { demoAvatar } from '../demo/sampleAvatar.ts';
import { interactionIndex } from '../../core/balance/interactions.ts';
import { matcher } from '../../core/balance/peopleQuery.ts';
import { isProtected, outcomeIndex, protectingTypes } from '../../core/outcomes/personOutcomes.ts';
import type { Accounts } from './accounts.ts';
import type { Avatars } from './avatars.ts';
import type { CatchUp } from '../catchUp/briefing.ts';
import { Failure } from '../failure.ts';
import type { ProfileFacts, ProviderFor } from '../networks/provider.ts';
import type { Outcomes } from '../outcomes/outcomes.ts';
import {
  noChoices,
  openPeopleChoices,
  openProfileCache,
  profilesKept,
  type CachedProfile,
  type PeopleChoices,
  type ProfileCache,
} from './peopleFiles.ts';
import type { Scheduler } from '../scheduler.ts';
import type { StoreContext } from '../store.ts';
import { z } from 'zod';
import { accountKey, byAccount } from '../../core/devices/accountKey.ts';
import type { Fields } from '../../core/devices/sharedRecord.ts';
import type { SharedDoc } from '../devices/sharedDoc.ts';
import type { EventBus } from '../events.ts';

/** A profile is read again once it is this old. */
export const profileFreshMs = DAY;
/** A profile that could not be read is not asked for again before this. */
export const profileRetryMs = 10 * MINUTE;
/** Rows that come into view together are read together: Bluesky takes 25 profiles a request. */
const batchDelayMs = 40;
const batchSize = 25;

export interface PeopleDetailsDeps {
  context: StoreContext;
  /** Keep reasons and lifted protections follow the person to their other devices through it. */
  shared: SharedDoc;
  events: EventBus;
  accounts: Accounts;
  outcomes: Outcomes;
  catchUp: CatchUp;
  avatars: Avatars;
  clock: Clock;
  scheduler: Scheduler;
  providerFor: ProviderFor;
}

/** A keep reason as another device shared it, checked as one typed here; anything else is left out. */
const sharedReason = z.object({ reason: z.string().min(1).max(keepReasonLimit) });

/** The same reasons and lifted protections, in whatever order they were made. */
function sameChoices(a: PeopleChoices, b: PeopleChoices): boolean {
  const reasons = Object.entries(a.keepReasons);
  if (reasons.length !== Object.keys(b.keepReasons).length) return false;
  if (reasons.some(([id, reason]) => b.keepReasons[id] !== reason)) return false;
  const lifted = new Set(b.lifted);
  return a.lifted.length === b.lifted.length && a.lifted.every((id) => lifted.has(id));
}

export function createPeopleDetails(deps: PeopleDetailsDeps) {
  const { context, shared, events, accounts, outcomes, catchUp, avatars, clock, scheduler, providerFor } = deps;
  const caches = new Map<string, ProfileCache>();
  const choicesFile = openPeopleChoices(context);
  const failedAt = new Map<string, number>();
  const waiting = new Map<string, { ids: Set<string>; done: Promise<void>; release: () => void }>();
  const running = new Map<string, Promise<void>>();
  const closing = new AbortController();
  // Grows with every change the rows show, so the lists computed from them are computed again.
  let version = 0;
  // Progress of a catch-up changes nothing the rows show; a new briefing does.
  let briefing: number | null = null;
  outcomes.onChange(() => version++);
  catchUp.onChange((summary) => {
    if (summary.version !== briefing) version++;
    briefing = summary.version;
  });

  function cacheOf(accountId: string): ProfileCache {
    let cache = caches.get(accountId);
    if (!cache) {
      cache = openProfileCache(accountId, context);
      caches.set(accountId, cache);
    }
    return cache;
  }
  const choicesOf = (accountId: string): PeopleChoices => choicesFile.read().accounts[accountId] ?? noChoices();
  function saveChoices(accountId: string, next: PeopleChoices) {
    const all = choicesFile.read().accounts;
    choicesFile.write({ accounts: { ...all, [accountId]: next } });
    version++;
  }

  /** Shares how an account's choices differ from what the devices hold, as this device's edit. */
  function shareChoices(accountId: string, next: PeopleChoices) {
    const now = clock.now();
    const reasons = byAccount(shared.fields('keepReasons')).get(accountId) ?? new Map<string, Fields>();
    const reasonChanges: [string, Fields | null][] = [];
    for (const [id, reason] of Object.entries(next.keepReasons)) {
      if (reasons.get(id)?.reason !== reason) reasonChanges.push([accountKey(accountId, id), { reason }]);
    }
    for (const id of reasons.keys())
      if (!(id in next.keepReasons)) reasonChanges.push([accountKey(accountId, id), null]);
    shared.set('keepReasons', reasonChanges, now);
    const lifted = byAccount(shared.fields('lifted')).get(accountId) ?? new Map<string, Fields>();
    const wanted = new Set(next.lifted);
    const liftedChanges: [string, Fields | null][] = [
      ...next.lifted
        .filter((id) => !lifted.has(id))
        .map((id): [string, Fields] => [accountKey(accountId, id), { at: now }]),
      ...[...lifted.keys()]
        .filter((id) => !wanted.has(id))
        .map((id): [string, null] => [accountKey(accountId, id), null]),
    ];
    shared.set('lifted', liftedChanges, now);
  }

  /** Choices made here before they were shared join the devices' once: those no device has a record of. */
  function joinChoices() {
    const reasons = byAccount(shared.records('keepReasons'));
    const lifted = byAccount(shared.records('lifted'));
    const now = clock.now();
    const reasonChanges: [string, Fields][] = [];
    const liftedChanges: [string, Fields][] = [];
    for (const [accountId, choices] of Object.entries(choicesFile.read().accounts)) {
      for (const [id, reason] of Object.entries(choices.keepReasons)) {
        if (!reasons.get(accountId)?.has(id)) reasonChanges.push([accountKey(accountId, id), { reason }]);
      }
      for (const id of choices.lifted) {
        if (!lifted.get(accountId)?.has(id)) liftedChanges.push([accountKey(accountId, id), { at: now }]);
      }
    }
    shared.set('keepReasons', reasonChanges, now);
    shared.set('lifted', liftedChanges, now);
  }

  /**
   * Takes the devices' choices into each account this device has: where the devices have a record of a person,
   * theirs; where not, this device's. A reason that does not read as one typed here is left out. True on a change.
   */
  function adoptChoices(): boolean {
    const reasonsPresent = byAccount(shared.fields('keepReasons'));
    const reasonsKnown = byAccount(shared.records('keepReasons'));
    const liftedPresent = byAccount(shared.fields('lifted'));
    const liftedKnown = byAccount(shared.records('lifted'));
    const all = choicesFile.read().accounts;
    const next: Record<string, PeopleChoices> = { ...all };
    let any = false;
    for (const account of accounts.list()) {
      const local = all[account.id] ?? noChoices();
      const keepReasons: Record<string, string> = {};
      const reasonKnown = reasonsKnown.get(account.id);
      for (const [id, reason] of Object.entries(local.keepReasons)) if (!reasonKnown?.has(id)) keepReasons[id] = reason;
      for (const [id, fields] of reasonsPresent.get(account.id) ?? []) {
        const parsed = sharedReason.safeParse(fields);
        if (parsed.success) keepReasons[id] = parsed.data.reason;
        else if (id in local.keepReasons) keepReasons[id] = local.keepReasons[id]!;
      }
      const present = liftedPresent.get(account.id) ?? new Map<string, Fields>();
      const known = liftedKnown.get(account.id);
      const lifted = local.lifted.filter((id) => !known?.has(id) || present.has(id));
      const here = new Set(lifted);
      for (const id of present.keys()) if (!here.has(id)) lifted.push(id);
      const choices = { keepReasons, lifted };
      if (sameChoices(choices, local)) continue;
      if (!all[account.id] && Object.keys(keepReasons).length === 0 && lifted.length === 0) continue;
      next[account.id] = choices;
      any = true;
    }
    if (!any) return false;
    choicesFile.keep({ accounts: next });
    version++;
    return true;
  }

  try {
    joinChoices();
  } catch {
    // The disk refused the shared document: the choices stay here and join at the next start.
  }
  adoptChoices();
  // An account added here takes what the other devices chose for it.
  accounts.onChange(() => adoptChoices());
  shared.onMerge(({ sections }) => {
    if (!sections.has('keepReasons') && !sections.has('lifted')) return;
    // The rows show the choices: windows read the lists again, as after a sync.
    if (adoptChoices()) events.emit('balancesChanged', accounts.balances());
  });

  /** Everything a list of one account shows per person, from what is known now: indexes built once. */
  function factsFor(accountId: string): (person: Person) => PersonFacts {
    const account = accounts.find(accountId);
    const profiles = cacheOf(accountId).read().profiles;
    const linked = outcomeIndex(outcomes.list(), account.network);
    const exchanged = interactionIndex(catchUp.all()[accountId] ?? { mentions: [], asked: [], answers: [] });
    const choices = choicesOf(accountId);
    const lifted = new Set(choices.lifted);
    return (person) => {
      const profile = profiles[person.id];
      const outcome = linked(person);
      return {
        ...(profile
          ? {
              bio: profile.bio,
              followersCount: profile.followersCount,
              followingCount: profile.followingCount,
              lastPostAt: profile.lastPostAt,
              hasAvatar: profile.avatarUrl !== null,
              detailsAt: profile.detailsAt,
            }
          : unknownProfile),
        interactions: exchanged(person.id) ?? noInteractions,
        outcome,
        protected: isProtected(outcome, lifted.has(person.id)),
        keepReason: choices.keepReasons[person.id] ?? null,
      };
    };
  }

  function protectedFor(accountId: string): ((person: Person) => boolean) | null {
    const all = outcomes.list();
    if (!all.some((o) => protectingTypes.has(o.type))) return null;
    const linked = outcomeIndex(all, accounts.find(accountId).network);
    const lifted = new Set(choicesOf(accountId).lifted);
    return (person) => isProtected(linked(person), lifted.has(person.id));
  }

  function personOf(accountId: string, personId: string): Person {
    const data = accounts.data(accounts.find(accountId).id);
    const person = data.following.find((p) => p.id === personId) ?? data.followers.find((p) => p.id === personId);
    if (!person) throw new Failure('not-found', 'This person is no longer in the last sync; sync again.');
    return person;
  }

  const stale = (profile: CachedProfile | undefined, now: number) =>
    profile === undefined || now - profile.detailsAt >= profileFreshMs;

  function store(accountId: string, read: ProfileFacts[], asked: string[]) {
    const now = clock.now();
    const cache = cacheOf(accountId);
    const profiles = { ...cache.read().profiles };
    for (const { id, ...facts } of read) profiles[id] = { ...facts, detailsAt: now };
    // Someone asked about whom the network no longer shows is known as unknown, so they are not asked again today.
    const found = new Set(read.map((p) => p.id));
    for (const id of asked) if (!found.has(id)) failedAt.set(`${accountId}\n${id}`, now);
    const ids = Object.keys(profiles);
    if (ids.length > profilesKept) {
      ids.sort((a, b) => profiles[a]!.detailsAt - profiles[b]!.detailsAt);
      for (const id of ids.slice(0, ids.length - profilesKept)) delete profiles[id];
    }
    cache.keep({ profiles });
    version++;
  }

  async function read(accountId: string, ids: string[]) {
    const account = accounts.find(accountId);
    try {
      const provider = await providerFor(account, { signal: closing.signal, onWait: () => {} });
      if (!provider.profileFacts) return;
      for (let i = 0; i < ids.length; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        store(accountId, await provider.profileFacts(batch), batch);
      }
    } catch {
      // Out of reach, refused, limited: the rows show what is known and ask again after a while.
      const now = clock.now();
      for (const id of ids) failedAt.set(`${accountId}\n${id}`, now);
    }
  }

  /** Adds the person to the account's next batch; resolves once that batch was read. */
  function queueRead(accountId: string, personId: string): Promise<void> {
    let batch = waiting.get(accountId);
    if (!batch) {
      let release = () => {};
      const done = new Promise<void>((resolve) => (release = resolve));
      const next = { ids: new Set<string>(), done, release };
      waiting.set(accountId, next);
      batch = next;
      scheduler.setTimeout(() => {
        waiting.delete(accountId);
        const before = running.get(accountId) ?? Promise.resolve();
        const run = before.then(() => read(accountId, [...next.ids]));
        running.set(accountId, run);
        void run.finally(() => {
          if (running.get(accountId) === run) running.delete(accountId);
          next.release();
        });
      }, batchDelayMs);
    }
    batch.ids.add(personId);
    return batch.done;
  }

  const canRead = (accountId: string) => accounts.canSync(accountId) && accounts.find(accountId).network !== 'x';

  return {
    version: () => version,
    factsFor,
    protectedFor,
    /** Whom an outcome protects among the people this account follows: never unfollowed without a confirm. */
    protectedIds(accountId: string): Set<string> {
      const shielded = protectedFor(accountId);
      if (!shielded) return new Set();
      return new Set(
        accounts
          .data(accountId)
          .following.filter(shielded)
          .map((p) => p.id),
      );
    },
    /** Whether an outcome protects this person now, and which one. */
    protectionOf(accountId: string, person: Person): Pick<PersonFacts, 'outcome' | 'protected'> {
      const { outcome, protected: shielded } = factsFor(accountId)(person);
      return { outcome, protected: shielded };
    },
    /** What is known of someone; their profile is read first when it is a day old and can be read. */
    async details(accountId: string, personId: string): Promise<PersonFacts> {
      const person = personOf(accountId, personId);
      const now = clock.now();
      const failed = failedAt.get(`${accountId}\n${personId}`);
      const retry = failed === undefined || now - failed >= profileRetryMs;
      if (canRead(accountId) && retry && stale(cacheOf(accountId).read().profiles[personId], now)) {
        await queueRead(accountId, personId);
      }
      return factsFor(accountId)(person);
    },
    /** Their picture as a data: URL, or null when there is none or it cannot be had. */
    async avatar(accountId: string, personId: string): Promise<string | null> {
      const person = personOf(accountId, personId);
      const url = cacheOf(accountId).read().profiles[personId]?.avatarUrl ?? null;
      if (url === null) return null;
      if (accounts.find(accountId).connection.network === 'demo') return demoAvatar(person);
      return avatars.get(url);
    },
    /** Up to 12 people of all accounts matching a search: those you follow first, then your followers. */
    suggest(search: string): PersonSuggestion[] {
      const matches = matcher(search);
      const found: PersonSuggestion[] = [];
      const seen = new Set<string>();
      if (!search.trim()) return found;
      for (const account of accounts.list()) {
        const data = accounts.data(account.id);
        for (const person of [...data.following, ...data.followers]) {
          if (found.length === 12) return found;
          const key = `${account.network}\n${person.handle}`;
          if (('ghost' in person && person.ghost) || seen.has(key) || person.handle === person.id || !matches(person))
            continue;
          seen.add(key);
          found.push({ handle: person.handle, displayName: person.displayName, network: account.network });
        }
      }
      return found;
    },
    setKeepReason(accountId: string, personId: string, reason: string | null) {
      const choices = choicesOf(accounts.find(accountId).id);
      const keepReasons = { ...choices.keepReasons };
      if (reason) keepReasons[personId] = reason;
      else delete keepReasons[personId];
      const key = accountKey(accountId, personId);
      if (choices.keepReasons[personId] !== (reason || undefined)) {
        shared.set('keepReasons', [[key, reason ? { reason } : null]], clock.now());
      }
      saveChoices(accountId, { ...choices, keepReasons });
    },
    setProtected(accountId: string, personId: string, on: boolean) {
      const choices = choicesOf(accounts.find(accountId).id);
      const rest = choices.lifted.filter((id) => id !== personId);
      if (on === choices.lifted.includes(personId)) {
        shared.set('lifted', [[accountKey(accountId, personId), on ? null : { at: clock.now() }]], clock.now());
      }
      saveChoices(accountId, { ...choices, lifted: on ? rest : [...rest, personId] });
    },
    /** Every account's keep reasons and lifted protections (for a backup). */
    choices: (): Record<string, PeopleChoices> => choicesFile.read().accounts,
    /** Replaces them all: a restore that was already validated and merged. */
    replaceChoices(all: Record<string, PeopleChoices>) {
      for (const [accountId, choices] of Object.entries(all)) shareChoices(accountId, choices);
      choicesFile.write({ accounts: all });
      version++;
    },
    /** Sample profiles for a sample account, read as of now. */
    putSample(accountId: string, profiles: ProfileFacts[]) {
      store(accountId, profiles, []);
    },
    forget(accountId: string) {
      cacheOf(accountId).keep({ profiles: {} });
      const all = { ...choicesFile.read().accounts };
      delete all[accountId];
      choicesFile.write({ accounts: all });
    },
    close() {
      closing.abort();
    },
  };
}
export type PeopleDetails = ReturnType<typeof createPeopleDetails>;
