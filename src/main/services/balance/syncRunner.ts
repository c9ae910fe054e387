// Runs syncs: on demand and every N hours, one per account at a time, with progress and cancel. A failed
// sync keeps the last data (shown "as of" its time) and says why.
import { timeOfDay } from '../../../shared/localeFormat.ts';
import { networkNames } from '../../../shared/networkFacts.ts';
import type { Account, SyncProgress } from '../../../shared/types.ts';
import { HOUR } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import type { Accounts } from './accounts.ts';
import type { EventBus } from '../events.ts';
import { Failure } from '../failure.ts';
import type { ProviderFor } from '../networks/provider.ts';
import { NetworkFailure } from '../networks/resilientFetch.ts';
import { singleTimer, type Scheduler } from '../scheduler.ts';
import type { SettingsService } from '../settings.ts';
import { syncAccount } from './accountSync.ts';

export interface SyncingDeps {
  accounts: Accounts;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  settings: SettingsService;
  providerFor: ProviderFor;
  /** The locale its messages write times in. */
  locale: string;
}

function explain(error: unknown, account: Account, locale: string): string {
  const name = networkNames[account.network];
  if (error instanceof NetworkFailure) {
    switch (error.reason) {
      case 'rate-limited':
        return `${name} is limiting requests${error.retryAt ? ` until ${timeOfDay(error.retryAt, locale)}` : ''}; the last data is kept.`;
      case 'offline':
        return `${name} could not be reached; the last data is kept.`;
      case 'server':
        return `${name} kept answering with errors (HTTP ${error.status}); the last data is kept.`;
      case 'cancelled':
        return 'Sync cancelled; the last data is kept.';
      default:
        return `${error.message.replace(/\.$/, '')}. The last data is kept.`;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return `The sync failed: ${message.replace(/\.$/, '')}. The last data is kept.`;
}

/** What a completed sync left out, for the account's status line; null when nothing. */
function leftOut(unreadable: number, account: Account): string | null {
  if (unreadable === 0) return null;
  const name = networkNames[account.network];
  return unreadable === 1
    ? `${name} sent 1 account Twoway could not read; it was left out.`
    : `${name} sent ${unreadable} accounts Twoway could not read; they were left out.`;
}

export function createSyncing({ accounts, clock, scheduler, events, settings, providerFor, locale }: SyncingDeps) {
  const running = new Map<string, { progress: SyncProgress; abort: AbortController }>();
  const nextRound = singleTimer(scheduler);

  const attempted = new Map<string, number>();
  const progress = () => [...running.values()].map((r) => r.progress);
  const changed = () => events.emit('syncChanged', progress());

  /** Resolves with the requests the sync made, or null when it did not complete. */
  async function run(accountId: string, full: boolean): Promise<number | null> {
    const account = accounts.find(accountId);
    attempted.set(accountId, clock.now());
    const abort = new AbortController();
    const entry: { progress: SyncProgress; abort: AbortController } = {
      progress: { accountId, phase: 'checking', done: 0, total: 1 },
      abort,
    };
    running.set(accountId, entry);
    changed();
    try {
      const provider = await providerFor(account, {
        signal: abort.signal,
        onWait: (until) => {
          entry.progress = { ...entry.progress, waitingUntil: until };
          changed();
        },
      });
      const result = await syncAccount(provider, accounts.data(accountId), {
        now: clock.now(),
        signal: abort.signal,
        full,
        onProgress: (next) => {
          entry.progress = { accountId, ...next };
          changed();
        },
      });
      if (abort.signal.aborted) throw new NetworkFailure('cancelled', 'Cancelled.');
      accounts.commit(accountId, result.data, leftOut(result.unreadable, account));
      return result.requests;
    } catch (error) {
      accounts.reportProblem(
        accountId,
        explain(abort.signal.aborted ? new NetworkFailure('cancelled', '') : error, account, locale),
      );
      return null;
    } finally {
      running.delete(accountId);
      changed();
      plan();
    }
  }

  /** Arms one timer for the account whose automatic sync comes due first; a running sync re-plans as it ends. */
  function plan() {
    const every = settings.get().syncEveryHours * HOUR;
    const waiting = accounts.list().filter((a) => accounts.canSync(a.id) && !running.has(a.id));
    if (every === 0 || waiting.length === 0) return nextRound.disarm();
    // A failed sync counts as an attempt, so a server that is down is not asked again at once.
    const dueAt = (id: string) => Math.max(accounts.data(id).syncedAt ?? 0, attempted.get(id) ?? 0) + every;
    const due = Math.min(...waiting.map((a) => dueAt(a.id)));
    nextRound.arm(
      () => {
        for (const account of waiting) if (dueAt(account.id) <= clock.now()) void run(account.id, false);
        plan();
      },
      Math.max(0, due - clock.now()),
    );
  }

  return {
    progress,
    plan,
    /** Starts a sync and resolves when it ends; the result shows in the account's balance. */
    sync(accountId: string, full = false): Promise<number | null> {
      const account = accounts.find(accountId);
      if (account.connection.network === 'demo')
        throw new Failure('conflict', 'Sample accounts cannot sync; add your own account.');
      if (!accounts.canSync(accountId)) {
        throw new Failure('conflict', 'This X account comes from an archive: import a newer archive to update it.');
      }
      if (running.has(accountId)) throw new Failure('conflict', 'This account is syncing already.');
      return run(accountId, full);
    },
    cancel(accountId: string) {
      running.get(accountId)?.abort.abort();
    },
    close() {
      nextRound.disarm();
      for (const r of running.values()) r.abort.abort();
    },
  };
}
export type Syncing = ReturnType<typeof createSyncing>;
