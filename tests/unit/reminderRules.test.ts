import { afterAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import { answered, emptyLog, nextReminder, shown, type Situation } from '../../src/main/core/time/reminderRules.ts';
import { defaultSettings } from '../../src/main/services/settings.ts';
import { servicesAt } from '../support/services.ts';

const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe.each(['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'])(
  'reminder rules in %s',
  (zone) => {
    const at = (h: number, m = 0, day = 25) => {
      process.env.TZ = zone;
      return new Date(2026, 10, day, h, m).getTime();
    };
    const online = (start: number) => ({
      kind: 'online' as const,
      activity: 'posting' as const,
      start,
      heartbeat: start,
    });
    const situation = (patch: Partial<Situation>): Situation => ({
      now: at(11),
      settings: defaultSettings,
      running: online(at(10, 50)),
      todayOnlineMs: 10 * MINUTE,
      weekOfflineMs: 5 * HOUR,
      daysIntoWeek: 2,
      weekStartDay: '2026-11-23',
      lastOnlineEnd: at(9),
      lastWeek: null,
      ...patch,
    });

    it('says nothing while within budget and stretch', () => {
      expect(nextReminder(situation({}), emptyLog)).toBeNull();
    });

    it('nudges offline once the day’s online budget is spent, with all three actions', () => {
      const reminder = nextReminder(situation({ todayOnlineMs: 46 * MINUTE }), emptyLog);
      expect(reminder).toMatchObject({
        cause: 'daily-budget',
        title: 'Time to go do some offline business development',
        body: 'Online today: 46 min of your 45 min budget.',
        actions: ['start-offline', 'snooze', 'done-for-today'],
      });
    });

    it('nudges after the longest continuous stretch', () => {
      const reminder = nextReminder(situation({ running: online(at(10, 25)) }), emptyLog);
      expect(reminder).toMatchObject({ cause: 'stretch', body: expect.stringContaining('35 min without a break') });
    });

    it('never nudges twice for the same cause on the same occasion', () => {
      const first = nextReminder(situation({ todayOnlineMs: 50 * MINUTE }), emptyLog)!;
      const log = shown(emptyLog, first);
      expect(
        nextReminder(situation({ todayOnlineMs: 55 * MINUTE, now: at(11, 30), running: online(at(11, 20)) }), log),
      ).toBeNull();
      // The next day is a new occasion.
      expect(
        nextReminder(
          situation({ todayOnlineMs: 50 * MINUTE, now: at(11, 0, 26), running: online(at(10, 50, 26)) }),
          log,
        )?.cause,
      ).toBe('daily-budget');
    });

    it('never nudges during quiet hours, including hours that wrap past midnight', () => {
      const settings = { ...defaultSettings, quietHours: { from: '22:00', to: '07:00' } };
      const late = situation({ settings, now: at(23, 30), running: online(at(22, 50)), todayOnlineMs: 2 * HOUR });
      expect(nextReminder(late, emptyLog)).toBeNull();
      const early = situation({ settings, now: at(6, 30), running: online(at(5, 50)), todayOnlineMs: 2 * HOUR });
      expect(nextReminder(early, emptyLog)).toBeNull();
      expect(nextReminder({ ...early, now: at(7, 1) }, emptyLog)).not.toBeNull();
    });

    it('never nudges while an offline session runs', () => {
      const offline = { ...online(at(10)), kind: 'offline' as const, activity: 'meeting' as const };
      expect(
        nextReminder(situation({ running: offline, todayOnlineMs: 3 * HOUR, weekOfflineMs: 0 }), emptyLog),
      ).toBeNull();
    });

    it('snoozes for ten minutes at most three times, then offers no snooze', () => {
      let log = emptyLog;
      let now = at(11);
      for (let i = 0; i < 3; i++) {
        const reminder = nextReminder(situation({ now, running: online(now - 5 * MINUTE), todayOnlineMs: HOUR }), log)!;
        expect(reminder).toMatchObject({ cause: 'daily-budget', actions: expect.arrayContaining(['snooze']) });
        log = answered(shown(log, reminder), reminder, 'snooze', now);
        expect(
          nextReminder(situation({ now: now + 9 * MINUTE, running: online(now), todayOnlineMs: HOUR }), log),
        ).toBeNull();
        now += 10 * MINUTE;
      }
      const last = nextReminder(situation({ now, running: online(now - 5 * MINUTE), todayOnlineMs: HOUR }), log)!;
      expect(last.actions).toEqual(['start-offline', 'done-for-today']);
    });

    it('is silent for the rest of the day after “Done for today”', () => {
      const reminder = nextReminder(situation({ todayOnlineMs: HOUR }), emptyLog)!;
      const log = answered(emptyLog, reminder, 'done-for-today', at(11));
      expect(
        nextReminder(situation({ now: at(16), running: online(at(15, 20)), todayOnlineMs: 2 * HOUR }), log),
      ).toBeNull();
    });

    it('says once a week when offline time is behind the target’s pace, from the third day on', () => {
      const behind = situation({ weekOfflineMs: HOUR, daysIntoWeek: 2 });
      expect(nextReminder(behind, emptyLog)).toMatchObject({
        cause: 'weekly-offline',
        body: expect.stringContaining('1 h offline so far of your 5 h target'),
      });
      expect(nextReminder(situation({ weekOfflineMs: 0, daysIntoWeek: 1 }), emptyLog)).toBeNull();
      const log = shown(emptyLog, nextReminder(behind, emptyLog)!);
      expect(
        nextReminder({ ...behind, daysIntoWeek: 4, now: at(11, 0, 27), running: online(at(10, 50, 27)) }, log),
      ).toBeNull();
    });

    it('welcomes the user back after four hours away, to scan followers’ messages', () => {
      const back = situation({ running: online(at(14)), now: at(14, 1), lastOnlineEnd: at(9, 30) });
      expect(nextReminder(back, emptyLog)).toMatchObject({
        cause: 'back-online',
        body: expect.stringContaining('4 h 30'),
        actions: ['open-catch-up', 'dismiss'],
        route: { view: 'catch-up' },
      });
      expect(nextReminder({ ...back, lastOnlineEnd: at(11) }, emptyLog)).toBeNull();
    });
  },
);

describe('reminders carried out by the services', () => {
  it('nudges when the stretch runs out and starts the offline session when asked', async () => {
    const { services, timers, dispatch } = servicesAt(new Date(2026, 10, 25, 9).getTime());
    services.settings.update({ weeklyOfflineTargetMin: 0 });
    services.time.add({
      kind: 'online',
      activity: 'posting',
      start: new Date(2026, 10, 25, 8).getTime(),
      end: new Date(2026, 10, 25, 8, 5).getTime(),
    });
    services.time.start('online');
    timers.advance(29 * MINUTE);
    expect(services.reminders.current()).toBeNull();
    timers.advance(MINUTE);
    const reminder = services.reminders.current()!;
    expect(reminder.cause).toBe('stretch');
    expect(await dispatch('answerReminder', { key: reminder.key, action: 'start-offline' })).toEqual({
      ok: true,
      value: null,
    });
    expect(services.time.state().running?.kind).toBe('offline');
    expect(await dispatch('answerReminder', { key: reminder.key, action: 'snooze' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('brings a snoozed reminder back after ten minutes', () => {
    const { services, timers } = servicesAt(new Date(2026, 10, 25, 9).getTime());
    services.settings.update({ longestStretchMin: 10, weeklyOfflineTargetMin: 0 });
    services.time.add({
      kind: 'online',
      activity: 'posting',
      start: new Date(2026, 10, 25, 8).getTime(),
      end: new Date(2026, 10, 25, 8, 5).getTime(),
    });
    services.time.start('online');
    timers.advance(10 * MINUTE);
    const reminder = services.reminders.current()!;
    services.reminders.answer(reminder.key, 'snooze');
    timers.advance(9 * MINUTE);
    expect(services.reminders.current()).toBeNull();
    timers.advance(MINUTE);
    expect(services.reminders.current()?.key).toBe(reminder.key);
  });
});

describe('the weekly digest', () => {
  const lastWeek = {
    from: '2026-11-16',
    to: '2026-11-22',
    onlineMs: 3 * HOUR + 10 * MINUTE,
    offlineMs: 6 * HOUR,
    followerChange: 12,
  };
  const situation = (patch: Partial<Situation>): Situation => ({
    now: new Date(2026, 10, 23, 9).getTime(),
    settings: defaultSettings,
    running: null,
    todayOnlineMs: 0,
    weekOfflineMs: 0,
    daysIntoWeek: 0,
    weekStartDay: '2026-11-23',
    lastOnlineEnd: null,
    lastWeek,
    ...patch,
  });

  it('sums up last week in one line and leads to its report', () => {
    expect(nextReminder(situation({}), emptyLog)).toEqual({
      key: 'weekly-digest:2026-11-16',
      cause: 'weekly-digest',
      title: 'Your week in review',
      body: 'Last week: 3 h 10 online, 6 h offline, +12 followers.',
      actions: ['open-report', 'dismiss'],
      route: { view: 'report', period: { from: '2026-11-16', to: '2026-11-22' } },
    });
  });

  it('leaves out followers without synced accounts, and comes once a week', () => {
    const reminder = nextReminder(situation({ lastWeek: { ...lastWeek, followerChange: null } }), emptyLog)!;
    expect(reminder.body).toBe('Last week: 3 h 10 online, 6 h offline.');
    expect(nextReminder(situation({}), shown(emptyLog, reminder))).toBeNull();
  });

  it('waits while an offline session runs', () => {
    const running = { kind: 'offline' as const, activity: 'meeting' as const, start: 0, heartbeat: 0 };
    expect(nextReminder(situation({ running }), emptyLog)).toBeNull();
  });

  it('comes when Twoway starts in a new week after a week with logged time', async () => {
    process.env.TZ = 'Europe/Berlin';
    const friday = new Date(2026, 10, 20, 9).getTime();
    const first = servicesAt(friday);
    first.services.time.add({ kind: 'offline', activity: 'meeting', start: friday - 2 * HOUR, end: friday - HOUR });
    await first.services.start();
    expect(first.services.reminders.current()).toBeNull();

    const monday = servicesAt(new Date(2026, 10, 23, 9).getTime(), { dataDir: first.dataDir });
    await monday.services.start();
    expect(monday.services.reminders.current()).toMatchObject({
      cause: 'weekly-digest',
      body: 'Last week: 0 min online, 1 h offline.',
    });
    const answered = await monday.dispatch('answerReminder', {
      key: 'weekly-digest:2026-11-16',
      action: 'open-report',
    });
    expect(answered).toEqual({ ok: true, value: null });
  });
});
