// Updates of the app itself: checks on the policy's plan, the state the window and tray show, and the restart
// that installs a downloaded version. The updater (electron-updater in the desktop app) comes from the shell.
import type { UpdateSource, UpdateStatus } from '../../shared/updates.ts';
import type { Clock } from '../core/clock.ts';
import {
  CHECK_EVERY_MS,
  decideRestart,
  initialUpdateState,
  nextCheckAt,
  restartDue,
  updateReducer,
  updateStatus,
  type RestartRequest,
  type UpdaterEvent,
  type UpdateState,
} from '../core/desktop/updatePolicy.ts';
import type { EventBus } from './events.ts';
import { Failure } from './failure.ts';
import { createListeners, type Listener } from './listeners.ts';
import { singleTimer, type Scheduler } from './scheduler.ts';
import type { SettingsService } from './settings.ts';
import type { TimeTracker } from './time/timeTracker.ts';

/** What the shell's updater does; what it finds arrives through `listen`. */
export interface Updater {
  check(): void;
  /** Quits (the running session becomes an entry), installs the downloaded version and starts it. */
  restart(): void;
  listen(listener: (event: UpdaterEvent) => void): void;
}

export interface UpdatesOptions {
  source: UpdateSource;
  currentVersion: string | null;
  /** Present only where the app can update itself (source 'desktop'). */
  updater: Updater | null;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  settings: SettingsService;
  time: Pick<TimeTracker, 'state' | 'onTimerChange'>;
}

const unavailable: Record<Exclude<UpdateSource, 'desktop'>, string> = {
  preview: 'Updates are managed by the desktop app: the browser preview does not update itself.',
  development: 'This is a development build: it does not check for updates.',
};

export function createUpdates({
  source,
  currentVersion,
  updater,
  clock,
  scheduler,
  events,
  settings,
  time,
}: UpdatesOptions) {
  let state: UpdateState = initialUpdateState;
  let startedAt: number | null = null;
  let shown = '';
  const changes = createListeners<UpdateStatus>();
  const checkTimer = singleTimer(scheduler);
  const restartTimer = singleTimer(scheduler);
  const running = () => time.state().running;
  const planInput = () => ({ state, enabled: settings.get().checkForUpdates, startedAt });

  const status = (): UpdateStatus => updateStatus({ ...planInput(), source, currentVersion, running: running() });

  function plan() {
    const at = updater ? nextCheckAt(planInput()) : null;
    if (at === null) return checkTimer.disarm();
    // Re-planned at least every 6 hours of elapsed time, so a clock set back cannot postpone checks for long.
    checkTimer.arm(due, Math.min(Math.max(0, at - clock.now()), CHECK_EVERY_MS));
  }

  function due() {
    const at = nextCheckAt(planInput());
    if (at !== null && at <= clock.now()) check();
    else plan();
  }

  /** Tells the tray and the windows when what they show changed. */
  function publish() {
    const next = status();
    const text = JSON.stringify(next);
    if (text === shown) return;
    shown = text;
    changes.tell(next);
    events.emit('updatesChanged', next);
  }

  function changed() {
    plan();
    publish();
  }

  function report(event: UpdaterEvent) {
    state = updateReducer(state, event, clock.now());
    changed();
  }

  function check() {
    // Marked at once, so nothing plans a second check before the updater says it started.
    report({ type: 'checking' });
    updater!.check();
  }

  function refuseHere(): never {
    throw new Failure('unavailable', unavailable[source as Exclude<UpdateSource, 'desktop'>]);
  }

  updater?.listen(report);
  const stopHearingSettings = settings.onChange(changed);
  const stopHearingTimer = time.onTimerChange(() => {
    // Deferred a moment, so the stop that ended the session answers first.
    if (restartDue(state, running())) {
      restartTimer.arm(() => {
        if (restartDue(state, running())) updater!.restart();
      }, 0);
    }
    // The restart offered depends on the timer; the check plan does not.
    publish();
  });

  return {
    status,
    /** Hears every change of what the window and tray show of updates, before windows are told. */
    onChange: (listener: Listener<UpdateStatus>) => changes.add(listener),
    /** The app is ready to check: its window showed, or it started hidden in the tray. */
    begin() {
      if (startedAt !== null) return;
      startedAt = clock.now();
      due();
      changed();
    },
    /** Checks now, whatever the setting says; a check or download already under way is not doubled. */
    checkNow(): UpdateStatus {
      if (!updater) refuseHere();
      if (state.phase !== 'checking' && state.phase !== 'downloading' && state.phase !== 'downloaded') check();
      return status();
    },
    restart(request: RestartRequest): UpdateStatus {
      if (!updater) refuseHere();
      const decision = decideRestart(state, running(), request);
      if (decision.action === 'refuse') throw new Failure('conflict', decision.reason);
      if (decision.action === 'wait') {
        state = { ...state, restartWhenSessionStops: true };
        changed();
      } else {
        updater.restart();
      }
      return status();
    },
    cancelRestart(): UpdateStatus {
      state = { ...state, restartWhenSessionStops: false };
      changed();
      return status();
    },
    close() {
      stopHearingSettings();
      stopHearingTimer();
      checkTimer.disarm();
      restartTimer.disarm();
    },
  };
}
export type UpdatesService = ReturnType<typeof createUpdates>;
