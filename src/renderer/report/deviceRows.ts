// The rows of the report's "By device" table: each device's time under the name the person gave it.
import type { DeviceTime } from '../../shared/report.ts';

export interface DeviceRow {
  device: string;
  name: string;
  onlineMs: number;
  offlineMs: number;
}

/** Entries from before devices synced carry no device. */
export const beforeSync = 'Before sync';

export function deviceName(device: string, names: Readonly<Record<string, string>>): string {
  if (device === '') return beforeSync;
  // A device removed from the sync keeps its minutes; a short id tells two such apart.
  return names[device] ?? `Unknown device ${device.slice(0, 6)}`;
}

/** The table's rows, in the report's order; none when a single device holds all the time (nothing to break down). */
export function deviceRows(byDevice: readonly DeviceTime[], names: Readonly<Record<string, string>>): DeviceRow[] {
  if (byDevice.length < 2) return [];
  return byDevice.map((row) => ({ ...row, name: deviceName(row.device, names) }));
}
