import { describe, expect, it } from 'vitest';
import { activityTotals } from '../../src/main/core/report/activityTotals.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { chosen, firstChoices, remember } from '../../src/main/core/time/sessionChoice.ts';
import * as timer from '../../src/main/core/time/sessionTimer.ts';
import { trayView } from '../../src/main/core/desktop/trayView.ts';
import type { DiscardedSession, TimeEntry } from '../../src/shared/types.ts';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import { servicesAt } from '../support/services.ts';

const nineAm = new Date(2026, 10, 25, 9).getTime();

describe('the remembered activity and note', () => {
  it('proposes the last activity and note of each kind, each kind its own', () => {
    let choices = firstChoices;
    expect(chosen(choices, 'online')).toEqual({ activity: 'scanning', note: '' });
    choices = remember(choices, 'online', { activity: 'replying', note: 'Threads from Monday' });
    expect(chosen(choices, 'online')).toEqual({ activity: 'replying', note: 'Threads from Monday' });
    expect(chosen(choices, 'offline')).toEqual({ activity: 'meeting', note: '' });
    expect(chosen(choices, 'online', { activity: 'replying' })).toEqual({
      activity: 'replying',
      note: 'Threads from Monday',
    });
    // The note belongs to the activity it was written for.
    expect(chosen(choices, 'online', { activity: 'scanning' })).toEqual({ activity: 'scanning', note: '' });
    expect(chosen(choices, 'online', { activity: 'posting', note: 'Launch' })).toEqual({
      activity: 'posting',
      note: 'Launch',
    });
    expect(chosen(choices, 'online', { note: '' })).toEqual({ activity: 'replying', note: '' });
    expect(remember(choices, 'online', { activity: 'replying', note: 'Threads from Monday' })).toBe(choices);
  });

  it('starts with them, changes them while the session runs, saves the entry with them and proposes them next', () => {
    const s = servicesAt(nineAm);
    s.services.time.start('online', 'posting', 'Launch thread');
    s.clock.advance(10 * MINUTE);
    s.services.time.change({ activity: 'replying', note: 'Answers to the launch thread' });
    expect(s.services.time.state().running).toMatchObject({ activity: 'replying', start: nineAm });
    s.clock.advance(10 * MINUTE);
    const entry = s.services.time.stop();
    expect(entry).toMatchObject({
      activity: 'replying',
      note: 'Answers to the launch thread',
      end: nineAm + 20 * MINUTE,
    });
    expect(s.services.time.summary().proposed).toEqual({
      online: { activity: 'replying', note: 'Answers to the launch thread' },
      offline: { activity: 'meeting', note: '' },
    });
    // One click (the tray, a shortcut) starts the remembered one; a restart keeps it.
    const again = servicesAt(s.clock.now(), { dataDir: s.dataDir });
    again.services.time.start('online');
    expect(again.services.time.state().running).toMatchObject({
      kind: 'online',
      activity: 'replying',
      note: 'Answers to the launch thread',
    });
  });

  it('refuses an activity of the other kind for the running session, and a change with nothing running', () => {
    const s = servicesAt(nineAm);
    expect(() => s.services.time.change({ note: 'x' })).toThrow('No session is running');
    s.services.time.start('offline', 'call');
    expect(() => s.services.time.change({ activity: 'posting' })).toThrow(
      expect.objectContaining({ fields: { activity: 'An offline session cannot be posting: that is online time.' } }),
    );
    expect(s.services.time.state().running?.activity).toBe('call');
  });

  it('names the remembered activity in the tray menu', () => {
    const view = trayView({
      running: null,
      now: nineAm,
      today: { day: '2026-11-25', onlineMs: 0, offlineMs: 0 },
      onlineBudgetMs: HOUR,
      followers: null,
      liveTitle: false,
      locale: 'en-GB',
      proposed: { online: { activity: 'replying', note: '' }, offline: { activity: 'call', note: 'Ana' } },
    });
    expect(view.menu.slice(0, 2).map((item) => item.label)).toEqual([
      'Start online · replying',
      'Start offline · call',
    ]);
  });
});

describe('the running session’s note', () => {
  it('goes on through a question about time away, and changes without moving the start', () => {
    const start = timer.start(timer.idle, 'offline', { activity: 'event', note: 'Meetup' }, nineAm).state;
    const asked = { ...start, question: { reason: 'away' as const, from: nineAm + HOUR, to: nineAm + 2 * HOUR } };
    const after = timer.answer(asked, 'discard', nineAm + 2 * HOUR);
    expect(after.closed).toEqual([
      { kind: 'offline', activity: 'event', note: 'Meetup', start: nineAm, end: nineAm + HOUR, source: 'timer' },
    ]);
    expect(after.state.running).toMatchObject({ activity: 'event', note: 'Meetup', start: nineAm + 2 * HOUR });
    const changed = timer.change(after.state, { note: 'Meetup, then dinner' });
    expect(changed.running).toMatchObject({ activity: 'event', note: 'Meetup, then dinner', start: nineAm + 2 * HOUR });
    expect(timer.change(changed, { note: 'Meetup, then dinner' })).toBe(changed);
    expect(timer.change(timer.idle, { note: 'x' })).toBe(timer.idle);
  });
});

describe('sessions shorter than a minute', () => {
  it('are dropped when stopped and when another kind starts, saying how long they ran', () => {
    const clock = manualClock(nineAm);
    let state = timer.start(timer.idle, 'online', { activity: 'scanning', note: '' }, clock.now()).state;
    clock.advance(40_000);
    const stopped = timer.stop(state, clock.now(), timer.shortestKeptSessionMs);
    expect(stopped).toEqual({ state: timer.idle, closed: [], discardedMs: 40_000 });

    state = timer.start(timer.idle, 'online', { activity: 'scanning', note: '' }, clock.now()).state;
    clock.advance(59_999);
    const switched = timer.start(state, 'offline', { activity: 'call', note: '' }, clock.now(), MINUTE);
    expect(switched.closed).toEqual([]);
    expect(switched.discardedMs).toBe(59_999);
    expect(switched.state.running).toMatchObject({ kind: 'offline', start: clock.now() });
  });

  it('are kept from a minute on, and below it when the setting is off (all but a tap under a second)', () => {
    const clock = manualClock(nineAm);
    const state = timer.start(timer.idle, 'offline', { activity: 'call', note: 'Ana' }, clock.now()).state;
    clock.advance(MINUTE);
    expect(timer.stop(state, clock.now(), MINUTE).closed).toEqual([
      { kind: 'offline', activity: 'call', note: 'Ana', start: nineAm, end: nineAm + MINUTE, source: 'timer' },
    ]);
    expect(timer.stop(state, nineAm + 40_000).closed).toHaveLength(1);
    expect(timer.stop(state, nineAm + 999)).toMatchObject({ closed: [], discardedMs: 999 });
  });

  it('tell every window, and follow the setting', () => {
    const s = servicesAt(nineAm);
    const discarded: DiscardedSession[] = [];
    s.services.events.listen((event, payload) => {
      if (event === 'sessionDiscarded') discarded.push(payload as DiscardedSession);
    });
    s.services.time.start('online', 'posting');
    s.clock.advance(40_000);
    expect(s.services.time.stop()).toBeNull();
    expect(discarded).toEqual([{ kind: 'online', activity: 'posting', ms: 40_000 }]);
    expect(s.services.time.list(0, Infinity)).toEqual([]);

    expect(s.services.settings.get().discardShortSessions).toBe(true);
    s.services.settings.update({ discardShortSessions: false });
    s.services.time.start('online');
    s.clock.advance(40_000);
    expect(s.services.time.stop()).toMatchObject({ activity: 'posting', end: s.clock.now() });
    expect(discarded).toHaveLength(1);
  });
});

describe('time per activity', () => {
  const at = (hour: number) => nineAm + (hour - 9) * HOUR;
  const entry = (kind: TimeEntry['kind'], activity: TimeEntry['activity'], from: number, to: number) => ({
    kind,
    activity,
    start: at(from),
    end: at(to),
  });

  it('adds up each activity inside the range, online first, largest first, cut at the range’s edges', () => {
    const day = { from: new Date(2026, 10, 25).getTime(), days: 1 };
    const totals = activityTotals(
      [
        entry('online', 'posting', 9, 9.5),
        entry('offline', 'meeting', 10, 12),
        entry('online', 'replying', 13, 14),
        entry('online', 'posting', 15, 15.25),
        entry('offline', 'call', 16, 16.5),
        entry('online', 'scanning', 23, 25), // runs an hour into the next day
        entry('online', 'messages', -20, -19), // the day before
      ],
      day,
    );
    expect(totals).toEqual([
      { kind: 'online', activity: 'replying', ms: HOUR, entries: 1 },
      { kind: 'online', activity: 'scanning', ms: HOUR, entries: 1 },
      { kind: 'online', activity: 'posting', ms: 45 * MINUTE, entries: 2 },
      { kind: 'offline', activity: 'meeting', ms: 2 * HOUR, entries: 1 },
      { kind: 'offline', activity: 'call', ms: 30 * MINUTE, entries: 1 },
    ]);
  });

  it('counts a DST day whole: 25 hours in Berlin on the last Sunday of October', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      const day = new Date(2026, 9, 25).getTime();
      const next = new Date(2026, 9, 26).getTime();
      const totals = activityTotals([{ kind: 'offline', activity: 'event', start: day - HOUR, end: next + HOUR }], {
        from: day,
        days: 1,
      });
      expect(totals).toEqual([{ kind: 'offline', activity: 'event', ms: 25 * HOUR, entries: 1 }]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
