import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountData } from '../../src/shared/people.ts';
import type { Outcome } from '../../src/shared/outcomes.ts';
import type { Account, TimeEntry } from '../../src/shared/types.ts';
import { HOUR, MINUTE, addDays, fromDayKey } from '../../src/shared/calendar.ts';
import { emptyAccountData } from '../../src/main/services/balance/accountData.ts';
import { defaultSettings } from '../../src/main/services/settings.ts';
import { report, timeReport } from '../../src/main/core/report/report.ts';

const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

const entry = (kind: 'online' | 'offline', start: number, end: number): TimeEntry => ({
  id: `${kind}-${start}`,
  kind,
  activity: kind === 'online' ? 'posting' : 'meeting',
  start,
  end,
  note: '',
  source: 'manual',
});

describe.each(zones)('the report in %s', (zone) => {
  beforeEach(() => {
    process.env.TZ = zone;
  });
  const at = (y: number, m: number, d: number, h = 0, min = 0) => {
    process.env.TZ = zone;
    return new Date(y, m - 1, d, h, min).getTime();
  };
  const week = (first: string) => ({ from: fromDayKey(first), days: 7 });
  // Long after every range below: each is complete.
  const later = fromDayKey('2027-06-01');

  it('adds up a week holding a DST change: an hour online each day is seven hours', () => {
    // The Monday-start week holding each zone's autumn change (Tokyo has none).
    const first = { 'America/Los_Angeles': '2026-10-26', 'Australia/Sydney': '2026-03-30' }[zone] ?? '2026-10-19';
    const monday = week(first);
    expect(addDays(monday.from, 7) - monday.from).toBe(zone === 'Asia/Tokyo' ? 7 * 24 * HOUR : 7 * 24 * HOUR + HOUR);
    const entries = Array.from({ length: 7 }, (_, i) => {
      const start = addDays(monday.from, i) + 10 * HOUR;
      return entry('online', start, start + HOUR);
    });
    const result = timeReport(entries, monday, defaultSettings, later);
    expect(result.days.map((d) => d.onlineMs)).toEqual(Array(7).fill(HOUR));
    expect(result.totals.onlineMs).toBe(7 * HOUR);
    expect(result.from).toBe(first);
    expect(result.days).toHaveLength(7);
  });

  it('splits an entry crossing midnight at a week boundary between the two weeks', () => {
    // Sunday 23:00 to Monday 01:30; the week starts on Monday.
    const late = entry('offline', at(2026, 11, 22, 23), at(2026, 11, 23, 1, 30));
    const result = timeReport([late], week('2026-11-23'), defaultSettings, later);
    expect(result.days[0]!.offlineMs).toBe(90 * MINUTE);
    expect(result.totals.offlineMs).toBe(90 * MINUTE);
    expect(result.comparison.previous.offlineMs).toBe(HOUR);
    expect(result.comparison.previous.from).toBe('2026-11-16');
    expect(result.comparison.previous.to).toBe('2026-11-22');
  });

  it('follows the week-start setting: a Sunday-start week holds that Sunday', () => {
    const sunday = entry('online', at(2026, 11, 22, 9), at(2026, 11, 22, 10));
    const sundayWeek = timeReport([sunday], week('2026-11-22'), { ...defaultSettings, weekStartsOn: 0 }, later);
    const mondayWeek = timeReport([sunday], week('2026-11-23'), defaultSettings, later);
    expect(sundayWeek.totals.onlineMs).toBe(HOUR);
    expect(sundayWeek.days[0]!.day).toBe('2026-11-22');
    expect(mondayWeek.totals.onlineMs).toBe(0);
    expect(mondayWeek.comparison.previous.onlineMs).toBe(HOUR);
  });

  it('compares with the week before: share, days over budget, offline target', () => {
    const entries = [
      entry('online', at(2026, 11, 23, 9), at(2026, 11, 23, 10)), // 60 min > 45 min budget
      entry('offline', at(2026, 11, 24, 9), at(2026, 11, 24, 12)),
      entry('online', at(2026, 11, 17, 9), at(2026, 11, 17, 9, 30)),
    ];
    const result = timeReport(entries, week('2026-11-23'), defaultSettings, later);
    expect(result.totals).toEqual({
      onlineMs: HOUR,
      offlineMs: 3 * HOUR,
      sharePct: 25,
      daysOverBudget: 1,
      daysCounted: 7,
    });
    expect(result.comparison.previous).toMatchObject({
      onlineMs: 30 * MINUTE,
      offlineMs: 0,
      sharePct: 100,
      daysOverBudget: 0,
    });
    expect(result.offlineTargetMs).toBe(defaultSettings.weeklyOfflineTargetMin * MINUTE);
    expect(result.budgetMs).toBe(45 * MINUTE);
  });

  it('covers a custom range of any length, its previous period as long', () => {
    const result = timeReport([], { from: fromDayKey('2026-11-02'), days: 30 }, defaultSettings, later);
    expect(result.days).toHaveLength(30);
    expect([result.from, result.to]).toEqual(['2026-11-02', '2026-12-01']);
    expect([result.comparison.previous.from, result.comparison.previous.to]).toEqual(['2026-10-03', '2026-11-01']);
    expect(result.totals.sharePct).toBeNull();
  });
});

describe('the network and outcome sides of the report', () => {
  process.env.TZ = 'Europe/Berlin';
  const day = (key: string, h = 12) => fromDayKey(key) + h * HOUR;
  const account: Account = {
    id: 'a1',
    network: 'bluesky',
    handle: 'me.bsky.social',
    displayName: 'Me',
    connection: { network: 'demo' },
  };
  const person = { id: 'p', handle: 'p.bsky.social', displayName: 'P' };
  const data: AccountData = {
    ...emptyAccountData(),
    history: [
      { at: day('2026-11-20'), followers: 200, following: 240, mutuals: 150, posts: 100 },
      { at: day('2026-11-24'), followers: 205, following: 238, mutuals: 152, posts: 104 },
      { at: day('2026-11-29', 20), followers: 210, following: 236, mutuals: 155, posts: 107 },
      { at: day('2026-12-01'), followers: 999, following: 999, mutuals: 0, posts: 999 },
    ],
    events: [
      { at: day('2026-11-22'), type: 'gained-follower', person },
      { at: day('2026-11-24'), type: 'gained-follower', person },
      { at: day('2026-11-25'), type: 'lost-follower', person },
      { at: day('2026-11-26'), type: 'unfollowed', person },
      { at: day('2026-11-26'), type: 'unfollowed', person },
      { at: day('2026-11-27'), type: 'followed', person },
    ],
  };
  const outcome = (o: Partial<Outcome>): Outcome => ({
    id: Math.random().toString(36),
    date: '2026-11-24',
    type: 'lead',
    channel: 'bluesky',
    value: null,
    currency: null,
    person: '',
    note: '',
    ...o,
  });
  const outcomes = [
    outcome({}),
    outcome({ channel: 'mastodon', type: 'conversation' }),
    outcome({ channel: 'offline', type: 'client', value: 4500.1, currency: 'EUR' }),
    outcome({ channel: 'offline', type: 'client', value: 0.2, currency: 'EUR' }),
    outcome({ channel: 'offline', type: 'client', value: 300, currency: 'USD' }),
    outcome({ date: '2026-11-30' }),
  ];
  const entries = [
    entry('online', day('2026-11-23', 9), day('2026-11-23', 13)),
    entry('offline', day('2026-11-25', 9), day('2026-11-25', 19)),
  ];
  const result = report(
    { entries, outcomes, accounts: [{ account, data }], settings: defaultSettings },
    { from: fromDayKey('2026-11-23'), days: 7 },
    fromDayKey('2027-01-01'),
  );

  it('gives counts at the start and end of the week, and what changed in it', () => {
    const [row] = result.network.accounts;
    expect(row).toMatchObject({
      start: { followers: 200, following: 240 },
      end: { followers: 210, following: 236 },
      gained: 1,
      lost: 1,
      followed: 1,
      unfollowed: 2,
      posts: 7,
    });
    expect(result.network.combined.end).toEqual({ followers: 210, following: 236 });
    expect(result.network.postsTarget).toBe(defaultSettings.postsPerWeekTarget);
  });

  it('counts the briefing of the week: posts scanned, mentions answered and waiting', () => {
    const post = (key: string, scanned: boolean) => ({ createdAt: day(key), scanned });
    const mention = (key: string, state: 'waiting' | 'answered' | 'ignored') => ({ createdAt: day(key), state });
    const counted = report(
      {
        entries: [],
        outcomes: [],
        accounts: [],
        settings: defaultSettings,
        briefings: [
          { posts: [post('2026-11-23', true), post('2026-11-24', false), post('2026-11-22', true)], mentions: [] },
          {
            posts: [post('2026-11-29', true)],
            mentions: [
              mention('2026-11-24', 'answered'),
              mention('2026-11-25', 'waiting'),
              mention('2026-11-26', 'ignored'),
              mention('2026-11-30', 'waiting'),
            ],
          },
        ],
      },
      { from: fromDayKey('2026-11-23'), days: 7 },
      fromDayKey('2027-01-01'),
    );
    expect(counted.network.catchUp).toEqual({ posts: 3, scanned: 2, mentions: 3, answered: 1, waiting: 1 });
  });

  it('counts outcomes by channel, money kept per currency without float drift', () => {
    expect(result.outcomes.total).toBe(5);
    expect(result.outcomes.byChannel).toEqual([
      { channel: 'bluesky', count: 1, value: {} },
      { channel: 'mastodon', count: 1, value: {} },
      { channel: 'offline', count: 3, value: { EUR: 4500.3, USD: 300 } },
    ]);
  });

  it('says what brings business: outcomes and value per hour on each side', () => {
    expect(result.business.online).toMatchObject({ ms: 4 * HOUR, outcomes: 2, outcomesPerHour: 0.5 });
    expect(result.business.offline.outcomesPerHour).toBeCloseTo(0.3);
    expect(result.business.offline.valuePerHour.EUR).toBeCloseTo(450.03);
    expect(result.business.offline.valuePerHour.USD).toBeCloseTo(30);
  });

  it('has no per-hour figure for a side without time', () => {
    const none = report(
      { entries: [], outcomes, accounts: [], settings: defaultSettings },
      { from: fromDayKey('2026-11-23'), days: 7 },
      fromDayKey('2027-01-01'),
    );
    expect(none.business.online.outcomesPerHour).toBeNull();
    expect(none.network.combined.start).toBeNull();
    expect(none.network.combined.posts).toBeNull();
  });
});
