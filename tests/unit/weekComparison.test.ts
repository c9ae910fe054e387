// The Dashboard's "this week so far against the same days last week" asks main for the comparison alone: it must
// say what the report says, the running session counted up to the moment asked.
import { describe, expect, it } from 'vitest';
import { addDays, dayKey, startOfWeek } from '../../src/shared/calendar.ts';
import type { Comparison, Report } from '../../src/shared/report.ts';
import { servicesAt } from '../support/services.ts';

const wednesday = new Date(2026, 10, 25, 15, 0).getTime();
const MIN = 60_000;

describe("the Dashboard's week comparison", () => {
  it('is the report’s comparison, and grows with the running session', async () => {
    const { dispatch, clock } = servicesAt(wednesday);
    const weekStart = startOfWeek(wednesday, 1);
    const week = { from: dayKey(weekStart), to: dayKey(addDays(weekStart, 6)) };
    // Last Tuesday 90 minutes online, this Tuesday 30 minutes online and an hour offline.
    const at = (daysFromWeekStart: number, hour: number) => addDays(weekStart, daysFromWeekStart) + hour * 60 * MIN;
    for (const [start, minutes, kind] of [
      [at(-6, 10), 90, 'online'],
      [at(1, 10), 30, 'online'],
      [at(1, 14), 60, 'offline'],
    ] as const) {
      const activity = kind === 'online' ? 'posting' : 'call';
      const added = await dispatch('addEntry', { kind, activity, start, end: start + minutes * MIN });
      expect(added).toMatchObject({ ok: true });
    }
    await dispatch('startSession', { kind: 'online' });
    clock.advance(20 * MIN);

    const asked = async () => {
      const comparison = (await dispatch('getComparison', week)) as { ok: true; value: Comparison };
      const report = (await dispatch('getReport', week)) as { ok: true; value: Report };
      expect(comparison.value).toEqual(report.value.time.comparison);
      return comparison.value;
    };
    const first = await asked();
    expect(first.current).toMatchObject({ onlineMs: 50 * MIN, offlineMs: 60 * MIN });
    expect(first.previous).toMatchObject({ onlineMs: 90 * MIN, offlineMs: 0 });
    clock.advance(10 * MIN);
    expect((await asked()).current).toMatchObject({ onlineMs: 60 * MIN });
  });

  it('refuses a day that does not exist, naming the field', async () => {
    const { dispatch } = servicesAt(wednesday);
    expect(await dispatch('getComparison', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { fields: { from: expect.any(String) } },
    });
  });
});
