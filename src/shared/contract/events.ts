// What main pushes to every window. Payloads are complete states, so a missed event heals itself.
import type { CatchUpSummary } from '../catchUp.ts';
import type { DevicesView } from '../devices.ts';
import type { MastodonSignIn } from '../mastodonSignIn.ts';
import type { Outcome } from '../outcomes.ts';
import type { QueueView } from '../people.ts';
import type {
  AccountBalance,
  AppStatus,
  DiscardedSession,
  Reminder,
  Settings,
  SyncProgress,
  TimerState,
  TimeSummary,
} from '../types.ts';
import type { UpdateStatus } from '../updates.ts';
import type { XImportProgress } from '../xImport.ts';
import { carries } from './method.ts';

/** Every event by name, once: the type of each payload and the list of names both come from here. */
export const events = {
  timerChanged: carries<TimerState>(),
  reminderChanged: carries<Reminder | null>(),
  timeChanged: carries<TimeSummary>(),
  settingsChanged: carries<Settings>(),
  balancesChanged: carries<AccountBalance[]>(),
  syncChanged: carries<SyncProgress[]>(),
  queueChanged: carries<QueueView>(),
  statusChanged: carries<AppStatus>(),
  outcomesChanged: carries<Outcome[]>(),
  catchUpChanged: carries<CatchUpSummary>(),
  updatesChanged: carries<UpdateStatus>(),
  mastodonSignInChanged: carries<MastodonSignIn | null>(),
  xImportChanged: carries<XImportProgress | null>(),
  devicesChanged: carries<DevicesView>(),
  /** A session ended too short to keep: the windows say so, so nothing vanishes silently. */
  sessionDiscarded: carries<DiscardedSession>(),
} as const;

export type Events = { [E in keyof typeof events]: Exclude<(typeof events)[E]['payload'], undefined> };
export type EventName = keyof Events;
export const eventNames = Object.keys(events) as EventName[];
