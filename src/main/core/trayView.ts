// What the tray shows, as a pure view model: the shell only renders it, and only when it changed.
import type { DayTotals, RunningSession } from '../../shared/types.ts';
import { MINUTE } from './calendar.ts';

/** What the user can ask for from the tray and the application menu. */
export type UserCommand = 'start-online' | 'start-offline' | 'stop' | 'open' | 'quit';

export type TrayState = 'idle' | 'online' | 'offline';

export interface TrayMenuItem {
  /** A command to run, or 'status' for the line that only informs. */
  id: UserCommand | 'status';
  label: string;
  enabled: boolean;
  /** A separator goes before this item. */
  separatorBefore?: boolean;
}

export interface TrayView {
  state: TrayState;
  tooltip: string;
  menu: TrayMenuItem[];
}

export interface TrayInput {
  running: RunningSession | null;
  now: number;
  /** Today's totals including the running session, as the time summary counts them. */
  today: DayTotals;
}

/** 'h:mm', rounded down: a minute shows only once it is complete. */
export function hoursAndMinutes(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function trayView({ running, now, today }: TrayInput): TrayView {
  const state: TrayState = running ? running.kind : 'idle';
  // Today's totals appear only while a session runs: that is when the tray refreshes each minute, so an idle
  // tray never shows yesterday's totals after midnight.
  const status = running
    ? `Today ${hoursAndMinutes(today.onlineMs)} online · ${hoursAndMinutes(today.offlineMs)} offline`
    : 'No session running';
  return {
    state,
    tooltip: running ? `Twoway — ${running.kind} ${hoursAndMinutes(now - running.start)}` : 'Twoway — idle',
    menu: [
      { id: 'status', label: status, enabled: false },
      // Starting the kind that already runs would only cut the session in two.
      { id: 'start-online', label: 'Start online session', enabled: state !== 'online', separatorBefore: true },
      { id: 'start-offline', label: 'Start offline session', enabled: state !== 'offline' },
      { id: 'stop', label: 'Stop', enabled: running !== null },
      { id: 'open', label: 'Open Twoway', enabled: true, separatorBefore: true },
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
  return a !== null && a.state === b.state && a.tooltip === b.tooltip && sameMenu(a.menu, b.menu);
}

/**
 * Milliseconds until a minute shown in the tray next changes (the session's or today's), or null when idle:
 * an idle tray changes only on events, so it needs no timer.
 */
export function nextTrayRefresh({ running, now, today }: TrayInput): number | null {
  if (!running) return null;
  const untilNextMinute = (ms: number) => MINUTE - (Math.max(0, ms) % MINUTE);
  const todayOfKind = running.kind === 'online' ? today.onlineMs : today.offlineMs;
  return Math.min(untilNextMinute(now - running.start), untilNextMinute(todayOfKind));
}
