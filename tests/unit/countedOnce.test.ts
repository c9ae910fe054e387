import { describe, expect, it } from 'vitest';
import type { SessionKind, TimeEntry } from '../../src/shared/types.ts';
import { HOUR, MINUTE, addDays } from '../../src/shared/calendar.ts';
import { countedOnce } from '../../src/shared/countedOnce.ts';
import { dailyTotals, entryProblems } from '../../src/main/core/time/timeLedger.ts';
import { activityTotals } from '../../src/main/core/report/activityTotals.ts';
import { deviceTotals } from '../../src/main/core/report/deviceTotals.ts';
import { report, timeReport } from '../../src/main/core/report/report.ts';
import { defaultSettings } from '../../src/main/services/settings.ts';

const day = new Date(2026, 10, 25).getTime();
const at = (hour: number) => day + hour * HOUR;
const range = { from: day, days: 1 };
const later = addDays(day, 30);

let ids = 0;
const entry = (
  device: string | undefined,
  kind: SessionKind,
  from: number,
  to: number,
  activity: TimeEntry['activity'] = kind === 'online' ? 'posting' : 'meeting',
): TimeEntry => ({
  id: `e${++ids}`,
  kind,
  activity,
  start: at(from),
  end: at(to),
  note: '',
  source: 'timer',
  ...(device === undefined ? {} : { device }),
});

const hours = (ms: number) => ms / HOUR;

describe('minutes timed on two devices', () => {
  const laptop = entry('laptop', 'online', 9, 10, 'posting');
  const desktop = entry('desktop', 'online', 9.5, 11, 'replying');

  it('count once: laptop 9:00–10:00 and desktop 9:30–11:00 online are two hours online', () => {
    const [today] = dailyTotals([laptop, desktop], day, 1);
    expect(hours(today!.onlineMs)).toBe(2);
    const time = timeReport([laptop, desktop], range, defaultSettings, later);
    expect(hours(time.totals.onlineMs)).toBe(2);
    expect(time.byDevice.map((d) => [d.device, hours(d.onlineMs), hours(d.offlineMs)])).toEqual([
      ['desktop', 1, 0],
      ['laptop', 1, 0],
    ]);
  });

  it('belong to the entry that started first, with its activity and device', () => {
    expect(countedOnce([desktop, laptop])).toEqual([laptop, { ...desktop, start: at(10) }]);
    const activities = activityTotals([laptop, desktop], range);
    expect(activities.map((a) => [a.activity, hours(a.ms), a.entries])).toEqual([
      ['posting', 1, 1],
      ['replying', 1, 1],
    ]);
  });

  it('go at the same start to the smaller device id, and an entry inside another counts nothing', () => {
    const b = entry('b', 'offline', 9, 12, 'call');
    const a = entry('a', 'offline', 9, 10, 'meeting');
    const inside = entry('c', 'offline', 9.5, 9.75, 'event');
    expect(countedOnce([b, inside, a])).toEqual([a, { ...b, start: at(10) }]);
    expect(hours(dailyTotals([b, inside, a], day, 1)[0]!.offlineMs)).toBe(3);
  });

  it('are counted apart for online and offline: an hour of each is two hours of time', () => {
    const online = entry('laptop', 'online', 9, 10);
    const offline = entry('phone', 'offline', 9, 10);
    expect(countedOnce([online, offline])).toEqual([online, offline]);
    const totals = timeReport([online, offline], range, defaultSettings, later).totals;
    expect([hours(totals.onlineMs), hours(totals.offlineMs), totals.sharePct]).toEqual([1, 1, 50]);
  });

  it('put entries from before sync under the device "" and still count once against synced ones', () => {
    const old = entry(undefined, 'online', 8, 9.5);
    const synced = entry('laptop', 'online', 9, 10);
    expect(deviceTotals([synced, old], range)).toEqual([
      { device: '', onlineMs: 1.5 * HOUR, offlineMs: 0 },
      { device: 'laptop', onlineMs: 0.5 * HOUR, offlineMs: 0 },
    ]);
  });

  it('are cut at the range’s edges, in the totals and by device alike', () => {
    const evening = entry('laptop', 'online', 22, 26); // runs two hours into the next day
    const night = entry('desktop', 'online', 23, 27);
    const time = timeReport([evening, night], range, defaultSettings, later);
    expect(hours(time.totals.onlineMs)).toBe(2);
    expect(time.byDevice).toEqual([{ device: 'laptop', onlineMs: 2 * HOUR, offlineMs: 0 }]);
    const next = timeReport([evening, night], { from: addDays(day, 1), days: 1 }, defaultSettings, later);
    expect(hours(next.totals.onlineMs)).toBe(3);
    expect(next.byDevice.map((d) => [d.device, hours(d.onlineMs)])).toEqual([
      ['laptop', 2],
      ['desktop', 1],
    ]);
  });

  it('carry the device names the report is given, none by default', () => {
    const input = { entries: [laptop, desktop], outcomes: [], accounts: [], settings: defaultSettings };
    expect(report(input, range, later).deviceNames).toEqual({});
    const names = { laptop: 'Work laptop', desktop: 'Desk' };
    expect(report(input, range, later, names).deviceNames).toEqual(names);
  });
});

describe('one device’s ledger', () => {
  const ledger = [
    entry('laptop', 'online', 8, 9),
    entry('laptop', 'offline', 9, 11),
    entry('laptop', 'online', 11, 11.5),
    entry('laptop', 'online', 13, 14),
  ];

  it('comes back unchanged, the same entries in the same order', () => {
    const spans = countedOnce(ledger);
    expect(spans).toHaveLength(ledger.length);
    spans.forEach((span, i) => expect(span).toBe(ledger[i]));
  });

  it('comes back in start order when given out of order, and adds up as before', () => {
    expect(countedOnce([...ledger].reverse())).toEqual(ledger);
    const [today] = dailyTotals(ledger, day, 1);
    expect([hours(today!.onlineMs), hours(today!.offlineMs)]).toEqual([2.5, 2]);
    expect(deviceTotals(ledger, range)).toEqual([{ device: 'laptop', onlineMs: 2.5 * HOUR, offlineMs: 2 * HOUR }]);
  });
});

describe('random entries over three devices, against a count minute by minute', () => {
  // A small deterministic generator: the same cases every run, and a failure names its seed.
  function random(seed: number) {
    let state = seed >>> 0 || 1;
    return (below: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % below;
    };
  }
  const devices = [undefined, 'a', 'b'];

  function randomEntries(seed: number): TimeEntry[] {
    const next = random(seed);
    return Array.from({ length: 1 + next(25) }, (_, i) => {
      // From 18:00 the day before to 06:00 the day after, on the quarter hour so that some start together.
      const start = day + next(36 * 4) * 15 * MINUTE - 6 * HOUR;
      const device = devices[next(3)];
      return {
        id: `r${i}`,
        kind: next(3) === 0 ? 'offline' : 'online',
        activity: next(2) === 0 ? 'posting' : 'scanning',
        start,
        end: start + next(4 * 60) * MINUTE, // some of no length
        note: '',
        source: 'timer',
        ...(device === undefined ? {} : { device }),
      } satisfies TimeEntry;
    });
  }

  /** For each minute of the range, the entry counting it: among those covering it, the one that started first. */
  function minuteOwners(entries: readonly TimeEntry[], kind: SessionKind) {
    const owners: TimeEntry[] = [];
    for (let t = day; t < addDays(day, 1); t += MINUTE) {
      const covering = entries.filter((e) => e.kind === kind && e.start <= t && t < e.end);
      covering.sort(
        (x, y) => x.start - y.start || (x.device ?? '').localeCompare(y.device ?? '') || x.id.localeCompare(y.id),
      );
      if (covering[0]) owners.push(covering[0]);
    }
    return owners;
  }

  it.each(Array.from({ length: 200 }, (_, seed) => seed + 1))('seed %i', (seed) => {
    const entries = randomEntries(seed);
    const time = timeReport(entries, range, defaultSettings, later);
    const spans = countedOnce(entries);
    for (const kind of ['online', 'offline'] as const) {
      const owners = minuteOwners(entries, kind);
      // The total is the union of the entries' minutes.
      expect(kind === 'online' ? time.totals.onlineMs : time.totals.offlineMs).toBe(owners.length * MINUTE);
      // Each device has the minutes it started first.
      for (const device of ['', 'a', 'b']) {
        const mine = owners.filter((e) => (e.device ?? '') === device).length * MINUTE;
        const row = time.byDevice.find((d) => d.device === device);
        expect((kind === 'online' ? row?.onlineMs : row?.offlineMs) ?? 0).toBe(mine);
      }
      // No two spans of a kind overlap.
      const ofKind = spans.filter((s) => s.kind === kind).sort((x, y) => x.start - y.start);
      ofKind.slice(1).forEach((span, i) => expect(span.start).toBeGreaterThanOrEqual(ofKind[i]!.end));
    }
    // Counting once twice changes nothing.
    expect(countedOnce(spans)).toEqual(spans);
  });
});

describe('which entries clash', () => {
  const describeEntry = (e: TimeEntry) => `the ${e.kind} ${e.activity} entry`;
  const now = at(20);
  const laptopMeeting = entry('laptop', 'offline', 9, 10);
  const oldCall = entry(undefined, 'offline', 14, 15, 'call');

  it('an entry overlapping one of another device is saved: the totals count the shared minutes once', () => {
    const draft = { kind: 'online' as const, start: at(9.5), end: at(10.5), device: 'desktop' };
    expect(entryProblems(draft, [laptopMeeting, oldCall], now, describeEntry)).toEqual({});
  });

  it('an entry overlapping one of the same device is refused', () => {
    const draft = { kind: 'online' as const, start: at(9.5), end: at(10.5), device: 'laptop' };
    expect(entryProblems(draft, [laptopMeeting, oldCall], now, describeEntry)).toEqual({
      start: 'This overlaps the offline meeting entry.',
    });
  });

  it('an entry without a device clashes with entries without one, not with a synced device’s', () => {
    const draft = { kind: 'online' as const, start: at(9.5), end: at(14.5) };
    expect(entryProblems(draft, [laptopMeeting, oldCall], now, describeEntry)).toEqual({
      start: 'This overlaps the offline call entry.',
    });
    expect(entryProblems(draft, [laptopMeeting], now, describeEntry)).toEqual({});
  });
});
