import { afterAll, describe, expect, it } from 'vitest';
import { addDays, startOfWeek, HOUR, MINUTE } from '../../src/shared/calendar.ts';
import { dailyTotals } from '../../src/main/core/time/timeLedger.ts';

const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe.each(zones)('time ledger in %s', (zone) => {
  const at = (y: number, m: number, d: number, h = 0, min = 0) => {
    process.env.TZ = zone;
    return new Date(y, m - 1, d, h, min).getTime();
  };

  it('splits a session that crosses midnight between the two days', () => {
    const totals = dailyTotals(
      [{ kind: 'online', start: at(2026, 11, 24, 23, 30), end: at(2026, 11, 25, 0, 45) }],
      at(2026, 11, 24),
      2,
    );
    expect(totals.map((t) => [t.day, t.onlineMs])).toEqual([
      ['2026-11-24', 30 * MINUTE],
      ['2026-11-25', 45 * MINUTE],
    ]);
  });

  it('counts real elapsed time on a DST day, not wall-clock difference', () => {
    // Each zone's own DST change (Tokyo has none): a session over the change lasts what the clock really ran.
    const change: Record<string, [number, number, number]> = {
      'America/Los_Angeles': [2026, 3, 8],
      'Europe/Berlin': [2026, 3, 29],
      'Asia/Tokyo': [2026, 3, 29],
      'Australia/Sydney': [2026, 4, 5],
    };
    const [y, m, d] = change[zone]!;
    const begin = at(y, m, d, 0, 30);
    const end = at(y, m, d, 5, 30);
    const [day] = dailyTotals([{ kind: 'offline', start: begin, end }], begin, 1);
    expect(day!.offlineMs).toBe(end - begin);
    const wall = 5 * HOUR;
    expect(Math.abs(day!.offlineMs - wall)).toBe(zone === 'Asia/Tokyo' ? 0 : HOUR);
  });

  it('gives a DST week seven days starting on the chosen weekday', () => {
    const sunday = at(2026, 10, 25, 12);
    const monday = startOfWeek(sunday, 1);
    const days = dailyTotals([], monday, 7);
    expect(days).toHaveLength(7);
    expect(new Date(monday).getDay()).toBe(1);
    expect(days[6]!.day).toBe('2026-10-25');
    expect(new Date(addDays(monday, 7)).getHours()).toBe(0);
  });
});
