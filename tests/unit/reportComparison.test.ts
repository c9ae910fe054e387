import { afterAll, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../src/shared/types.ts';
import { HOUR, MINUTE, addDays, fromDayKey } from '../../src/shared/calendar.ts';
import { periodKind, preset, presetOf, shifted } from '../../src/shared/reportPeriods.ts';
import { comparison } from '../../src/main/core/report/comparison.ts';
import { timeReport } from '../../src/main/core/report/report.ts';
import { defaultSettings } from '../../src/main/services/settings.ts';

const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

const budget = 45 * MINUTE;
type Span = Pick<TimeEntry, 'kind' | 'start' | 'end'>;
const online = (day: string, minutes: number, hour = 9): Span => {
  const start = fromDayKey(day) + hour * HOUR;
  return { kind: 'online', start, end: start + minutes * MINUTE };
};
const offline = (day: string, minutes: number): Span => ({ ...online(day, minutes, 14), kind: 'offline' });
const range = (first: string, days: number) => ({ from: fromDayKey(first), days });
const at = (day: string, hour: number) => fromDayKey(day) + hour * HOUR;

describe.each(zones)('comparing like with like in %s', (zone) => {
  process.env.TZ = zone;
  // Tuesday 1 December 2026, 10:00; weeks start on Monday (30 Nov) unless a test says otherwise.
  const tuesday = () => at('2026-12-01', 10);

  it('compares a running week with the same days of last week, so far', () => {
    process.env.TZ = zone;
    const entries = [
      online('2026-11-30', 30),
      online('2026-12-01', 37, 8),
      online('2026-11-23', 70),
      online('2026-11-24', 60),
      online('2026-11-25', 500), // last Wednesday: not one of the days compared
    ];
    const result = comparison(entries, range('2026-11-30', 7), tuesday(), 1, budget);
    expect(result).toMatchObject({ kind: 'week', running: true });
    expect(result.current).toMatchObject({ from: '2026-11-30', to: '2026-12-01', days: 2, onlineMs: 67 * MINUTE });
    expect(result.previous).toMatchObject({ from: '2026-11-23', to: '2026-11-24', days: 2, onlineMs: 130 * MINUTE });
    expect(result.changes.online).toEqual({ diff: -63 * MINUTE, verdict: 'good' });
  });

  it('counts days over budget only among days passed; today once it is over', () => {
    process.env.TZ = zone;
    const week = range('2026-11-30', 7);
    const mondayOver = [online('2026-11-30', 50), online('2026-12-01', 20, 8), online('2026-11-24', 90)];
    const under = comparison(mondayOver, week, tuesday(), 1, budget);
    expect(under.current).toMatchObject({ daysOverBudget: 1, daysCounted: 1 });
    // Last Tuesday was over, but today is not yet: it is no day to compare with.
    expect(under.previous).toMatchObject({ daysOverBudget: 0, daysCounted: 1 });
    expect(under.changes.daysOverBudget).toEqual({ diff: 1, verdict: 'bad' });

    const todayOver = comparison([...mondayOver, online('2026-12-01', 30, 6)], week, tuesday(), 1, budget);
    expect(todayOver.current).toMatchObject({ daysOverBudget: 2, daysCounted: 2 });
    expect(todayOver.previous).toMatchObject({ daysOverBudget: 1, daysCounted: 2 });

    const whole = timeReport(mondayOver, week, defaultSettings, tuesday());
    expect(whole.totals).toMatchObject({ daysOverBudget: 1, daysCounted: 1 });
    expect(timeReport(mondayOver, range('2026-12-07', 7), defaultSettings, tuesday()).totals.daysCounted).toBe(0);
    expect(timeReport(mondayOver, range('2026-11-23', 7), defaultSettings, tuesday()).totals.daysCounted).toBe(7);
  });

  it('says more offline is good and less is bad; more online is bad only past the budget', () => {
    process.env.TZ = zone;
    const week = range('2026-11-30', 7);
    const moreOffline = comparison([offline('2026-11-30', 90), offline('2026-11-23', 30)], week, tuesday(), 1, budget);
    expect(moreOffline.changes.offline).toEqual({ diff: 60 * MINUTE, verdict: 'good' });
    const lessOffline = comparison([offline('2026-11-23', 30)], week, tuesday(), 1, budget);
    expect(lessOffline.changes.offline).toEqual({ diff: -30 * MINUTE, verdict: 'bad' });
    expect(lessOffline.changes.share).toBeNull();
    // 60 min over two days is within 2 × 45 min; 100 min is not.
    const within = comparison([online('2026-11-30', 60), online('2026-11-23', 10)], week, tuesday(), 1, budget);
    expect(within.changes.online.verdict).toBe('neutral');
    const past = comparison([online('2026-11-30', 100), online('2026-11-23', 10)], week, tuesday(), 1, budget);
    expect(past.changes.online.verdict).toBe('bad');
    expect(past.changes.share).toEqual({ diff: 0, verdict: 'neutral' });
  });

  it('follows the week-start setting: a Sunday-start week is a week, a Monday-start range is not', () => {
    process.env.TZ = zone;
    const sunday = comparison([], range('2026-11-29', 7), tuesday(), 0, budget);
    expect(sunday.kind).toBe('week');
    expect([sunday.current.from, sunday.current.to, sunday.previous.from]).toEqual([
      '2026-11-29',
      '2026-12-01',
      '2026-11-22',
    ]);
    expect(comparison([], range('2026-11-30', 7), tuesday(), 0, budget).kind).toBe('days');
  });

  it('compares a running month with the same days of last month, a short month cut at its end', () => {
    process.env.TZ = zone;
    const march = range('2026-03-01', 31);
    const mid = comparison([], march, at('2026-03-15', 12), 1, budget);
    expect(mid).toMatchObject({ kind: 'month', running: true });
    expect([mid.current.to, mid.previous.from, mid.previous.to]).toEqual(['2026-03-15', '2026-02-01', '2026-02-15']);
    const last = comparison([], march, at('2026-03-31', 12), 1, budget);
    expect([last.current.days, last.previous.to, last.previous.days]).toEqual([31, '2026-02-28', 28]);
    // A leap year's February has a 29th.
    expect(comparison([], range('2028-03-01', 31), at('2028-03-30', 12), 1, budget).previous.to).toBe('2028-02-29');
    // A month that is over compares with the whole month before.
    const november = comparison([online('2026-10-31', 20)], range('2026-11-01', 30), tuesday(), 1, budget);
    expect(november).toMatchObject({ running: false, current: { days: 30 }, previous: { days: 31 } });
    expect(november.previous.onlineMs).toBe(20 * MINUTE);
  });

  it('counts a DST day whole: an hour online on each day of the change month adds up', () => {
    process.env.TZ = zone;
    // October holds the autumn change in Europe and the spring change in Sydney; November in Los Angeles.
    const first = zone === 'America/Los_Angeles' ? '2026-11-01' : '2026-10-01';
    const days = zone === 'America/Los_Angeles' ? 30 : 31;
    const entries = Array.from({ length: days }, (_, i) => {
      const start = addDays(fromDayKey(first), i) + 12 * HOUR;
      return { kind: 'online' as const, start, end: start + HOUR };
    });
    const result = comparison(entries, range(first, days), at(first, 0) + 40 * 24 * HOUR, 1, budget);
    expect(result.current).toMatchObject({ days, onlineMs: days * HOUR, daysOverBudget: days, daysCounted: days });
  });

  it('compares the last 30 days with the 30 before them', () => {
    process.env.TZ = zone;
    const period = preset('Last 30 days', '2026-12-01', 1);
    expect(period).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    const result = comparison([], range(period.from, 30), tuesday(), 1, budget);
    expect(result).toMatchObject({ kind: 'days', running: true, current: { days: 30 } });
    expect([result.previous.from, result.previous.to]).toEqual(['2026-10-03', '2026-11-01']);
  });
});

describe.each(zones)('the report presets in %s', (zone) => {
  it('gives this and last week from the week-start setting, and months across a year end', () => {
    process.env.TZ = zone;
    expect(preset('This week', '2026-12-01', 1)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(preset('Last week', '2026-12-01', 0)).toEqual({ from: '2026-11-22', to: '2026-11-28' });
    expect(preset('This month', '2026-02-10', 1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(preset('Last month', '2026-01-31', 1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-01', 1)).toBe('Last month');
    expect(presetOf({ from: '2026-11-02', to: '2026-11-30' }, '2026-12-01', 1)).toBeNull();
  });

  it('steps months by calendar month and weeks by seven days', () => {
    process.env.TZ = zone;
    expect(shifted({ from: '2026-03-01', to: '2026-03-31' }, -1, 1)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(shifted({ from: '2026-10-26', to: '2026-11-01' }, 1, 1)).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(periodKind({ from: '2026-10-26', to: '2026-11-01' }, 1)).toBe('week');
    expect(periodKind({ from: '2026-02-01', to: '2026-02-28' }, 1)).toBe('month');
  });
});
