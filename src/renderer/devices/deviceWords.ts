// How the devices and their sync read: times of day in the window's locale, states in the user's words.
import { dayKey } from '../../shared/calendar.ts';
import type { DeviceRow, DevicesView, RunningElsewhere, SyncStatus } from '../../shared/devices.ts';
import { clockTime, dayLabel } from '../format.ts';

/** '10:42' today, else 'Mon 4 May at 10:42'. */
export function when(ms: number, now = Date.now()): string {
  const day = dayKey(ms);
  return day === dayKey(now) ? clockTime(ms) : `${dayLabel(day)} at ${clockTime(ms)}`;
}

export const stateWords: Record<Exclude<SyncStatus['state'], 'off'>, string> = {
  syncing: 'Syncing',
  waiting: 'Waiting',
  unavailable: 'Unavailable',
};

export const lastSyncWords = (sync: SyncStatus, now?: number) =>
  sync.lastSyncAt === null ? 'Not synced yet' : `Last sync ${when(sync.lastSyncAt, now)}`;

/** When this device last heard from that one: its changes taken in, else its last word. */
export function heardWords(row: DeviceRow, now?: number): string {
  if (row.lastSyncAt !== null) return `Last sync ${when(row.lastSyncAt, now)}`;
  if (row.seenAt !== null) return `Last seen ${when(row.seenAt, now)}`;
  return 'Not seen yet';
}

/** 'Timing online (posting) since 9:12', in the device list. */
export const timingWords = (running: RunningElsewhere, now?: number) =>
  `Timing ${running.kind} (${running.activity}) since ${when(running.start, now)}`;

/** 'Online session running on Laptop since 9:12', beside an idle timer; null while no other device times. */
export function elsewhereWords(view: DevicesView | null, now?: number): string | null {
  const row = view?.devices.find((device) => !device.thisDevice && device.running);
  if (!row?.running) return null;
  const kind = row.running.kind === 'online' ? 'Online' : 'Offline';
  return `${kind} session running on ${row.name} since ${when(row.running.start, now)}`;
}
