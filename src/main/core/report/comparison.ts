// Like with like: a period compares with the same days of the period before, up to today while it runs, and
// only days that have passed (today once it is over) count towards days over budget.
import type { Change, Comparison, ComparedDays } from '../../../shared/report.ts';
import type { DayTotals } from '../../../shared/types.ts';
import { addDays, dayKey, daysBetween, startOfDay } from '../../../shared/calendar.ts';
import { lengthOf, periodKind } from '../../../shared/reportPeriods.ts';
import { dailyTotals } from '../time/timeLedger.ts';

/** Local days [from, from + days). */
export interface DayRange {
  from: number;
  days: number;
}

type Span = Parameters<typeof dailyTotals>[0][number];

const periodOf = (range: DayRange) => ({ from: dayKey(range.from), to: dayKey(addDays(range.from, range.days - 1)) });

/** The period's days compared (up to today while it runs) and the same days of the period before. */
export function comparedRanges(range: DayRange, now: number, weekStartsOn: number) {
  const kind = periodKind(periodOf(range), weekStartsOn);
  const todayIndex = daysBetween(range.from, startOfDay(now));
  const running = todayIndex >= 0 && todayIndex < range.days;
  const days = running ? todayIndex + 1 : range.days;
  if (kind === 'month') {
    const first = new Date(range.from);
    const from = new Date(first.getFullYear(), first.getMonth() - 1, 1).getTime();
    // A month that is over compares with the whole month before; the 31st so far with a shorter month's last day.
    const whole = lengthOf({ from: dayKey(from), to: dayKey(addDays(range.from, -1)) });
    const before = running ? Math.min(days, whole) : whole;
    return { kind, running, todayIndex, current: { from: range.from, days }, previous: { from, days: before } };
  }
  const previous = { from: addDays(range.from, -range.days), days };
  return { kind, running, todayIndex, current: { from: range.from, days }, previous };
}

/** Totals of `days`; days over budget among the first `counted` of them. */
export function comparedDays(days: DayTotals[], budgetMs: number, counted: number): ComparedDays {
  const onlineMs = days.reduce((sum, d) => sum + d.onlineMs, 0);
  const offlineMs = days.reduce((sum, d) => sum + d.offlineMs, 0);
  const all = onlineMs + offlineMs;
  return {
    from: days[0]?.day ?? '',
    to: days.at(-1)?.day ?? '',
    days: days.length,
    onlineMs,
    offlineMs,
    sharePct: all === 0 ? null : Math.round((onlineMs / all) * 100),
    daysOverBudget: days.slice(0, counted).filter((d) => d.onlineMs > budgetMs).length,
    daysCounted: Math.min(counted, days.length),
  };
}

/** How many of a period's days count towards days over budget: those passed, and today once it is over. */
export function countedDays(days: readonly DayTotals[], budgetMs: number, todayIndex: number): number {
  if (todayIndex < 0) return 0;
  if (todayIndex >= days.length) return days.length;
  return todayIndex + (days[todayIndex]!.onlineMs > budgetMs ? 1 : 0);
}

function change(now: number, before: number, better: 'less' | 'more', overBudget = true): Change {
  const diff = now - before;
  if (diff === 0) return { diff, verdict: 'neutral' };
  const good = better === 'less' ? diff < 0 : diff > 0;
  // More online time is only bad once it goes past the budget for the days compared.
  if (!good && better === 'less' && !overBudget) return { diff, verdict: 'neutral' };
  return { diff, verdict: good ? 'good' : 'bad' };
}

export function comparison(
  entries: readonly Span[],
  range: DayRange,
  now: number,
  weekStartsOn: number,
  budgetMs: number,
  /** The range's day totals when the caller has them: the days compared are their first ones. */
  days: readonly DayTotals[] = dailyTotals(entries, range.from, range.days),
): Comparison {
  const ranges = comparedRanges(range, now, weekStartsOn);
  const currentDays = days.slice(0, ranges.current.days);
  const counted = countedDays(currentDays, budgetMs, ranges.todayIndex);
  const current = comparedDays(currentDays, budgetMs, counted);
  const previous = comparedDays(dailyTotals(entries, ranges.previous.from, ranges.previous.days), budgetMs, counted);
  return {
    kind: ranges.kind,
    running: ranges.running,
    current,
    previous,
    changes: {
      online: change(current.onlineMs, previous.onlineMs, 'less', current.onlineMs > budgetMs * current.days),
      offline: change(current.offlineMs, previous.offlineMs, 'more'),
      share:
        current.sharePct === null || previous.sharePct === null
          ? null
          : change(current.sharePct, previous.sharePct, 'less'),
      daysOverBudget: change(current.daysOverBudget, previous.daysOverBudget, 'less'),
    },
  };
}
