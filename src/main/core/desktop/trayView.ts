// What the tray shows, as a pure view model: the shell only renders it, and only when it changed.
import type { QueueAction, QueueItem } from '../../../shared/people.ts';
import type { AccountBalance, DayTotals, RunningSession, SessionChoice, SessionKind } from '../../../shared/types.ts';
import type { RestartOffer } from '../../../shared/updates.ts';
import { MINUTE } from '../../../shared/calendar.ts';
import { count, timeOfDay } from '../../../shared/localeFormat.ts';

const SECOND = 1000;

/** What the user can ask for from the tray and the application menu. */
export type UserCommand =
  | 'start-online'
  | 'start-offline'
  | 'stop'
  | 'log-offline'
  | 'catch-up'
  | 'quick-view'
  | 'open'
  | 'restart-to-update'
  | 'update-after-session'
  | 'quit';

/** Lines that only inform: today's totals (or that nothing runs), the follower balance, the queue, an update. */
export type TrayInfo = 'status' | 'balance' | 'queue' | 'update';

export type TrayState = 'idle' | 'online' | 'offline' | 'over';

export interface TrayMenuItem {
  id: UserCommand | TrayInfo;
  label: string;
  enabled: boolean;
  /** A separator goes before this item. */
  separatorBefore?: boolean;
}

export interface TrayView {
  state: TrayState;
  tooltip: string;
  /** Text beside the icon: the running session's clock where the tray can show text (macOS), else ''. */
  title: string;
  menu: TrayMenuItem[];
}

/** Followers and following summed over every account's latest count. */
export interface FollowerTotals {
  followers: number;
  following: number;
}

export interface TrayInput {
  running: RunningSession | null;
  now: number;
  /** Today's totals including the running session, as the time summary counts them. */
  today: DayTotals;
  onlineBudgetMs: number;
  /** Null when no account has a count yet: the line is left out. */
  followers: FollowerTotals | null;
  /** Whether the tray shows a title beside the icon, ticking every second (macOS only). */
  liveTitle: boolean;
  /** The locale times of day and counts are written in: the system's. */
  locale: string;
  /** The briefing's unread posts and mentions waiting for an answer; absent or zero, nothing is said. */
  catchUp?: { unread: number; waiting: number };
  /** A downloaded update and what restarting for it would do (core/updatePolicy.ts); absent, nothing is said. */
  update?: { offer: RestartOffer; version: string | null };
  /** The follows and unfollows under way (queueBatches); absent or empty, nothing is said. */
  queue?: QueueBatch[];
  /** What each Start would run (the last activity of its kind), named in its item; absent, the items say 'session'. */
  proposed?: Record<SessionKind, SessionChoice>;
}

const infoLines: readonly TrayMenuItem['id'][] = ['status', 'balance', 'queue', 'update'];

/** Follows or unfollows under way: how many are through of all queued since the queue was last idle. */
export interface QueueBatch {
  action: QueueAction;
  done: number;
  total: number;
  /** The write under way waits until then, as the network asked. */
  waitingUntil: number | null;
}

const running: readonly QueueItem['state'][] = ['waiting', 'working'];
const through: readonly QueueItem['state'][] = ['done', 'skipped', 'failed'];

/**
 * What the queue works through, one entry per action; none when it is idle. The batch is everything queued since
 * the earliest item still to go, cancelled items left out; X steps wait for the user, not the queue.
 */
export function queueBatches(items: readonly QueueItem[]): QueueBatch[] {
  const active = items.filter((item) => running.includes(item.state));
  if (active.length === 0) return [];
  const since = Math.min(...active.map((item) => item.queuedAt));
  const batch = items.filter(
    (item) => item.queuedAt >= since && item.state !== 'cancelled' && item.state !== 'needs-you',
  );
  return (['unfollow', 'follow'] as const).flatMap((action) => {
    const mine = batch.filter((item) => item.action === action);
    if (!mine.some((item) => running.includes(item.state))) return [];
    const working = mine.find((item) => item.state === 'working');
    return [
      {
        action,
        done: mine.filter((item) => through.includes(item.state)).length,
        total: mine.length,
        waitingUntil: working?.waitingUntil ?? null,
      },
    ];
  });
}

/** 'Unfollowing 12 of 30…', with a wait the network asked for; batches side by side. */
function queueWords(batches: readonly QueueBatch[], now: number, locale: string): string {
  return batches
    .map(({ action, done, total, waitingUntil }) => {
      const verb = action === 'unfollow' ? 'Unfollowing' : 'Following';
      const wait =
        waitingUntil !== null && waitingUntil > now ? ` · waiting until ${timeOfDay(waitingUntil, locale)}` : '…';
      return `${verb} ${count(done, locale)} of ${count(total, locale)}${wait}`;
    })
    .join(' · ');
}
export const isUserCommand = (id: TrayMenuItem['id']): id is UserCommand => !infoLines.includes(id);

/** The update's line: restart now when no session runs, else once it stops (never ending a session from here). */
function updateItem(update: TrayInput['update']): TrayMenuItem[] {
  if (!update || update.offer === 'none') return [];
  const version = update.version ?? 'the new version';
  if (update.offer === 'ready') {
    return [{ id: 'restart-to-update', label: `Restart to update to ${version}`, enabled: true }];
  }
  if (update.offer === 'session-running') {
    return [{ id: 'update-after-session', label: `Update to ${version} when the session stops`, enabled: true }];
  }
  return [{ id: 'update', label: `Updating to ${version} when the session stops`, enabled: false }];
}

/** 'h:mm', rounded down: a minute shows only once it is complete. */
export function hoursAndMinutes(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 'm:ss' under an hour, 'h:mm:ss' from then on, rounded down to the second. */
export function clockTime(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / SECOND);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The latest count of each account, summed; null when there is none to sum. */
export function followerTotals(balances: readonly Pick<AccountBalance, 'history'>[]): FollowerTotals | null {
  const latest = balances.flatMap(({ history }) => history.slice(-1));
  if (latest.length === 0) return null;
  return {
    followers: latest.reduce((sum, count) => sum + count.followers, 0),
    following: latest.reduce((sum, count) => sum + count.following, 0),
  };
}

function trayState({ running, today, onlineBudgetMs }: TrayInput): TrayState {
  if (!running) return 'idle';
  if (running.kind === 'online' && today.onlineMs >= onlineBudgetMs) return 'over';
  return running.kind;
}

/** '12 unread · 3 waiting for you', the parts that are not zero; '' when both are. */
function catchUpWords({ unread, waiting }: { unread: number; waiting: number }, locale: string): string {
  return [
    unread > 0 ? `${count(unread, locale)} unread` : '',
    waiting > 0 ? `${count(waiting, locale)} waiting for you` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** 'Start online · scanning': the item starts the remembered activity, so it says which. */
function startLabel(kind: SessionKind, proposed: TrayInput['proposed']): string {
  return proposed ? `Start ${kind} · ${proposed[kind].activity}` : `Start ${kind} session`;
}

export function trayView(input: TrayInput): TrayView {
  const { running, now, today, followers, liveTitle, locale } = input;
  const state = trayState(input);
  const split = `${hoursAndMinutes(today.onlineMs)} online`;
  const catchUp = input.catchUp ? catchUpWords(input.catchUp, locale) : '';
  const queue = input.queue ? queueWords(input.queue, now, locale) : '';
  const tooltip =
    (running
      ? `Twoway — ${running.kind} ${hoursAndMinutes(now - running.start)} · today ${split}, ` +
        `${hoursAndMinutes(today.offlineMs)} offline${state === 'over' ? ' · over budget' : ''}`
      : 'Twoway — idle') + (catchUp ? ` · ${catchUp}` : '');
  // Today's totals appear only while a session runs: that is when the tray refreshes, so an idle tray never
  // shows yesterday's totals after midnight.
  const status = running ? `Today ${split} · ${hoursAndMinutes(today.offlineMs)} offline` : 'No session running';
  const balance: TrayMenuItem[] = followers
    ? [
        {
          id: 'balance',
          label: `Followers ${count(followers.followers, locale)} · following ${count(followers.following, locale)}`,
          enabled: false,
        },
      ]
    : [];
  return {
    state,
    tooltip,
    title: running && liveTitle ? clockTime(now - running.start) : '',
    menu: [
      // Starting the kind that already runs would only cut the session in two.
      { id: 'start-online', label: startLabel('online', input.proposed), enabled: running?.kind !== 'online' },
      { id: 'start-offline', label: startLabel('offline', input.proposed), enabled: running?.kind !== 'offline' },
      { id: 'stop', label: 'Stop', enabled: running !== null },
      { id: 'log-offline', label: 'Log offline time…', enabled: true },
      { id: 'status', label: status, enabled: false, separatorBefore: true },
      ...balance,
      ...(queue ? [{ id: 'queue' as const, label: queue, enabled: false }] : []),
      ...(catchUp ? [{ id: 'catch-up' as const, label: `Catch up: ${catchUp}…`, enabled: true }] : []),
      { id: 'quick-view', label: 'Open quick view', enabled: true, separatorBefore: true },
      { id: 'open', label: 'Open Twoway', enabled: true },
      ...updateItem(input.update),
      { id: 'quit', label: 'Quit', enabled: true },
    ],
  };
}

export function sameMenu(a: readonly TrayMenuItem[], b: readonly TrayMenuItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        item.id === other.id &&
        item.label === other.label &&
        item.enabled === other.enabled &&
        Boolean(item.separatorBefore) === Boolean(other.separatorBefore)
      );
    })
  );
}

export function sameTrayView(a: TrayView | null, b: TrayView): boolean {
  return (
    a !== null && a.state === b.state && a.tooltip === b.tooltip && a.title === b.title && sameMenu(a.menu, b.menu)
  );
}

/**
 * Milliseconds until something shown in the tray next changes — the title's second, the session's or today's
 * minute, the moment today's online time reaches the budget — or null when idle: an idle tray changes only on
 * events, so it needs no timer.
 */
export function nextTrayRefresh({ running, now, today, onlineBudgetMs, liveTitle }: TrayInput): number | null {
  if (!running) return null;
  const until = (unit: number, ms: number) => unit - (Math.max(0, ms) % unit);
  const elapsed = now - running.start;
  const todayOfKind = running.kind === 'online' ? today.onlineMs : today.offlineMs;
  const waits = [until(MINUTE, elapsed), until(MINUTE, todayOfKind)];
  if (liveTitle) waits.push(until(SECOND, elapsed));
  if (running.kind === 'online' && today.onlineMs < onlineBudgetMs) waits.push(onlineBudgetMs - today.onlineMs);
  return Math.min(...waits);
}
