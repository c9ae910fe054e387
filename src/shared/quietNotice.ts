// What Settings says about a reminder that quiet hours hold back.
import type { HeldReminder, ReminderCause } from './types.ts';

const names: Record<ReminderCause, string> = {
  'weekly-digest': 'The weekly digest',
  'daily-budget': 'The daily budget reminder',
  stretch: 'The reminder to take a break',
  'weekly-offline': 'The reminder about offline time this week',
  'back-online': 'The welcome-back nudge',
};

/** 'The weekly digest due at 22:30 waits until 07:00 — quiet hours.'; `clock` shows a moment as the user reads time. */
export function quietNotice(held: HeldReminder, clock: (at: number) => string): string {
  return `${names[held.cause]} due at ${clock(held.dueAt)} waits until ${clock(held.until)} — quiet hours.`;
}
