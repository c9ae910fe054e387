// Time per activity over a range of days: where the online time went (posting, replying, scanning, messages)
// and what the offline time was (meetings, calls, events, follow-ups).
import type { ActivityTotal } from '../../../shared/report.ts';
import { offlineActivities, onlineActivities, type TimeEntry } from '../../../shared/types.ts';
import { addDays } from '../../../shared/calendar.ts';
import type { DayRange } from './comparison.ts';
import { countedOnce, type Timed } from '../../../shared/countedOnce.ts';

const order: readonly string[] = [...onlineActivities, ...offlineActivities];

/**
 * Each activity's time inside the range, entries cut at its edges; online first, then offline, largest first.
 * Minutes timed on two devices count once, under the activity of the entry that started first.
 */
export function activityTotals(
  entries: readonly (Timed & Pick<TimeEntry, 'activity'>)[],
  range: DayRange,
): ActivityTotal[] {
  const from = range.from;
  const to = addDays(range.from, range.days);
  const totals = new Map<string, ActivityTotal>();
  for (const entry of countedOnce(entries.filter((e) => e.end > from && e.start < to))) {
    const ms = Math.min(entry.end, to) - Math.max(entry.start, from);
    if (ms <= 0) continue;
    const key = `${entry.kind}/${entry.activity}`;
    const total = totals.get(key) ?? { kind: entry.kind, activity: entry.activity, ms: 0, entries: 0 };
    total.ms += ms;
    total.entries += 1;
    totals.set(key, total);
  }
  return [...totals.values()].sort(
    (a, b) =>
      Number(a.kind === 'offline') - Number(b.kind === 'offline') ||
      b.ms - a.ms ||
      order.indexOf(a.activity) - order.indexOf(b.activity),
  );
}
