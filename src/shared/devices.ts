// The person's devices and how they sync, as Settings → Devices shows them.
import type { Activity, SessionKind } from './types.ts';

/** A session another device is timing now: "running on Laptop since 9:12". */
export interface RunningElsewhere {
  kind: SessionKind;
  activity: Activity;
  start: number;
}

export interface DeviceRow {
  id: string;
  name: string;
  thisDevice: boolean;
  running: RunningElsewhere | null;
  /** When this device last took in that device's changes; null before the first time (and for this device). */
  lastSyncAt: number | null;
  /** When that device last said it was there. */
  seenAt: number | null;
}

export type SyncTransport =
  | { kind: 'none' }
  | { kind: 'folder'; path: string }
  /** `document` is what the other devices enter to join: the server's copy of these documents. */
  | { kind: 'server'; url: string; document: string };

export interface SyncStatus {
  transport: SyncTransport;
  /** syncing: up to date as far as known; waiting: for something named in `message`; unavailable: see `message`. */
  state: 'off' | 'syncing' | 'waiting' | 'unavailable';
  /** What it waits for, or why it cannot sync, in the user's words; null when all is well. */
  message: string | null;
  /** When changes last came in or went out. */
  lastSyncAt: number | null;
}

export interface DevicesView {
  device: { id: string; name: string };
  devices: DeviceRow[];
  sync: SyncStatus;
}

/** One edit in a time entry's history: when, on which device, which fields it set (or that it removed it). */
export interface EntryEdit {
  at: number;
  deviceName: string;
  changed: string[];
  /** The edit that made the entry. */
  made: boolean;
  removed: boolean;
}
