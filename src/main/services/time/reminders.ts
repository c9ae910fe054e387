// Carries out the reminder rules: re-evaluates at start-up and whenever the timer (waking from sleep included)
// or settings change — with no timer of its own, a new week's digest comes with the first of those —,
// remembers what was said, and acts on the user's answer. Showing a notification is the shell's part.
import { z } from 'zod';
import type { HeldReminder, Reminder, ReminderAction } from '../../../shared/types.ts';
import { dayKey, startOfWeek } from '../../../shared/calendar.ts';
import type { Clock } from '../../core/clock.ts';
import {
  answered,
  emptyLog,
  heldByQuietHours,
  nextReminder,
  shown,
  snoozeMs,
  type ReminderLog,
  type Situation,
  type WeekFigures,
} from '../../core/time/reminderRules.ts';
import { quietEnd } from '../../core/time/quietHours.ts';
import type { EventBus } from '../events.ts';
import { Failure } from '../failure.ts';
import { createListeners, type Listener } from '../listeners.ts';
import { singleTimer, type Scheduler } from '../scheduler.ts';
import type { SettingsService } from '../settings.ts';
import { openStore, type StoreContext } from '../store.ts';
import type { TimeTracker } from './timeTracker.ts';

const logSchema = z.object({
  shown: z.array(z.string()),
  snoozes: z.record(z.string(), z.number()),
  snoozedUntil: z.number().nullable(),
  doneForDay: z.string().nullable(),
});

export interface RemindersDeps {
  context: StoreContext;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  time: TimeTracker;
  scheduler: Scheduler;
  /** The week before the one holding `now`, in figures for the digest. */
  lastWeek: (now: number) => WeekFigures | null;
}

export function createReminders({ context, clock, events, settings, time, scheduler, lastWeek }: RemindersDeps) {
  const store = openStore<ReminderLog>(
    { name: 'reminders', version: 1, schema: logSchema, initial: () => emptyLog },
    context,
  );
  const snoozeEnd = singleTimer(scheduler);
  let current: Reminder | null = null;
  const changes = createListeners<Reminder | null>();

  function changed() {
    changes.tell(current);
    events.emit('reminderChanged', current);
  }

  function show(next: Reminder | null) {
    if (next?.key === current?.key) return;
    current = next;
    // Noted as the timer runs, so a full disk must not stop it: kept, and saved once the disk takes it.
    if (next) store.keep(shown(store.read(), next));
    changed();
  }

  function situation(now: number): Situation {
    const { running } = time.state();
    const summary = time.summary();
    const daysIntoWeek = summary.week.findIndex((day) => day.day === summary.today.day);
    return {
      now,
      settings: settings.get(),
      running,
      todayOnlineMs: summary.today.onlineMs,
      weekOfflineMs: summary.week.reduce((sum, day) => sum + day.offlineMs, 0),
      daysIntoWeek: Math.max(0, daysIntoWeek),
      weekStartDay: dayKey(startOfWeek(now, settings.get().weekStartsOn)),
      lastOnlineEnd: running ? time.lastOnlineEnd(running.start) : null,
      lastWeek: lastWeek(now),
    };
  }

  function evaluate() {
    const now = clock.now();
    const { running } = time.state();
    // A nudge about online time means nothing once the user is no longer online.
    if (current && current.cause !== 'weekly-digest' && running?.kind !== 'online') return show(null);
    if (current) return;
    show(nextReminder(situation(now), store.read()));
  }

  // The reminder quiet hours hold back and since when, so Settings can say what waits and until when.
  let heldSince: { key: string; at: number } | null = null;
  function held(): HeldReminder | null {
    const now = clock.now();
    const reminder = current ? null : heldByQuietHours(situation(now), store.read());
    const until = quietEnd(settings.get().quietHours, now);
    if (!reminder || until === null) return null;
    if (heldSince?.key !== reminder.key) heldSince = { key: reminder.key, at: now };
    return { cause: reminder.cause, dueAt: heldSince.at, until };
  }

  time.onTimerChange(evaluate);
  settings.onChange(evaluate);

  return {
    current: () => current,
    /** Hears every reminder raised or closed, before windows are told. */
    onChange: (listener: Listener<Reminder | null>) => changes.add(listener),
    evaluate,
    held,
    answer(key: string, action: ReminderAction): Reminder | null {
      if (!current || current.key !== key) throw new Failure('not-found', 'This reminder is no longer open.');
      if (!current.actions.includes(action)) throw new Failure('invalid-input', 'This reminder does not offer that.');
      const now = clock.now();
      store.write(answered(store.read(), current, action, now));
      current = null;
      changed();
      if (action === 'start-offline') time.start('offline');
      if (action === 'done-for-today' && time.state().running?.kind === 'online') time.stop();
      if (action === 'snooze') snoozeEnd.arm(evaluate, snoozeMs);
      return current;
    },
    close: () => snoozeEnd.disarm(),
  };
}
export type Reminders = ReturnType<typeof createReminders>;
