// The paced, safe follow/unfollow queue. One write at a time, spaced per network from its own limits and capped
// per day; each person is checked again right before their write, so nobody who followed back or became protected
// meanwhile is unfollowed. Done writes can be undone for 24 hours. The queue survives a restart in its own file.
import type { Person, QueueAction, QueueItem, QueueView } from '../../../shared/people.ts';
import type { PersonFacts } from '../../../shared/personDetails.ts';
import { DAY, dayKey } from '../../../shared/calendar.ts';
import { networkNames, writeBudgets, writeShareWords } from '../../../shared/networkFacts.ts';
import type { Clock } from '../../core/clock.ts';
import { keptByProtection, protectedChoice } from '../../core/balance/queueProtection.ts';
import { nextWriteAt } from '../../core/balance/writePacing.ts';
import type { Accounts } from './accounts.ts';
import type { EventBus } from '../events.ts';
import { Failure } from '../failure.ts';
import { createListeners, type Listener } from '../listeners.ts';
import type { ProviderFor } from '../networks/provider.ts';
import { openQueueFile, reopenCutShort, type QueueFile } from './queueFile.ts';
import { performWrite, type WriteOutcome } from './queuedWrite.ts';
import { singleTimer, type Scheduler } from '../scheduler.ts';
import type { SettingsService } from '../settings.ts';
import type { StoreContext } from '../store.ts';

/** Finished items kept for the log. */
const keptItems = 500;
const unfinished: readonly QueueItem['state'][] = ['waiting', 'working', 'needs-you'];
type AddOptions = { undoes?: string | null; unfollowAnyway?: ReadonlySet<string> };

export interface QueueDeps {
  context: StoreContext;
  accounts: Accounts;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  settings: SettingsService;
  providerFor: ProviderFor;
  newId: () => string;
  /** The locale the queue's messages write times in. */
  locale: string;
  /** Whom an outcome protects, per account: left out of unfollows the user did not confirm for them. */
  protectedIds: (accountId: string) => ReadonlySet<string>;
  /** Whether an outcome protects this person now, and which: asked again right before each unfollow. */
  protectionOf: (accountId: string, person: Person) => Pick<PersonFacts, 'outcome' | 'protected'>;
}

export function createActionQueue(deps: QueueDeps) {
  const { context, accounts, clock, scheduler, events, settings, providerFor, newId } = deps;
  const store = openQueueFile(context);
  const wake = singleTimer(scheduler);
  const closing = new AbortController();
  let working: { id: string; cancel: AbortController } | null = null;
  let revision = 0;
  const changes = createListeners<QueueView>();

  // A write interrupted by a quit is tried again after its re-check, which also tells whether it was made.
  const cutShort = reopenCutShort(store);
  const interrupted = cutShort.size > 0;

  /** When the item may go, and what holds it back beyond the pace, in the user's words. */
  function nextOf(item: QueueItem): { at: number; because: string | null } {
    const account = accounts.find(item.accountId);
    const { dailyWriteCap } = settings.get();
    const next = nextWriteAt(
      store.read().writes[item.accountId] ?? [],
      { action: item.action, budgets: writeBudgets[account.network], dailyCap: dailyWriteCap },
      clock.now(),
    );
    // The network asked for a wait longer than a request holds out.
    if (item.waitingUntil !== null && item.waitingUntil > next.at) return { at: item.waitingUntil, because: item.note };
    if (next.heldBy === 'pace') return { at: next.at, because: null };
    if (next.heldBy === 'daily-cap') return { at: next.at, because: `the daily cap of ${dailyWriteCap} per account` };
    return {
      at: next.at,
      because: `Twoway keeps to ${writeShareWords} of ${networkNames[account.network]}’s ${next.heldBy.what}`,
    };
  }

  function view(): QueueView {
    const items = store.read().items;
    const known = new Set(accounts.list().map((a) => a.id));
    const waiting = items.filter((i) => i.state === 'waiting' && known.has(i.accountId));
    const next = waiting.length > 0 ? waiting.map(nextOf).reduce((a, b) => (b.at < a.at ? b : a)) : null;
    return { items: [...items].reverse(), nextAt: next?.at ?? null, nextBecause: next?.because ?? null, revision };
  }

  function save(file: QueueFile) {
    const finished = file.items.filter((i) => !unfinished.includes(i.state));
    const drop = new Set(finished.slice(0, Math.max(0, finished.length - keptItems)).map((i) => i.id));
    // The record of writes under way, mostly made as they run: a full disk must not stop them or lose it.
    store.keep({ ...file, items: file.items.filter((i) => !drop.has(i.id)) });
    revision++;
    const next = view();
    changes.tell(next);
    events.emit('queueChanged', next);
  }

  function update(id: string, patch: Partial<QueueItem>) {
    const file = store.read();
    save({ ...file, items: file.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
  }

  function recordWrite(item: QueueItem) {
    const file = store.read();
    const recent = (file.writes[item.accountId] ?? []).filter((w) => w.at > clock.now() - DAY);
    const made = [...recent, { at: clock.now(), action: item.action }];
    save({ ...file, writes: { ...file.writes, [item.accountId]: made } });
  }

  function settle(item: QueueItem, outcome: WriteOutcome) {
    if (outcome.state === 'interrupted' || closing.signal.aborted) return;
    if (outcome.state === 'waiting') {
      return update(item.id, { state: 'waiting', note: outcome.note, waitingUntil: outcome.until });
    }
    const done = outcome.state === 'done';
    if (done) recordWrite(item);
    update(item.id, {
      state: outcome.state,
      note: outcome.note,
      waitingUntil: null,
      ...(done ? { doneAt: clock.now(), undoUntil: clock.now() + DAY } : {}),
    });
  }

  async function perform(item: QueueItem, cancel: AbortController) {
    const account = accounts.find(item.accountId);
    const outcome = await performWrite(
      {
        item,
        account,
        known: accounts.data(item.accountId).following.find((f) => f.id === item.person.id),
        interrupted: cutShort.delete(item.id),
        cancel: cancel.signal,
        closing: closing.signal,
        onWait: (until, why) => {
          if (!closing.signal.aborted) update(item.id, { waitingUntil: until, note: why });
        },
        // An account removed meanwhile keeps no data to change.
        learn: (learned) => {
          if (accounts.list().some((a) => a.id === item.accountId)) accounts.applyWrite(item.accountId, learned);
        },
        keptBy: () => keptByProtection(item, deps.protectionOf(item.accountId, item.person), dayKey(clock.now())),
      },
      { providerFor, scheduler, clock, locale: deps.locale },
    );
    settle(item, outcome);
  }

  /** Runs the next waiting item when its network's pace allows, then plans the one after. */
  function pump() {
    if (working || closing.signal.aborted) return;
    const next = store.read().items.find((i) => i.state === 'waiting');
    if (!next) return wake.disarm();
    // An account removed from Twoway (or a file from elsewhere) leaves entries that can never be written.
    if (!accounts.list().some((a) => a.id === next.accountId)) {
      update(next.id, { state: 'cancelled', note: 'The account is no longer in Twoway.' });
      return pump();
    }
    const { at } = nextOf(next);
    if (at > clock.now()) return wake.arm(pump, at - clock.now());
    const cancel = new AbortController();
    working = { id: next.id, cancel };
    update(next.id, { state: 'working', note: null, waitingUntil: null });
    perform(next, cancel)
      .catch((error: unknown) => {
        if (closing.signal.aborted) return;
        update(next.id, { state: 'failed', note: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        working = null;
        pump();
      });
  }

  function add(accountId: string, action: QueueAction, people: Person[], options: AddOptions = {}): QueueView {
    const { undoes = null, unfollowAnyway = new Set<string>() } = options;
    const account = accounts.find(accountId);
    if (account.connection.network === 'demo') {
      throw new Failure('conflict', 'Sample accounts cannot follow or unfollow anyone: add your own account.');
    }
    if (account.network !== 'x' && !accounts.balances().find((b) => b.account.id === accountId)?.canWrite) {
      const secret = account.network === 'bluesky' ? 'an app password' : 'an access token';
      throw new Failure(
        'conflict',
        `Add ${secret} for ${account.handle} first: Twoway needs it to follow and unfollow.`,
      );
    }
    // X takes no follow writes from apps: the user acts on the profile page and marks it done.
    const state: QueueItem['state'] = account.network === 'x' ? 'needs-you' : 'waiting';
    const queued = new Set(
      store
        .read()
        .items.filter((i) => unfinished.includes(i.state))
        .map((i) => `${i.accountId}/${i.person.id}`),
    );
    const items = people
      .filter((p) => !queued.has(`${accountId}/${p.id}`))
      .map((p): QueueItem => ({
        id: newId(),
        accountId,
        action,
        person: p,
        state,
        note: null,
        doneAt: null,
        undoUntil: null,
        undoes,
        queuedAt: clock.now(),
        waitingUntil: null,
        ...(unfollowAnyway.has(p.id) ? { unfollowAnyway: true } : {}),
      }));
    save({ ...store.read(), items: [...store.read().items, ...items] });
    pump();
    return view();
  }

  function item(id: string): QueueItem {
    const found = store.read().items.find((i) => i.id === id);
    if (!found) throw new Failure('not-found', 'This queue entry is no longer there.');
    return found;
  }

  if (interrupted || store.read().items.some((i) => i.state === 'waiting')) pump();

  return {
    view,
    /** Hears every change of the queue, before windows are told. */
    onChange: (listener: Listener<QueueView>) => changes.add(listener),
    /**
     * Queues writes for people of one account, found in its last sync. People an outcome protects are left out of
     * an unfollow unless the user confirmed it for them (`includeProtected`), which their items keep.
     */
    enqueue(accountId: string, action: QueueAction, personIds: string[], includeProtected = false): QueueView {
      const data = accounts.data(accountId);
      const pool: Person[] = action === 'unfollow' ? data.following : data.followers;
      const byId = new Map(pool.map((p) => [p.id, p]));
      const found = personIds.map((id) => byId.get(id)).filter((p): p is Person => p !== undefined);
      if (found.length === 0) throw new Failure('not-found', 'None of these people are in the last sync; sync again.');
      const shielded = action === 'unfollow' ? deps.protectedIds(accountId) : new Set<string>();
      const chosen = protectedChoice(found, shielded, includeProtected);
      if ('refused' in chosen) throw new Failure('conflict', chosen.refused);
      const people = chosen.people.map(({ id, handle, displayName }) => ({ id, handle, displayName }));
      return add(accountId, action, people, { unfollowAnyway: chosen.confirmed });
    },
    /**
     * Cancels one item, or everything waiting. The write under way stops at once; if it may have reached the
     * network, its check afterwards records what the network did.
     */
    cancel(id: string | null): QueueView {
      if (working && working.id === id) {
        working.cancel.abort();
        return view();
      }
      const file = store.read();
      const cancellable = (i: QueueItem) =>
        (i.state === 'waiting' || i.state === 'needs-you') && (id === null || i.id === id);
      save({
        ...file,
        items: file.items.map((i) =>
          cancellable(i) ? { ...i, state: 'cancelled', note: 'Cancelled.', waitingUntil: null } : i,
        ),
      });
      pump();
      return view();
    },
    /** Follows again whom an unfollow removed (and the reverse), within 24 hours. */
    undo(id: string): QueueView {
      const done = item(id);
      if (done.state !== 'done' || done.undoUntil === null || clock.now() > done.undoUntil) {
        throw new Failure('conflict', 'Only follows and unfollows of the last 24 hours can be undone.');
      }
      update(id, { undoUntil: null });
      return add(done.accountId, done.action === 'unfollow' ? 'follow' : 'unfollow', [done.person], { undoes: id });
    },
    /** The user did on X what Twoway cannot do there. */
    markDone(id: string): QueueView {
      const waiting = item(id);
      if (waiting.state !== 'needs-you') throw new Failure('conflict', 'This entry is not waiting for you.');
      accounts.applyWrite(waiting.accountId, { person: waiting.person, youFollow: waiting.action === 'follow' });
      update(id, { state: 'done', doneAt: clock.now(), note: 'Done by you on X.' });
      return view();
    },
    /** An account removed from Twoway takes its unfinished entries with it. */
    forget(accountId: string) {
      const file = store.read();
      if (working && file.items.some((i) => i.id === working!.id && i.accountId === accountId)) working.cancel.abort();
      save({
        ...file,
        items: file.items.filter((i) => i.accountId !== accountId || !unfinished.includes(i.state)),
      });
    },
    /** Stops the write under way without recording it: the next start checks it again. */
    close: () => {
      wake.disarm();
      closing.abort();
    },
  };
}
export type ActionQueue = ReturnType<typeof createActionQueue>;
