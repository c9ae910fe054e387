// The report's periods: the presets, what kind a period is (a calendar week, a calendar month, any days), and
// the period before or after it. Pure calendar arithmetic on local days, shared by the report and its picker.
import { addDays, dayKey, daysBetween, fromDayKey, startOfWeek } from './calendar.ts';

/** First and last day, inclusive, 'YYYY-MM-DD'. */
export interface Period {
  from: string;
  to: string;
}

export type PeriodKind = 'week' | 'month' | 'days';

export const presetNames = ['This week', 'Last week', 'This month', 'Last month', 'Last 30 days'] as const;
export type PresetName = (typeof presetNames)[number];

const span = (from: number, days: number): Period => ({ from: dayKey(from), to: dayKey(addDays(from, days - 1)) });

function monthOf(day: number, steps = 0): Period {
  const d = new Date(day);
  const first = new Date(d.getFullYear(), d.getMonth() + steps, 1).getTime();
  const last = new Date(d.getFullYear(), d.getMonth() + steps + 1, 0).getTime();
  return { from: dayKey(first), to: dayKey(last) };
}

/** The week holding `today`, from the week-start setting. */
export function thisWeek(weekStartsOn: number, today: string): Period {
  return span(startOfWeek(fromDayKey(today), weekStartsOn), 7);
}

export function preset(name: PresetName, today: string, weekStartsOn: number): Period {
  const day = fromDayKey(today);
  const week = startOfWeek(day, weekStartsOn);
  switch (name) {
    case 'This week':
      return span(week, 7);
    case 'Last week':
      return span(addDays(week, -7), 7);
    case 'This month':
      return monthOf(day);
    case 'Last month':
      return monthOf(day, -1);
    case 'Last 30 days':
      return span(addDays(day, -29), 30);
  }
}

/** The preset `period` is today, if any. */
export function presetOf(period: Period, today: string, weekStartsOn: number): PresetName | null {
  return presetNames.find((name) => samePeriod(preset(name, today, weekStartsOn), period)) ?? null;
}

export const samePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;

export const lengthOf = (period: Period) => daysBetween(fromDayKey(period.from), fromDayKey(period.to)) + 1;

/** A calendar week (seven days from the week start), a calendar month (its first to its last day), or any days. */
export function periodKind(period: Period, weekStartsOn: number): PeriodKind {
  const from = fromDayKey(period.from);
  if (lengthOf(period) === 7 && startOfWeek(from, weekStartsOn) === from) return 'week';
  if (samePeriod(monthOf(from), period)) return 'month';
  return 'days';
}

/** The period of the same kind `steps` later (earlier when negative): months step by calendar month. */
export function shifted(period: Period, steps: number, weekStartsOn: number): Period {
  const from = fromDayKey(period.from);
  if (periodKind(period, weekStartsOn) === 'month') return monthOf(from, steps);
  const days = lengthOf(period);
  return span(addDays(from, steps * days), days);
}
