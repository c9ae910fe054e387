import type { QuietHours } from '../../shared/types.ts';
import { minuteOfDay } from '../../shared/calendar.ts';

export function minuteOfDayOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Whether `now` falls in the quiet hours; a range like 22:00 → 07:00 wraps past midnight. */
export function isQuiet(quiet: QuietHours | null, now: number): boolean {
  if (!quiet) return false;
  const from = minuteOfDayOf(quiet.from);
  const to = minuteOfDayOf(quiet.to);
  const minute = minuteOfDay(now);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}
