import type { QuietHours } from '../../../shared/types.ts';
import { minuteOfDay } from '../../../shared/calendar.ts';

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

/** When the quiet hours holding `now` end, or null when `now` is not quiet; clock times are local. */
export function quietEnd(quiet: QuietHours | null, now: number): number | null {
  if (!quiet || !isQuiet(quiet, now)) return null;
  const end = new Date(now);
  end.setHours(Math.floor(minuteOfDayOf(quiet.to) / 60), minuteOfDayOf(quiet.to) % 60, 0, 0);
  if (end.getTime() <= now) end.setDate(end.getDate() + 1);
  return end.getTime();
}
