// The Outcomes view's totals: how many of each kind, and money per currency, for the period shown.
import { outcomeTypes, type Money, type Outcome, type OutcomeType } from './outcomes.ts';

export const outcomePeriods = ['all', 'this-month', 'last-month', 'this-year'] as const;
export type OutcomePeriod = (typeof outcomePeriods)[number];

export const outcomePeriodLabels: Record<OutcomePeriod, string> = {
  all: 'All time',
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-year': 'This year',
};

/** Whether a day ('YYYY-MM-DD') falls in the period, as seen on `today` ('YYYY-MM-DD'). */
export function inPeriod(day: string, period: OutcomePeriod, today: string): boolean {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const monthKey = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  switch (period) {
    case 'all':
      return true;
    case 'this-month':
      return day.startsWith(`${monthKey(year, month)}-`);
    case 'last-month':
      return day.startsWith(`${month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1)}-`);
    case 'this-year':
      return day.startsWith(`${year}-`);
  }
}

export interface OutcomeTotals {
  count: number;
  /** Every type, in the order they are offered, with zero where none was logged. */
  byType: { type: OutcomeType; count: number }[];
  /** Per currency, in alphabetical order of the code; never added across currencies. */
  value: Money;
}

export function outcomeTotals(outcomes: readonly Outcome[]): OutcomeTotals {
  const value: Money = {};
  for (const outcome of outcomes) {
    if (outcome.value === null || outcome.currency === null) continue;
    // Summed in cents, so 0.10 + 0.20 shows as 0.30.
    value[outcome.currency] = Math.round(((value[outcome.currency] ?? 0) + outcome.value) * 100) / 100;
  }
  return {
    count: outcomes.length,
    byType: outcomeTypes.map((type) => ({ type, count: outcomes.filter((o) => o.type === type).length })),
    value: Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))),
  };
}
