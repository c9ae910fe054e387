// The system's sleep, lock and idle signals, handed to the time tracker: going to sleep or locking the screen
// pauses the running session, waking or unlocking puts the time away to the user. The tracker decides. Electron
// reports a locked screen on macOS and Windows only; core/awayDetection says what this system reports.
import { powerMonitor } from 'electron';
import { systemReportsIdle } from '../core/time/idleDetection.ts';

/** Milliseconds since the last keyboard or mouse input; null where the system cannot tell (Wayland) or a read fails. */
export function systemIdleReader(): (() => number) | null {
  if (!systemReportsIdle(process.platform, process.env)) return null;
  const read = () => powerMonitor.getSystemIdleTime() * 1000;
  try {
    const ms = read();
    if (Number.isFinite(ms)) return read;
    console.warn(`twoway: the system idle time reads as ${ms}; idle time will not pause the timer`);
  } catch (error) {
    console.warn('twoway: the system idle time cannot be read; idle time will not pause the timer', error);
  }
  return null;
}

export interface PowerEventOptions {
  time: { suspend(): void; resume(): void };
  /** The system is shutting down or restarting (Linux, macOS): end the session as a quit would. */
  shutdown: () => void;
}

/** Starts listening; returns a function that stops. */
export function followPowerEvents({ time, shutdown }: PowerEventOptions): () => void {
  const away = () => time.suspend();
  const back = () => time.resume();
  powerMonitor.on('suspend', away);
  powerMonitor.on('lock-screen', away);
  powerMonitor.on('resume', back);
  powerMonitor.on('unlock-screen', back);
  powerMonitor.on('shutdown', shutdown);
  return () => {
    powerMonitor.off('suspend', away);
    powerMonitor.off('lock-screen', away);
    powerMonitor.off('resume', back);
    powerMonitor.off('unlock-screen', back);
    powerMonitor.off('shutdown', shutdown);
  };
}
