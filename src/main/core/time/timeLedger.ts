// The time ledger: what a valid entry is, and how entries add up per local day.
import type { DayTotals, RunningSession, SessionKind, TimeEntry } from '../../../shared/types.ts';
import { DAY, addDays, dayKey, startOfDay } from '../../../shared/calendar.ts';
import { countedOnce, type Timed } from '../../../shared/countedOnce.ts';

export interface EntryDraft {
  kind: SessionKind;
  start: number;
  end: number;
  /** The device the entry is of; absent for entries from before devices synced. */
  device?: string;
}

/** Per-field messages for a draft that cannot be saved; empty when it can. */
export function entryProblems(
  draft: EntryDraft,
  others: readonly TimeEntry[],
  now: number,
  describe: (entry: TimeEntry) => string,
): Record<string, string> {
  if (draft.end <= draft.start) return { end: 'The end must be after the start.' };
  if (draft.end - draft.start > DAY) return { end: 'An entry can last at most 24 hours.' };
  if (draft.end > now) return { end: 'The end cannot be in the future.' };
  // Another device may time the same minutes: they overlap freely and the totals count them once.
  const clash = others.find(
    (other) => other.device === draft.device && other.start < draft.end && draft.start < other.end,
  );
  if (clash) return { start: `This overlaps ${describe(clash)}.` };
  return {};
}

/** The part of [start, end) that falls inside [from, to). */
function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

/** The running session as an entry ending now; a clock set back never makes it negative. */
export function runningAsEntry(running: RunningSession, now: number): Pick<TimeEntry, 'kind' | 'start' | 'end'> {
  return { kind: running.kind, start: running.start, end: Math.max(running.start, now) };
}

/**
 * Online and offline time per local day from `from` for `days` days; entries crossing midnight are split, and
 * minutes timed on two devices count once.
 */
export function dailyTotals(entries: readonly Timed[], from: number, days: number): DayTotals[] {
  const bounds: number[] = [];
  for (let i = 0; i <= days; i++) bounds.push(addDays(startOfDay(from), i));
  const totals = bounds.slice(0, -1).map((start) => ({ day: dayKey(start), onlineMs: 0, offlineMs: 0 }));
  const rangeStart = bounds[0]!;
  const rangeEnd = bounds[days]!;
  // Only entries touching the range can share its minutes, so only they are counted once.
  const inRange = entries.filter((entry) => entry.end > rangeStart && entry.start < rangeEnd);
  for (const entry of countedOnce(inRange)) {
    // A year of days is searched, not walked: the entry's first day, then only the days it spans.
    for (let i = Math.max(0, dayIndex(bounds, entry.start)); i < days && bounds[i]! < entry.end; i++) {
      const ms = overlap(entry.start, entry.end, bounds[i]!, bounds[i + 1]!);
      const total = totals[i]!;
      if (entry.kind === 'online') total.onlineMs += ms;
      else total.offlineMs += ms;
    }
  }
  return totals;
}

/** The index of the day in `bounds` holding `ms` (−1 before the first). */
function dayIndex(bounds: readonly number[], ms: number): number {
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (bounds[mid]! <= ms) low = mid;
    else high = mid - 1;
  }
  return bounds[low]! <= ms ? low : -1;
}
