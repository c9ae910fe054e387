// Builds every service on one data directory; both hosts (Electron and the browser preview) start here.
import { randomUUID } from 'node:crypto';
import type { AppStatus, StoreNotice } from '../../shared/types.ts';
import type { Clock } from '../core/clock.ts';
import { demoBalances, demoEntries } from '../core/demoData.ts';
import { createBalances } from './balances.ts';
import { createEventBus } from './events.ts';
import { Failure } from './failure.ts';
import { createReminders } from './reminders.ts';
import { realScheduler, type Scheduler } from './scheduler.ts';
import { createSettings } from './settings.ts';
import type { OpenRawFile } from './store.ts';
import { createTimeTracker } from './timeTracker.ts';

export interface AppOptions {
  dataDir: string;
  openFile: OpenRawFile;
  clock: Clock;
  host: AppStatus['host'];
  scheduler?: Scheduler;
  /** Milliseconds since the last input, where the system can tell (not on Wayland, not in a browser). */
  systemIdleMs?: (() => number) | null;
  newId?: () => string;
}

export function createServices({
  dataDir,
  openFile,
  clock,
  host,
  scheduler = realScheduler,
  systemIdleMs = null,
  newId = randomUUID,
}: AppOptions) {
  const events = createEventBus();
  let notices: StoreNotice[] = [];
  const context = { dataDir, openFile, clock, onNotice: (notice: StoreNotice) => notices.push(notice) };

  const settings = createSettings(context, events);
  const time = createTimeTracker({ context, clock, events, settings, scheduler, systemIdleMs, newId });
  const reminders = createReminders({ context, clock, events, settings, time, scheduler });
  const balances = createBalances(context, events);

  const status = (): AppStatus => ({
    dataDir,
    host,
    notices,
    hasData: !time.isEmpty() || !balances.isEmpty(),
    idleDetection: systemIdleMs !== null,
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
    balances,
    status,
    /** A normal quit: the running session becomes an entry and no timer is left behind. */
    close() {
      time.close();
      reminders.close();
    },
    dismissNotice(id: string): AppStatus {
      notices = notices.filter((notice) => notice.id !== id);
      return statusChanged();
    },
    loadDemo(): AppStatus {
      // Sample data only ever fills an empty app, so it can never mix with or replace the user's own.
      if (status().hasData) throw new Failure('conflict', 'Sample data can only be loaded while Twoway is empty.');
      const now = clock.now();
      time.seed(demoEntries(now).map((entry) => ({ id: newId(), ...entry })));
      balances.seed(demoBalances(now));
      return statusChanged();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
