// The paced, safe follow/unfollow queue. One write at a time, spaced per network and capped per day; each
// relationship is checked again right before its write, so nobody who followed back meanwhile is
// unfollowed. Done writes can be undone for 24 hours. The queue lives in its own file and survives a restart.
import { z } from 'zod';
import type { Followed, Person, QueueAction, QueueItem, QueueView } from '../../shared/network.ts';
import { DAY } from '../../shared/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { writeIntervalMs } from '../../shared/networks.ts';
import { nextWriteAt } from '../core/writePacing.ts';
import type { Accounts } from './accounts.ts';
import type { EventBus } from './events.ts';
import { Failure } from './failure.ts';
import { NetworkFailure } from './networks/resilientFetch.ts';
import { singleTimer, type Scheduler } from './scheduler.ts';
import type { SettingsService } from './settings.ts';
import { openStore, type StoreContext } from './store.ts';
import type { ProviderFor } from './syncing.ts';

const person = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });
const queueSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      accountId: z.string(),
      action: z.enum(['unfollow', 'follow']),
      person,
      state: z.enum(['waiting', 'working', 'needs-you', 'done', 'skipped', 'failed', 'cancelled']),
      note: z.string().nullable(),
      doneAt: z.number().nullable(),
      undoUntil: z.number().nullable(),
      undoes: z.string().nullable(),
    }),
  ),
  /** Write times per account, for pacing and the daily cap. */
  writes: z.record(z.string(), z.array(z.number())),
});
type QueueFile = z.infer<typeof queueSchema>;

/** Finished items kept for the log. */
const keptItems = 500;

export interface QueueDeps {
  context: StoreContext;
  accounts: Accounts;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  settings: SettingsService;
  providerFor: ProviderFor;
  newId: () => string;
}

export function createActionQueue({
  context,
  accounts,
  clock,
  scheduler,
  events,
  settings,
  providerFor,
  newId,
}: QueueDeps) {
  const store = openStore<QueueFile>(
    { name: 'action-queue', version: 1, schema: queueSchema, initial: () => ({ items: [], writes: {} }) },
    context,
  );
  const wake = singleTimer(scheduler);
  let working = false;
  let revision = 0;

  // A write interrupted by a quit is tried again (after its re-check), never assumed done.
  const interrupted = store.read().items.some((i) => i.state === 'working');
  if (interrupted)
    store.keep({
      ...store.read(),
      items: store.read().items.map((i) => (i.state === 'working' ? { ...i, state: 'waiting' } : i)),
    });

  function nextAt(item: QueueItem): number {
    const account = accounts.find(item.accountId);
    return nextWriteAt(
      store.read().writes[item.accountId] ?? [],
      clock.now(),
      writeIntervalMs[account.network],
      settings.get().dailyWriteCap,
    );
  }

  function view(): QueueView {
    const items = store.read().items;
    const known = new Set(accounts.list().map((a) => a.id));
    const waiting = items.filter((i) => i.state === 'waiting' && known.has(i.accountId));
    return {
      items: [...items].reverse(),
      nextAt: waiting.length > 0 ? Math.min(...waiting.map(nextAt)) : null,
      revision,
    };
  }

  function save(file: QueueFile) {
    const finished = file.items.filter((i) => !['waiting', 'working', 'needs-you'].includes(i.state));
    const drop = new Set(finished.slice(0, Math.max(0, finished.length - keptItems)).map((i) => i.id));
    // The record of writes under way, mostly made as they run: a full disk must not stop them or lose it.
    store.keep({ ...file, items: file.items.filter((i) => !drop.has(i.id)) });
    revision++;
    events.emit('queueChanged', view());
  }

  function update(id: string, patch: Partial<QueueItem>) {
    const file = store.read();
    save({ ...file, items: file.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
  }

  function recordWrite(accountId: string) {
    const file = store.read();
    const recent = (file.writes[accountId] ?? []).filter((at) => at > clock.now() - DAY);
    save({ ...file, writes: { ...file.writes, [accountId]: [...recent, clock.now()] } });
  }

  async function perform(item: QueueItem) {
    const account = accounts.find(item.accountId);
    const provider = await providerFor(account, { signal: new AbortController().signal, onWait: () => {} });
    const relation = await provider.relationship(item.person);
    if (item.action === 'unfollow') {
      if (relation.followsYou) return update(item.id, { state: 'skipped', note: 'Followed you back meanwhile: kept.' });
      if (!relation.youFollow) return update(item.id, { state: 'skipped', note: 'You no longer follow this account.' });
      const followed = accounts.data(item.accountId).following.find((f) => f.id === item.person.id);
      await provider.unfollow(followed ?? { ...item.person, followedAt: Number.NaN, ref: null });
      accounts.applyWrite(item.accountId, { person: item.person, youFollow: false });
    } else {
      if (relation.youFollow) return update(item.id, { state: 'skipped', note: 'You follow this account already.' });
      const followed: Followed = await provider.follow(item.person);
      accounts.applyWrite(item.accountId, { person: item.person, youFollow: true, followed });
    }
    recordWrite(item.accountId);
    update(item.id, { state: 'done', doneAt: clock.now(), undoUntil: clock.now() + DAY, note: null });
  }

  /** Runs the next waiting item when its network's pace allows, then plans the one after. */
  function pump() {
    if (working) return;
    const next = store.read().items.find((i) => i.state === 'waiting');
    if (!next) return wake.disarm();
    // An account removed from Twoway (or a file from elsewhere) leaves entries that can never be written.
    if (!accounts.list().some((a) => a.id === next.accountId)) {
      update(next.id, { state: 'cancelled', note: 'The account is no longer in Twoway.' });
      return pump();
    }
    const at = nextAt(next);
    if (at > clock.now()) return wake.arm(pump, at - clock.now());
    working = true;
    update(next.id, { state: 'working' });
    perform(next)
      .catch((error: unknown) => {
        const note =
          error instanceof NetworkFailure
            ? `${error.message.replace(/\.$/, '')}${error.retryAt ? `; try again after ${new Date(error.retryAt).toLocaleTimeString()}` : ''}.`
            : error instanceof Error
              ? error.message
              : String(error);
        update(next.id, { state: 'failed', note });
      })
      .finally(() => {
        working = false;
        pump();
      });
  }

  function add(accountId: string, action: QueueAction, people: Person[], undoes: string | null = null): QueueView {
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
        .items.filter((i) => ['waiting', 'working', 'needs-you'].includes(i.state))
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
    /** Queues writes for people of one account, found in its last sync. */
    enqueue(accountId: string, action: QueueAction, personIds: string[]): QueueView {
      const data = accounts.data(accountId);
      const pool: Person[] = action === 'unfollow' ? data.following : data.followers;
      const byId = new Map(pool.map((p) => [p.id, p]));
      const people = personIds.map((id) => byId.get(id)).filter((p): p is Person => p !== undefined);
      if (people.length === 0) throw new Failure('not-found', 'None of these people are in the last sync; sync again.');
      return add(
        accountId,
        action,
        people.map(({ id, handle, displayName }) => ({ id, handle, displayName })),
      );
    },
    /** Cancels one waiting item, or all of them. */
    cancel(id: string | null): QueueView {
      const file = store.read();
      const cancellable = (i: QueueItem) =>
        (i.state === 'waiting' || i.state === 'needs-you') && (id === null || i.id === id);
      save({
        ...file,
        items: file.items.map((i) => (cancellable(i) ? { ...i, state: 'cancelled', note: 'Cancelled.' } : i)),
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
      return add(done.accountId, done.action === 'unfollow' ? 'follow' : 'unfollow', [done.person], id);
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
      save({
        ...file,
        items: file.items.filter(
          (i) => i.accountId !== accountId || ['done', 'skipped', 'failed', 'cancelled'].includes(i.state),
        ),
      });
    },
    close: () => wake.disarm(),
  };
}
export type ActionQueue = ReturnType<typeof createActionQueue>;
