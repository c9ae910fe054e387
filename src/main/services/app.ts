// Builds every service on one data directory; both hosts (Electron and the browser preview) start here.
import { randomUUID } from 'node:crypto';
import type { AccountInput } from '../../shared/contract.ts';
import type { AppStatus, StoreNotice } from '../../shared/types.ts';
import type { Clock } from '../core/clock.ts';
import { demoAccountsData, demoEntries } from '../core/demoData.ts';
import { createAccounts } from './accounts.ts';
import { createActionQueue } from './actionQueue.ts';
import { addAccount } from './addAccount.ts';
import { createEventBus } from './events.ts';
import { Failure } from './failure.ts';
import { providerFactory } from './networks/providers.ts';
import { createReminders } from './reminders.ts';
import { realScheduler, type Scheduler } from './scheduler.ts';
import { memoryVault, type SecretVault } from './secrets.ts';
import { createSettings } from './settings.ts';
import type { OpenRawFile } from './store.ts';
import { createSyncing, type ProviderFor } from './syncing.ts';
import { createTimeTracker } from './timeTracker.ts';
import { importXArchive, type ArchiveFile } from './importXArchive.ts';

export interface AppOptions {
  dataDir: string;
  openFile: OpenRawFile;
  clock: Clock;
  host: AppStatus['host'];
  scheduler?: Scheduler;
  /** Milliseconds since the last input, where the system can tell (not on Wayland, not in a browser). */
  systemIdleMs?: (() => number) | null;
  /** Where secrets are kept: encrypted by the OS in the desktop app, in memory elsewhere. */
  vault?: SecretVault;
  secretStorage?: AppStatus['secretStorage'];
  providerFor?: ProviderFor;
  newId?: () => string;
}

export function createServices({
  dataDir,
  openFile,
  clock,
  host,
  scheduler = realScheduler,
  systemIdleMs = null,
  vault = memoryVault(),
  secretStorage = 'memory',
  providerFor = providerFactory({ clock, scheduler, vault }),
  newId = randomUUID,
}: AppOptions) {
  const events = createEventBus();
  let notices: StoreNotice[] = [];
  const context = { dataDir, openFile, clock, onNotice: (notice: StoreNotice) => notices.push(notice) };

  const settings = createSettings(context, events);
  const time = createTimeTracker({ context, clock, events, settings, scheduler, systemIdleMs, newId });
  const reminders = createReminders({ context, clock, events, settings, time, scheduler });
  const accounts = createAccounts({ context, clock, events, settings, vault });
  const syncing = createSyncing({ accounts, clock, scheduler, events, settings, providerFor });
  const queue = createActionQueue({ context, accounts, clock, scheduler, events, settings, providerFor, newId });

  const status = (): AppStatus => ({
    dataDir,
    host,
    notices,
    hasData: !time.isEmpty() || !accounts.isEmpty(),
    idleDetection: systemIdleMs !== null,
    secretStorage,
  });
  const statusChanged = () => {
    const next = status();
    events.emit('statusChanged', next);
    return next;
  };

  return {
    events,
    settings,
    time,
    reminders,
    accounts,
    syncing,
    queue,
    status,
    /** Reads what start-up needs from the vault and plans the automatic syncs. */
    async start() {
      await accounts.loadWritable();
      syncing.plan();
    },
    /** A normal quit: the running session becomes an entry and no timer is left behind. */
    close() {
      time.close();
      reminders.close();
      syncing.close();
      queue.close();
    },
    addAccount: (input: AccountInput) => addAccount(input, { accounts, syncing, clock, scheduler, secretStorage }),
    importXArchive: (input: { handle?: string; files: ArchiveFile[] }) => importXArchive(input, { accounts, clock }),
    dismissNotice(id: string): AppStatus {
      notices = notices.filter((notice) => notice.id !== id);
      return statusChanged();
    },
    loadDemo(): AppStatus {
      // Sample data only ever fills an empty app, so it can never mix with or replace the user's own.
      if (status().hasData) throw new Failure('conflict', 'Sample data can only be loaded while Twoway is empty.');
      const now = clock.now();
      time.seed(demoEntries(now).map((entry) => ({ id: newId(), ...entry })));
      for (const { account, data } of demoAccountsData(now)) accounts.seed(account, data);
      return statusChanged();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
