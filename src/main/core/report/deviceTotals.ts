// Time per device over a range of days: which device timed or logged the minutes, each minute counted once.
import type { DeviceTime } from '../../../shared/report.ts';
import { addDays } from '../../../shared/calendar.ts';
import { countedOnce, type Timed } from '../../../shared/countedOnce.ts';
import type { DayRange } from './comparison.ts';

/**
 * Online and offline time per device inside the range, entries cut at its edges. A minute two devices timed
 * counts for the one whose entry started first, so the devices add up to the report's totals. Entries from
 * before devices synced count under the device ''. Largest first; devices without time are left out.
 */
export function deviceTotals(entries: readonly Timed[], range: DayRange): DeviceTime[] {
  const from = range.from;
  const to = addDays(range.from, range.days);
  const totals = new Map<string, DeviceTime>();
  for (const span of countedOnce(entries.filter((e) => e.end > from && e.start < to))) {
    const ms = Math.min(span.end, to) - Math.max(span.start, from);
    if (ms <= 0) continue;
    const device = span.device ?? '';
    const total = totals.get(device) ?? { device, onlineMs: 0, offlineMs: 0 };
    if (span.kind === 'online') total.onlineMs += ms;
    else total.offlineMs += ms;
    totals.set(device, total);
  }
  return [...totals.values()].sort(
    (a, b) => b.onlineMs + b.offlineMs - (a.onlineMs + a.offlineMs) || (a.device < b.device ? -1 : 1),
  );
}
