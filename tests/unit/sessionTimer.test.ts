import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimeEntry, TimerState, TimeSummary } from '../../src/shared/types.ts';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import { servicesAt } from '../support/services.ts';

const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

const entries = (s: ReturnType<typeof servicesAt>) => s.services.time.list(0, Number.MAX_SAFE_INTEGER);
const session = (s: ReturnType<typeof servicesAt>) =>
  JSON.parse(fs.readFileSync(path.join(s.dataDir, 'running-session.json'), 'utf8')).data as TimerState;

describe.each(zones)('the session timer in %s', (zone) => {
  process.env.TZ = zone;
  const nineAm = () => {
    process.env.TZ = zone;
    return new Date(2026, 10, 25, 9).getTime();
  };

  it('writes a heartbeat every minute while a session runs, and no timer at all when none does', () => {
    const s = servicesAt(nineAm());
    expect(s.timers.pendingCount()).toBe(0);
    s.services.time.start('online');
    s.timers.advance(10 * MINUTE);
    expect(s.timers.wakeUps()).toBe(10);
    expect(session(s).running?.heartbeat).toBe(nineAm() + 10 * MINUTE);
    s.services.time.stop();
    expect(s.timers.pendingCount()).toBe(0);
    s.timers.advance(HOUR);
    expect(s.timers.wakeUps()).toBe(10);
  });

  it('after a crash offers to close the session at the last heartbeat, losing at most a minute', () => {
    const before = servicesAt(nineAm());
    before.services.time.start('online');
    before.timers.advance(25 * MINUTE + 40_000); // killed 40 s after the 25th heartbeat
    const after = servicesAt(nineAm() + 2 * HOUR, { dataDir: before.dataDir });
    expect(after.services.time.state().question).toEqual({
      reason: 'crashed',
      from: nineAm() + 25 * MINUTE,
      to: nineAm() + 2 * HOUR,
    });
    after.services.time.answer('discard');
    expect(entries(after).map((e) => e.end - e.start)).toEqual([25 * MINUTE]);
    expect(after.services.time.state().running).toBeNull();
  });

  it('after a crash can keep the session running instead', () => {
    const before = servicesAt(nineAm());
    before.services.time.start('offline', 'event');
    const after = servicesAt(nineAm() + HOUR, { dataDir: before.dataDir });
    after.services.time.answer('keep');
    expect(after.services.time.state()).toMatchObject({
      running: { kind: 'offline', start: nineAm() },
      question: null,
    });
  });

  it('asks about the time away after sleep; discarding it splits the session around the absence', () => {
    const s = servicesAt(nineAm());
    s.services.time.start('online');
    s.timers.advance(20 * MINUTE);
    s.services.time.suspend();
    expect(s.timers.pendingCount()).toBe(0);
    s.clock.advance(47 * MINUTE);
    s.services.time.resume();
    expect(s.services.time.state().question).toMatchObject({
      reason: 'away',
      from: nineAm() + 20 * MINUTE,
      to: nineAm() + 67 * MINUTE,
    });
    s.timers.advance(5 * MINUTE);
    s.services.time.answer('discard');
    s.services.time.stop();
    expect(entries(s).map((e) => [e.start - nineAm(), e.end - nineAm()])).toEqual([
      [0, 20 * MINUTE],
      [67 * MINUTE, 72 * MINUTE],
    ]);
  });

  it('keeps the time away when asked to, and does not ask about a short lock', () => {
    const s = servicesAt(nineAm());
    s.services.time.start('offline', 'call');
    s.services.time.suspend();
    s.clock.advance(30_000);
    s.services.time.resume();
    expect(s.services.time.state().question).toBeNull();
    s.services.time.suspend();
    s.clock.advance(30 * MINUTE);
    s.services.time.resume();
    s.services.time.answer('keep');
    s.services.time.stop();
    expect(entries(s)[0]!.end - entries(s)[0]!.start).toBe(30 * MINUTE + 30_000);
  });

  it('asks about idle time, and can discard it and continue', () => {
    const idle = { ms: 0 };
    const s = servicesAt(nineAm(), { idle });
    s.services.time.start('online', 'replying');
    s.timers.advance(10 * MINUTE);
    idle.ms = 4 * MINUTE;
    s.timers.advance(MINUTE);
    expect(s.services.time.state().question).toBeNull();
    idle.ms = 6 * MINUTE;
    s.timers.advance(MINUTE);
    expect(s.services.time.state().question).toEqual({
      reason: 'idle',
      from: nineAm() + 6 * MINUTE,
      to: nineAm() + 12 * MINUTE,
    });
    s.clock.advance(3 * MINUTE);
    s.services.time.answer('discard-continue');
    expect(s.services.time.state().running?.start).toBe(nineAm() + 15 * MINUTE);
    expect(entries(s).map((e) => e.end - e.start)).toEqual([6 * MINUTE]);
  });

  it('discarding idle time stops the session at the start of the idle time', () => {
    const idle = { ms: 0 };
    const s = servicesAt(nineAm(), { idle });
    s.services.time.start('online');
    s.timers.advance(20 * MINUTE);
    idle.ms = 5 * MINUTE;
    s.timers.advance(MINUTE);
    s.services.time.answer('discard');
    expect(s.services.time.state().running).toBeNull();
    expect(entries(s).map((e) => e.end - e.start)).toEqual([16 * MINUTE]);
  });

  it('never counts negative or doubled time when the clock is changed', () => {
    const s = servicesAt(nineAm());
    s.services.time.start('online');
    s.timers.advance(10 * MINUTE);
    s.clock.advance(-HOUR); // clock set back an hour
    s.timers.advance(MINUTE);
    const summary: TimeSummary = s.services.time.summary();
    expect(summary.today.onlineMs).toBe(11 * MINUTE);
    s.clock.advance(3 * HOUR); // then forward three hours
    s.timers.advance(MINUTE);
    expect(s.services.time.state().question?.reason).toBe('away');
    s.services.time.answer('discard');
    s.timers.advance(MINUTE);
    s.services.time.stop();
    const total = entries(s).reduce((sum: number, e: TimeEntry) => sum + e.end - e.start, 0);
    expect(total).toBe(12 * MINUTE);
  });

  it('cuts a session left running for more than a day into entries of at most 24 hours', () => {
    const s = servicesAt(nineAm());
    s.services.time.start('offline', 'event');
    s.clock.advance(30 * HOUR);
    s.services.time.stop();
    expect(entries(s).map((e) => (e.end - e.start) / HOUR)).toEqual([24, 6]);
  });

  it('lets a session give way to time logged by hand over the same stretch', () => {
    const s = servicesAt(nineAm());
    s.services.time.start('online');
    s.clock.advance(2 * HOUR);
    s.services.time.add({ kind: 'offline', activity: 'meeting', start: nineAm() - HOUR, end: nineAm() + HOUR });
    s.services.time.stop();
    expect(entries(s).map((e) => e.kind)).toEqual(['offline']);
  });
});
