// The contract's methods for time: the running session, reminders, and the entries of the time ledger.
import { z } from 'zod';
import { activity, activityMismatch, entryInput, fitsKind, kind, none } from '../inputs.ts';
import type { EntryEdit } from '../devices.ts';
import type { HeldReminder, Reminder, TimeEntry, TimerState, TimeSummary } from '../types.ts';
import { method } from './method.ts';

const sessionNote = z.string().max(2000, 'A note is at most 2,000 characters.');

export const timeMethods = {
  getTimer: method<TimerState>().takes(none),
  /** Without an activity or a note, the ones last used for that kind. */
  startSession: method<TimerState>().takes(
    z
      .object({ kind, activity: activity.optional(), note: sessionNote.optional() })
      .strict()
      .refine(fitsKind, activityMismatch),
  ),
  /** The running session's activity or note, changed while it runs. */
  changeSession: method<TimerState>().takes(
    z.object({ activity: activity.optional(), note: sessionNote.optional() }).strict(),
  ),
  /** A session shorter than a minute is not saved (a setting); sessionDiscarded tells every window. */
  stopSession: method<TimeEntry | null>().takes(none),
  answerTimerQuestion: method<TimerState>().takes(
    z.object({ answer: z.enum(['keep', 'discard', 'discard-continue']) }).strict(),
  ),

  getReminder: method<Reminder | null>().takes(none),
  /** What quiet hours hold back now, for Settings to say so; null when nothing waits. */
  getHeldReminder: method<HeldReminder | null>().takes(none),
  answerReminder: method<Reminder | null>().takes(
    z
      .object({
        key: z.string().min(1),
        action: z.enum(['start-offline', 'snooze', 'done-for-today', 'dismiss', 'open-report', 'open-catch-up']),
      })
      .strict(),
  ),

  getTimeSummary: method<TimeSummary>().takes(none),
  listEntries: method<TimeEntry[]>().takes(z.object({ from: z.number().int(), to: z.number().int() }).strict()),
  addEntry: method<TimeEntry>().takes(entryInput),
  updateEntry: method<TimeEntry>().takes(z.object({ id: z.string().min(1), entry: entryInput }).strict()),
  deleteEntry: method<TimeEntry>().takes(z.object({ id: z.string().min(1) }).strict()),
  undoDelete: method<TimeEntry>().takes(z.object({ id: z.string().min(1) }).strict()),
  /** The entry's edits on every device, oldest first. */
  entryHistory: method<EntryEdit[]>().takes(z.object({ id: z.string().min(1) }).strict()),
} as const;
