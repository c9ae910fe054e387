import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/shared/calendar.ts';
import {
  clockTime,
  followerTotals,
  hoursAndMinutes,
  isUserCommand,
  nextTrayRefresh,
  queueBatches,
  sameTrayView,
  trayView,
  type TrayInput,
  type TrayView,
} from '../../src/main/core/desktop/trayView.ts';
import type { QueueAction, QueueItem } from '../../src/shared/people.ts';
import type { AccountBalance, RunningSession } from '../../src/shared/types.ts';

const now = new Date(2025, 2, 14, 15, 0, 0).getTime();
const today = { day: '2025-03-14', onlineMs: 70 * MINUTE, offlineMs: 30 * MINUTE };
const session = (kind: RunningSession['kind'], startedMinutesAgo: number): RunningSession => ({
  kind,
  activity: kind === 'online' ? 'scanning' : 'meeting',
  start: now - startedMinutesAgo * MINUTE,
  heartbeat: now,
});
const input = (overrides: Partial<TrayInput> = {}): TrayInput => ({
  running: null,
  now,
  today,
  onlineBudgetMs: 120 * MINUTE,
  followers: null,
  liveTitle: false,
  locale: 'en-GB',
  ...overrides,
});
const enabled = (view: TrayView) =>
  Object.fromEntries(view.menu.filter((item) => isUserCommand(item.id)).map((item) => [item.id, item.enabled]));
const labels = (view: TrayView) => view.menu.map((item) => item.label);

describe('tray view while idle', () => {
  const view = trayView(input());

  it('says idle and shows the idle icon, with no title', () => {
    expect(view.tooltip).toBe('Twoway — idle');
    expect(view.state).toBe('idle');
    expect(view.title).toBe('');
    expect(trayView(input({ liveTitle: true })).title).toBe('');
  });

  it('offers the menu of the product spec, without stop', () => {
    expect(labels(view)).toEqual([
      'Start online session',
      'Start offline session',
      'Stop',
      'Log offline time…',
      'No session running',
      'Open quick view',
      'Open Twoway',
      'Quit',
    ]);
    expect(enabled(view)).toEqual({
      'start-online': true,
      'start-offline': true,
      stop: false,
      'log-offline': true,
      'quick-view': true,
      open: true,
      quit: true,
    });
  });

  it('groups the commands, the lines that inform, and the windows', () => {
    expect(view.menu.filter((item) => item.separatorBefore).map((item) => item.id)).toEqual(['status', 'quick-view']);
  });

  it('shows no day totals, which would go stale at midnight without a timer', () => {
    expect(labels(view).join(' ')).not.toContain('Today');
  });

  it('needs no refresh timer, even where the title would tick', () => {
    expect(nextTrayRefresh(input())).toBeNull();
    expect(nextTrayRefresh(input({ liveTitle: true }))).toBeNull();
  });
});

describe('tray view while a session runs', () => {
  it("shows the kind, the elapsed hours and minutes and today's split in the tooltip", () => {
    expect(trayView(input({ running: session('online', 25) })).tooltip).toBe(
      'Twoway — online 0:25 · today 1:10 online, 0:30 offline',
    );
    expect(trayView(input({ running: session('offline', 12 * 60 + 34) })).tooltip).toBe(
      'Twoway — offline 12:34 · today 1:10 online, 0:30 offline',
    );
  });

  it('counts a minute only once it is complete', () => {
    const running = session('online', 0);
    expect(trayView(input({ running, now: now + MINUTE - 1 })).tooltip).toMatch(/^Twoway — online 0:00 ·/);
    expect(trayView(input({ running, now: now + MINUTE })).tooltip).toMatch(/^Twoway — online 0:01 ·/);
  });

  it('enables stop and disables starting the kind that already runs', () => {
    const online = trayView(input({ running: session('online', 5) }));
    expect(online.state).toBe('online');
    expect(enabled(online)).toMatchObject({ 'start-online': false, 'start-offline': true, stop: true });
    const offline = trayView(input({ running: session('offline', 5) }));
    expect(offline.state).toBe('offline');
    expect(enabled(offline)).toMatchObject({ 'start-online': true, 'start-offline': false, stop: true });
  });

  it("shows today's totals in a line that cannot be clicked, after the commands", () => {
    const view = trayView(input({ running: session('online', 5) }));
    const status = view.menu.find((item) => item.id === 'status');
    expect(status).toEqual({
      id: 'status',
      label: 'Today 1:10 online · 0:30 offline',
      enabled: false,
      separatorBefore: true,
    });
    expect(view.menu.indexOf(status!)).toBe(4);
  });

  it('never shows a negative time when the clock was set back', () => {
    const view = trayView(input({ running: session('online', -3), liveTitle: true }));
    expect(view.tooltip).toMatch(/^Twoway — online 0:00 ·/);
    expect(view.title).toBe('0:00');
    expect(hoursAndMinutes(-5 * MINUTE)).toBe('0:00');
  });
});

describe('over budget', () => {
  const budget = 120 * MINUTE;
  const at = (onlineMs: number, kind: RunningSession['kind'] = 'online') =>
    trayView(input({ running: session(kind, 5), today: { ...today, onlineMs }, onlineBudgetMs: budget }));

  it('turns the icon once today’s online time reaches the budget, and says so in the tooltip', () => {
    expect(at(budget - 1).state).toBe('online');
    expect(at(budget).state).toBe('over');
    expect(at(budget).tooltip).toBe('Twoway — online 0:05 · today 2:00 online, 0:30 offline · over budget');
    expect(at(budget - 1).tooltip).not.toContain('over budget');
  });

  it('is about online sessions only: offline time over an online budget is fine', () => {
    expect(at(budget + 30 * MINUTE, 'offline').state).toBe('offline');
    expect(trayView(input({ today: { ...today, onlineMs: budget + MINUTE }, onlineBudgetMs: budget })).state).toBe(
      'idle',
    );
  });

  it('refreshes the moment the budget is reached, whatever the budget', () => {
    const running = session('online', 5); // the session's minute turns in 60 s
    const soon = input({
      running,
      today: { ...today, onlineMs: 100 * MINUTE + 15_000 },
      onlineBudgetMs: 100 * MINUTE + 20_000,
    });
    expect(nextTrayRefresh(soon)).toBe(5_000);
  });
});

describe('the live title (macOS)', () => {
  it('shows the running clock to the second where the tray has a title', () => {
    const running = session('online', 25);
    expect(trayView(input({ running, liveTitle: true, now: now + 7_999 })).title).toBe('25:07');
    expect(trayView(input({ running: session('offline', 83), liveTitle: true, now: now + 5_000 })).title).toBe(
      '1:23:05',
    );
    expect(trayView(input({ running })).title).toBe('');
  });

  it('formats minutes and seconds, and hours once there are any', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(59_999)).toBe('0:59');
    expect(clockTime(60 * MINUTE - 1)).toBe('59:59');
    expect(clockTime(60 * MINUTE)).toBe('1:00:00');
    expect(clockTime(10 * 60 * MINUTE + 61_000)).toBe('10:01:01');
  });

  it('refreshes when the next second turns over, and only then', () => {
    const running = session('online', 5);
    expect(nextTrayRefresh(input({ running, liveTitle: true, now: now + 250 }))).toBe(750);
    expect(nextTrayRefresh(input({ running, liveTitle: true }))).toBe(1000);
    expect(nextTrayRefresh(input({ running, liveTitle: false, now: now + 250 }))).toBe(MINUTE - 250);
  });

  it('changes the view each second but leaves the menu as it was', () => {
    const running = session('online', 5);
    const before = trayView(input({ running, liveTitle: true }));
    const after = trayView(input({ running, liveTitle: true, now: now + 1000 }));
    expect(sameTrayView(before, after)).toBe(false);
    expect(after.menu).toEqual(before.menu);
    expect(after.tooltip).toBe(before.tooltip);
  });
});

describe('follower balance', () => {
  // Only the history counts; the rest of an account does not reach the tray.
  const account = (counts: [followers: number, following: number][]): Pick<AccountBalance, 'history'> => ({
    history: counts.map(([followers, following], i) => ({
      at: now - (counts.length - i) * MINUTE,
      followers,
      following,
      mutuals: 0,
    })),
  });

  it('sums the latest count of every account', () => {
    const balances = [
      account([
        [90, 100],
        [120, 140],
      ]),
      account([[83, 103]]),
    ];
    expect(followerTotals(balances)).toEqual({ followers: 203, following: 243 });
  });

  it('follows Twoway’s own writes at once: the estimate after them is the latest count', () => {
    const synced = account([[203, 243]]);
    const afterUnfollows = {
      history: [...synced.history, { at: now, followers: 203, following: 240, mutuals: 0, source: 'write' as const }],
    };
    expect(followerTotals([afterUnfollows])).toEqual({ followers: 203, following: 240 });
  });

  it('is absent without accounts, or before any account has been counted', () => {
    expect(followerTotals([])).toBeNull();
    expect(followerTotals([account([])])).toBeNull();
    expect(followerTotals([account([]), account([[5, 7]])])).toEqual({ followers: 5, following: 7 });
  });

  it('shows a line that cannot be clicked, after today’s, and none without counts', () => {
    const view = trayView(input({ followers: { followers: 1203, following: 243 } }));
    const index = view.menu.findIndex((item) => item.id === 'balance');
    expect(view.menu[index]).toEqual({ id: 'balance', label: 'Followers 1,203 · following 243', enabled: false });
    expect(view.menu[index - 1]?.id).toBe('status');
    expect(trayView(input()).menu.some((item) => item.id === 'balance')).toBe(false);
  });

  it('is information, not a command', () => {
    expect(isUserCommand('balance')).toBe(false);
    expect(isUserCommand('status')).toBe(false);
    expect(isUserCommand('log-offline')).toBe(true);
  });
});

describe('the queue', () => {
  const item = (
    n: number,
    action: QueueAction,
    state: QueueItem['state'],
    extra: Partial<QueueItem> = {},
  ): QueueItem => ({
    id: `q${n}`,
    accountId: 'a1',
    action,
    person: { id: `p${n}`, handle: `p${n}.test`, displayName: '' },
    state,
    note: null,
    doneAt: null,
    undoUntil: null,
    undoes: null,
    queuedAt: now - HOUR,
    waitingUntil: null,
    ...extra,
  });
  /** 30 unfollows queued an hour ago: 10 done, 2 kept who followed back, 1 cancelled, 1 under way, 16 to go. */
  const batch = [
    ...Array.from({ length: 10 }, (_, i) => item(i, 'unfollow', 'done')),
    item(10, 'unfollow', 'skipped'),
    item(11, 'unfollow', 'skipped'),
    item(12, 'unfollow', 'cancelled'),
    item(13, 'unfollow', 'working'),
    ...Array.from({ length: 17 }, (_, i) => item(14 + i, 'unfollow', 'waiting')),
  ];
  const queueLine = (view: TrayView) => view.menu.find((entry) => entry.id === 'queue');

  it('counts a batch from everything queued since the queue was last idle, cancelled items left out', () => {
    const earlier = [
      item(90, 'unfollow', 'done', { queuedAt: now - DAY }),
      item(91, 'follow', 'failed', { queuedAt: now - DAY }),
    ];
    expect(queueBatches([...earlier, ...batch])).toEqual([
      { action: 'unfollow', done: 12, total: 30, waitingUntil: null },
    ]);
  });

  it('says “Unfollowing 12 of 30…” while the batch runs, in a line that cannot be clicked', () => {
    const view = trayView(input({ followers: { followers: 203, following: 231 }, queue: queueBatches(batch) }));
    expect(queueLine(view)).toEqual({ id: 'queue', label: 'Unfollowing 12 of 30…', enabled: false });
    expect(view.menu[view.menu.indexOf(queueLine(view)!) - 1]?.id).toBe('balance');
    expect(isUserCommand('queue')).toBe(false);
  });

  it('says until when the write under way waits for the network', () => {
    const waiting = batch.map((i) => (i.state === 'working' ? { ...i, waitingUntil: now + 5 * MINUTE } : i));
    const label = queueLine(trayView(input({ queue: queueBatches(waiting) })))!.label;
    // now is 15:00 local time, in whatever zone the tests run.
    expect(label).toBe('Unfollowing 12 of 30 · waiting until 15:05');
    expect(queueLine(trayView(input({ now: now + 6 * MINUTE, queue: queueBatches(waiting) })))!.label).toBe(
      'Unfollowing 12 of 30…',
    );
  });

  it('writes the time and the counts as the system’s locale does', () => {
    const waiting = batch.map((i) => (i.state === 'working' ? { ...i, waitingUntil: now + 5 * MINUTE } : i));
    const many = { followers: { followers: 1203, following: 243 }, queue: queueBatches(waiting) };
    const label = (locale: string, id: string) =>
      trayView(input({ ...many, locale })).menu.find((entry) => entry.id === id)?.label;
    expect(label('en-US', 'queue')).toBe('Unfollowing 12 of 30 · waiting until 03:05 PM');
    expect(label('en-GB', 'queue')).toBe('Unfollowing 12 of 30 · waiting until 15:05');
    expect(label('de-DE', 'balance')).toBe('Followers 1.203 · following 243');
    expect(label('en-GB', 'balance')).toBe('Followers 1,203 · following 243');
  });

  it('names follows and unfollows under way side by side', () => {
    const both = [
      ...batch,
      item(40, 'follow', 'done', { queuedAt: now }),
      item(41, 'follow', 'waiting', { queuedAt: now }),
    ];
    expect(queueLine(trayView(input({ queue: queueBatches(both) })))!.label).toBe(
      'Unfollowing 12 of 30… · Following 1 of 2…',
    );
  });

  it('says nothing when the queue is idle or only X steps wait for the user', () => {
    const finished = batch.map((i) =>
      i.state === 'waiting' || i.state === 'working' ? { ...i, state: 'done' as const } : i,
    );
    expect(queueBatches(finished)).toEqual([]);
    expect(queueBatches([item(50, 'unfollow', 'needs-you')])).toEqual([]);
    expect(queueLine(trayView(input({ queue: [] })))).toBeUndefined();
    expect(queueLine(trayView(input()))).toBeUndefined();
  });
});

describe('a downloaded update', () => {
  const item = (view: TrayView) => view.menu.find((entry) => /updat/i.test(entry.label));

  it('says nothing until an update is downloaded', () => {
    expect(item(trayView(input()))).toBeUndefined();
    expect(item(trayView(input({ update: { offer: 'none', version: null } })))).toBeUndefined();
  });

  it('offers to restart at once when no session runs, just above Quit', () => {
    const view = trayView(input({ update: { offer: 'ready', version: '1.2.0' } }));
    expect(item(view)).toEqual({ id: 'restart-to-update', label: 'Restart to update to 1.2.0', enabled: true });
    expect(labels(view).slice(-2)).toEqual(['Restart to update to 1.2.0', 'Quit']);
  });

  it('offers only to update once the session stops while one runs, and then says it will', () => {
    const running = session('online', 20);
    const asks = trayView(input({ running, update: { offer: 'session-running', version: '1.2.0' } }));
    expect(item(asks)).toEqual({
      id: 'update-after-session',
      label: 'Update to 1.2.0 when the session stops',
      enabled: true,
    });
    expect(asks.menu.some((entry) => entry.id === 'restart-to-update')).toBe(false);
    const waits = trayView(input({ running, update: { offer: 'after-session', version: '1.2.0' } }));
    expect(item(waits)).toEqual({ id: 'update', label: 'Updating to 1.2.0 when the session stops', enabled: false });
    expect(isUserCommand('update')).toBe(false);
  });

  it('re-renders when the offer changes', () => {
    const before = trayView(input({ update: { offer: 'none', version: null } }));
    expect(sameTrayView(before, trayView(input({ update: { offer: 'ready', version: '1.2.0' } })))).toBe(false);
  });
});

describe('tray re-rendering', () => {
  it('treats equal view models as the same, so the menu is not rebuilt', () => {
    const running = input({ running: session('online', 5) });
    expect(sameTrayView(trayView(running), trayView({ ...running, now: now + 30_000 }))).toBe(true);
    expect(sameTrayView(trayView(running), trayView({ ...running, now: now + MINUTE }))).toBe(false);
    expect(sameTrayView(null, trayView(running))).toBe(false);
  });

  it('sees a change of state, tooltip, title or any menu item', () => {
    const idle = trayView(input());
    const online = trayView(input({ running: session('online', 0) }));
    expect(sameTrayView(idle, online)).toBe(false);
    expect(sameTrayView(idle, { ...idle, title: '0:01' })).toBe(false);
    const relabelled = { ...idle, menu: idle.menu.map((item, i) => (i === 0 ? { ...item, label: 'x' } : item)) };
    expect(sameTrayView(idle, relabelled)).toBe(false);
    const disabled = { ...idle, menu: idle.menu.map((item) => ({ ...item, enabled: false })) };
    expect(sameTrayView(idle, disabled)).toBe(false);
    const withBalance = trayView(input({ followers: { followers: 1, following: 2 } }));
    expect(sameTrayView(idle, withBalance)).toBe(false);
  });

  it('refreshes when the next shown minute turns over, the session’s or today’s', () => {
    const running = session('online', 5);
    // Session at exactly 5:00 elapsed; today's online total 20 s past a whole minute.
    const shifted = input({ running, now: now + 10_000, today: { ...today, onlineMs: 70 * MINUTE + 20_000 } });
    expect(nextTrayRefresh(shifted)).toBe(40_000);
    expect(nextTrayRefresh({ ...shifted, today })).toBe(50_000);
  });

  it('waits a full minute right at a turn', () => {
    expect(nextTrayRefresh(input({ running: session('offline', 3) }))).toBe(MINUTE);
  });
});
