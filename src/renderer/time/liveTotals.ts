import type { DayTotals, TimeSummary } from '../../shared/types.ts';

/** A day's totals moved forward to `now`: the running session keeps counting between summaries. */
export function liveDay(summary: TimeSummary, day: DayTotals, now: number): DayTotals {
  const running = summary.running;
  if (!running || day.day !== summary.today.day) return day;
  const extra = Math.max(0, now - summary.at);
  return running.kind === 'online'
    ? { ...day, onlineMs: day.onlineMs + extra }
    : { ...day, offlineMs: day.offlineMs + extra };
}
