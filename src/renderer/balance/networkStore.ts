import { create } from 'zustand';
import type { AccountInput } from '../../shared/inputs.ts';
import type { Person, QueueAction, QueueView } from '../../shared/people.ts';
import type { AccountBalance, SyncProgress } from '../../shared/types.ts';
import { call } from '../api.ts';

export type NetworkTab = 'not-following-back' | 'ghosts' | 'not-followed-back' | 'rarely-answers' | 'queue';

/** Someone picked for a follow or unfollow, with the account that would make it. */
export interface Picked {
  accountId: string;
  person: Person;
}
export type Selection = ReadonlyMap<string, Picked>;
export const pickKey = (accountId: string, personId: string) => `${accountId}\n${personId}`;

const noSelection: Selection = new Map();
/** The most people one enqueue call takes. */
const idsPerEnqueue = 10_000;

interface NetworkState {
  /** The account the view shows; null shows all of them. */
  scope: string | null;
  tab: NetworkTab;
  progress: SyncProgress[];
  queue: QueueView | null;
  /** Everyone not following back in the scope, how many of them are due, and the ghost follows apart. */
  counts: { total: number; due: number; ghosts: number } | null;
  /** Bumped whenever the lists may have changed, so open lists fetch again. */
  version: number;
  /** The Network view's trend charts, folded away unless asked for. */
  trendOpen: boolean;
  /** Unfollows are picked on one tab, follows on the other; both survive scrolling and tab changes. */
  selected: Record<QueueAction, Selection>;
  api: {
    load(): Promise<void>;
    refresh(): Promise<void>;
    show(scope: string | null): void;
    showTab(tab: NetworkTab): void;
    toggleTrend(): void;
    pick(action: QueueAction, people: Picked[], on: boolean): void;
    clear(action: QueueAction): void;
    addAccount(input: AccountInput): Promise<AccountBalance>;
    /** `revoke: false` keeps a Mastodon sign-in's access on its instance (one out of reach). */
    removeAccount(accountId: string, options?: { revoke: boolean }): Promise<void>;
    sync(accountId: string): Promise<void>;
    cancelSync(accountId: string): Promise<void>;
    setKeep(accountId: string, personId: string, keep: boolean): Promise<void>;
    /** Queues one call per account (per 10,000 people); picked people that were queued leave the selection. */
    enqueue(action: QueueAction, people: Picked[]): Promise<void>;
    cancelQueued(itemId: string | null): Promise<void>;
    undoQueued(itemId: string): Promise<void>;
    markQueuedDone(itemId: string): Promise<void>;
    /** A queue view from a reply or an event: shown unless a newer one is shown already. */
    receiveQueue(queue: QueueView): void;
  };
}

export const useNetwork = create<NetworkState>()((set, get) => {
  async function loadCounts() {
    const scope = get().scope;
    const { total, due, ghosts } = await call('listNotFollowingBack', { accountId: scope, filter: 'all', limit: 1 });
    // A scope chosen meanwhile has its own answer coming.
    if (get().scope === scope) set({ counts: { total, due, ghosts } });
  }

  function pick(action: QueueAction, people: Picked[], on: boolean) {
    const next = new Map(get().selected[action]);
    for (const picked of people) {
      const key = pickKey(picked.accountId, picked.person.id);
      // Only whom to act on is kept, whatever else the row that was picked carries.
      if (on) next.set(key, { accountId: picked.accountId, person: picked.person });
      else next.delete(key);
    }
    set({ selected: { ...get().selected, [action]: next } });
  }

  function receiveQueue(queue: QueueView) {
    const shown = get().queue;
    if (!shown || queue.revision >= shown.revision) set({ queue });
  }

  return {
    scope: null,
    tab: 'not-following-back',
    progress: [],
    queue: null,
    counts: null,
    version: 0,
    trendOpen: false,
    selected: { unfollow: noSelection, follow: noSelection },
    api: {
      async load() {
        const [progress, queue] = await Promise.all([call('getSyncProgress'), call('getQueue')]);
        set({ progress });
        receiveQueue(queue);
        await loadCounts();
      },
      async refresh() {
        set({ version: get().version + 1 });
        await loadCounts();
      },
      show(scope) {
        if (scope === get().scope) return;
        // People picked in one scope would act unseen in another.
        set({ scope, counts: null, selected: { unfollow: noSelection, follow: noSelection } });
        void loadCounts();
      },
      showTab(tab) {
        set({ tab });
      },
      toggleTrend() {
        set({ trendOpen: !get().trendOpen });
      },
      pick,
      clear(action) {
        set({ selected: { ...get().selected, [action]: noSelection } });
      },
      async addAccount(input) {
        const balance = await call('addAccount', input);
        get().api.show(balance.account.id);
        return balance;
      },
      async removeAccount(accountId, options) {
        await call('removeAccount', { accountId, ...options });
        if (get().scope === accountId) get().api.show(null);
      },
      async sync(accountId) {
        await call('syncAccount', { accountId });
      },
      async cancelSync(accountId) {
        await call('cancelSync', { accountId });
      },
      async setKeep(accountId, personId, keep) {
        await call('setKeep', { accountId, personId, keep });
        const selected = get().selected.unfollow.get(pickKey(accountId, personId));
        if (keep && selected) pick('unfollow', [selected], false);
        await get().api.refresh();
      },
      async enqueue(action, people) {
        const byAccount = new Map<string, Picked[]>();
        for (const picked of people) {
          const group = byAccount.get(picked.accountId) ?? [];
          group.push(picked);
          byAccount.set(picked.accountId, group);
        }
        for (const [accountId, group] of byAccount) {
          for (let at = 0; at < group.length; at += idsPerEnqueue) {
            const chunk = group.slice(at, at + idsPerEnqueue);
            receiveQueue(await call('enqueue', { accountId, action, personIds: chunk.map((p) => p.person.id) }));
            pick(action, chunk, false);
          }
        }
        set({ tab: 'queue' });
      },
      async cancelQueued(itemId) {
        receiveQueue(await call('cancelQueued', { itemId }));
      },
      async undoQueued(itemId) {
        receiveQueue(await call('undoQueued', { itemId }));
      },
      async markQueuedDone(itemId) {
        receiveQueue(await call('markQueuedDone', { itemId }));
      },
      receiveQueue,
    },
  };
});
