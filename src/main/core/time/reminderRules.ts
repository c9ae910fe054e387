// When to nudge the user, decided from the situation and what was already said. Never during quiet hours,
// never twice for the same occasion, never while an offline session runs.
import { duration } from '../../../shared/duration.ts';
import type { Reminder, ReminderAction, RunningSession, Settings } from '../../../shared/types.ts';
import { HOUR, MINUTE, dayKey } from '../../../shared/calendar.ts';
import { isQuiet } from './quietHours.ts';

export const snoozeMs = 10 * MINUTE;
export const maxSnoozes = 3;
/** Away at least this long, an online session starts with a nudge to scan followers' messages. */
export const backOnlineAfterMs = 4 * HOUR;
/** Keys remembered, newest last; old occasions cannot recur, so the list stays short. */
const keptKeys = 200;

export interface ReminderLog {
  shown: string[];
  snoozes: Record<string, number>;
  snoozedUntil: number | null;
  doneForDay: string | null;
}

export const emptyLog: ReminderLog = { shown: [], snoozes: {}, snoozedUntil: null, doneForDay: null };

export interface Situation {
  now: number;
  settings: Settings;
  running: RunningSession | null;
  /** Online time today, the running session included. */
  todayOnlineMs: number;
  /** Offline time this week, the running session included. */
  weekOfflineMs: number;
  /** Whole days of the week before today (0 on the week's first day). */
  daysIntoWeek: number;
  weekStartDay: string;
  /** When the last online entry before the running session ended; null if there is none. */
  lastOnlineEnd: number | null;
  /** Last week in figures, for the digest at the start of a week; null when nothing was logged or synced. */
  lastWeek: WeekFigures | null;
}

export interface WeekFigures {
  /** First and last day, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  onlineMs: number;
  offlineMs: number;
  /** Followers at the week's end minus at its start, all accounts together; null without synced accounts. */
  followerChange: number | null;
}

function digest(week: WeekFigures): Reminder {
  const change = week.followerChange;
  const followers =
    change === null ? '' : `, ${change > 0 ? '+' : ''}${change} follower${Math.abs(change) === 1 ? '' : 's'}`;
  return {
    key: `weekly-digest:${week.from}`,
    cause: 'weekly-digest',
    title: 'Your week in review',
    body: `Last week: ${duration(week.onlineMs)} online, ${duration(week.offlineMs)} offline${followers}.`,
    actions: ['open-report', 'dismiss'],
    route: { view: 'report', period: { from: week.from, to: week.to } },
  };
}

const goOffline = 'Time to go do some offline business development';

function candidates(s: Situation): Reminder[] {
  const { running, settings, now } = s;
  // The digest waits while an offline session runs, like every nudge; otherwise it comes first in a week.
  const found: Reminder[] = s.lastWeek && running?.kind !== 'offline' ? [digest(s.lastWeek)] : [];
  if (!running || running.kind !== 'online') return found;
  const actions = (): ReminderAction[] => ['start-offline', 'snooze', 'done-for-today'];
  const sinceLastOnline = s.lastOnlineEnd === null ? null : running.start - s.lastOnlineEnd;
  if (now - running.start < 5 * MINUTE && (sinceLastOnline === null || sinceLastOnline >= backOnlineAfterMs)) {
    found.push({
      key: `back-online:${running.start}`,
      cause: 'back-online',
      title: 'Welcome back',
      body:
        sinceLastOnline === null
          ? 'Start by scanning your followers’ messages to see where you can add value.'
          : `You were offline ${duration(sinceLastOnline)}. Scan your followers’ messages to see where you can add value.`,
      actions: ['open-catch-up', 'dismiss'],
      route: { view: 'catch-up' },
    });
  }
  const stretch = now - running.start;
  if (stretch >= settings.longestStretchMin * MINUTE) {
    found.push({
      key: `stretch:${running.start}`,
      cause: 'stretch',
      title: goOffline,
      body: `You have been online ${duration(stretch)} without a break; your longest stretch is ${duration(settings.longestStretchMin * MINUTE)}.`,
      actions: actions(),
    });
  }
  if (s.todayOnlineMs >= settings.dailyOnlineBudgetMin * MINUTE) {
    found.push({
      key: `daily-budget:${dayKey(now)}`,
      cause: 'daily-budget',
      title: goOffline,
      body: `Online today: ${duration(s.todayOnlineMs)} of your ${duration(settings.dailyOnlineBudgetMin * MINUTE)} budget.`,
      actions: actions(),
    });
  }
  const target = settings.weeklyOfflineTargetMin * MINUTE;
  // From the third day on, offline time below the pace the target needs is worth a word, once a week.
  if (s.daysIntoWeek >= 2 && s.weekOfflineMs < (target * s.daysIntoWeek) / 7) {
    found.push({
      key: `weekly-offline:${s.weekStartDay}`,
      cause: 'weekly-offline',
      title: 'Offline time is behind this week',
      body: `${duration(s.weekOfflineMs)} offline so far of your ${duration(target)} target — book a meeting, a call or an event.`,
      actions: actions(),
    });
  }
  return found;
}

/** The reminder to show now, or null. */
export function nextReminder(s: Situation, log: ReminderLog): Reminder | null {
  if (isQuiet(s.settings.quietHours, s.now)) return null;
  if (log.doneForDay === dayKey(s.now)) return null;
  if (log.snoozedUntil !== null && s.now < log.snoozedUntil) return null;
  const next = candidates(s).find((reminder) => !log.shown.includes(reminder.key));
  if (!next) return null;
  // Snooze is offered only while it has been used fewer than the allowed times for this occasion.
  const snoozed = log.snoozes[next.key] ?? 0;
  return { ...next, actions: next.actions.filter((a) => a !== 'snooze' || snoozed < maxSnoozes) };
}

/** What quiet hours hold back now: the reminder that would show if they were off, or null. */
export function heldByQuietHours(s: Situation, log: ReminderLog): Reminder | null {
  if (!isQuiet(s.settings.quietHours, s.now)) return null;
  return nextReminder({ ...s, settings: { ...s.settings, quietHours: null } }, log);
}

export function shown(log: ReminderLog, reminder: Reminder): ReminderLog {
  if (log.shown.includes(reminder.key)) return log;
  return { ...log, shown: [...log.shown, reminder.key].slice(-keptKeys) };
}

/** What an answer changes in the log; starting the offline session or stopping is the caller's part. */
export function answered(log: ReminderLog, reminder: Reminder, action: ReminderAction, now: number): ReminderLog {
  const marked = shown(log, reminder);
  switch (action) {
    case 'snooze':
      return {
        ...marked,
        // A snoozed reminder may come back once the snooze ends.
        shown: marked.shown.filter((key) => key !== reminder.key),
        snoozes: { ...marked.snoozes, [reminder.key]: (marked.snoozes[reminder.key] ?? 0) + 1 },
        snoozedUntil: now + snoozeMs,
      };
    case 'done-for-today':
      return { ...marked, doneForDay: dayKey(now) };
    default:
      return marked;
  }
}
