import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/main/core/calendar.ts';
import {
  hoursAndMinutes,
  nextTrayRefresh,
  sameTrayView,
  trayView,
  type TrayInput,
  type TrayView,
} from '../../src/main/core/trayView.ts';
import type { RunningSession } from '../../src/shared/types.ts';

const now = new Date(2025, 2, 14, 15, 0, 0).getTime();
const today = { day: '2025-03-14', onlineMs: 70 * MINUTE, offlineMs: 30 * MINUTE };
const session = (kind: RunningSession['kind'], startedMinutesAgo: number): RunningSession => ({
  kind,
  activity: kind === 'online' ? 'scanning' : 'meeting',
  start: now - startedMinutesAgo * MINUTE,
  heartbeat: now,
});
const enabled = (view: TrayView) =>
  Object.fromEntries(view.menu.filter((item) => item.id !== 'status').map((item) => [item.id, item.enabled]));
const labels = (view: TrayView) => view.menu.map((item) => item.label);

describe('tray view while idle', () => {
  const view = trayView({ running: null, now, today });

  it('says idle and shows the idle icon', () => {
    expect(view.tooltip).toBe('Twoway — idle');
    expect(view.state).toBe('idle');
  });

  it('offers both starts, open and quit, but not stop', () => {
    expect(enabled(view)).toEqual({ 'start-online': true, 'start-offline': true, stop: false, open: true, quit: true });
    expect(labels(view)).toEqual([
      'No session running',
      'Start online session',
      'Start offline session',
      'Stop',
      'Open Twoway',
      'Quit',
    ]);
  });

  it('shows no day totals, which would go stale at midnight without a timer', () => {
    expect(labels(view).join(' ')).not.toContain('Today');
  });

  it('needs no refresh timer', () => {
    expect(nextTrayRefresh({ running: null, now, today })).toBeNull();
  });
});

describe('tray view while a session runs', () => {
  it('shows the kind and the elapsed hours and minutes in the tooltip', () => {
    expect(trayView({ running: session('online', 25), now, today }).tooltip).toBe('Twoway — online 0:25');
    expect(trayView({ running: session('offline', 12 * 60 + 34), now, today }).tooltip).toBe('Twoway — offline 12:34');
  });

  it('counts a minute only once it is complete', () => {
    const running = session('online', 0);
    expect(trayView({ running, now: now + MINUTE - 1, today }).tooltip).toBe('Twoway — online 0:00');
    expect(trayView({ running, now: now + MINUTE, today }).tooltip).toBe('Twoway — online 0:01');
  });

  it('enables stop and disables starting the kind that already runs', () => {
    const online = trayView({ running: session('online', 5), now, today });
    expect(online.state).toBe('online');
    expect(enabled(online)).toMatchObject({ 'start-online': false, 'start-offline': true, stop: true });
    const offline = trayView({ running: session('offline', 5), now, today });
    expect(offline.state).toBe('offline');
    expect(enabled(offline)).toMatchObject({ 'start-online': true, 'start-offline': false, stop: true });
  });

  it("shows today's totals in a line that cannot be clicked", () => {
    const status = trayView({ running: session('online', 5), now, today }).menu[0];
    expect(status).toEqual({ id: 'status', label: 'Today 1:10 online · 0:30 offline', enabled: false });
  });

  it('never shows a negative time when the clock was set back', () => {
    expect(trayView({ running: session('online', -3), now, today }).tooltip).toBe('Twoway — online 0:00');
    expect(hoursAndMinutes(-5 * MINUTE)).toBe('0:00');
  });
});

describe('tray re-rendering', () => {
  it('treats equal view models as the same, so the menu is not rebuilt', () => {
    const input: TrayInput = { running: session('online', 5), now, today };
    expect(sameTrayView(trayView(input), trayView({ ...input, now: now + 30_000 }))).toBe(true);
    expect(sameTrayView(trayView(input), trayView({ ...input, now: now + MINUTE }))).toBe(false);
    expect(sameTrayView(null, trayView(input))).toBe(false);
  });

  it('sees a change of state, tooltip or any menu item', () => {
    const idle = trayView({ running: null, now, today });
    const online = trayView({ running: session('online', 0), now, today });
    expect(sameTrayView(idle, online)).toBe(false);
    const relabelled = { ...idle, menu: idle.menu.map((item, i) => (i === 0 ? { ...item, label: 'x' } : item)) };
    expect(sameTrayView(idle, relabelled)).toBe(false);
    const disabled = { ...idle, menu: idle.menu.map((item) => ({ ...item, enabled: false })) };
    expect(sameTrayView(idle, disabled)).toBe(false);
  });

  it('refreshes when the next shown minute turns over, the session’s or today’s', () => {
    const running = session('online', 5);
    // Session at exactly 5:00 elapsed; today's online total 20 s past a whole minute.
    const input = { running, now: now + 10_000, today: { ...today, onlineMs: 70 * MINUTE + 20_000 } };
    expect(nextTrayRefresh(input)).toBe(40_000);
    expect(nextTrayRefresh({ ...input, today })).toBe(50_000);
  });

  it('waits a full minute right at a turn', () => {
    expect(nextTrayRefresh({ running: session('offline', 3), now, today })).toBe(MINUTE);
  });
});
