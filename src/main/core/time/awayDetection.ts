// What the system tells Twoway about time away from the computer. Electron reports sleep everywhere and a locked
// screen on macOS and Windows only; idle keyboard and mouse where the idle time can be read and is true (not
// under Wayland, see idleDetection). Settings says exactly this, so it promises nothing the system cannot see.
import type { AwayDetection } from '../../../shared/types.ts';
import { systemReportsIdle, type SessionEnvironment } from './idleDetection.ts';

/** `idleReads`: whether a read of the system's idle time worked here. */
export function awayDetection(platform: string, env: SessionEnvironment, idleReads: boolean): AwayDetection {
  return {
    sleep: true,
    lock: platform === 'darwin' || platform === 'win32',
    idle: idleReads && systemReportsIdle(platform, env),
  };
}

/** The browser preview runs in plain Node, which hears no sleep, lock or idle time. */
export const nothingDetected: AwayDetection = { sleep: false, lock: false, idle: false };
