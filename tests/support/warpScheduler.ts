import type { Clock } from '../../src/main/core/clock.ts';
import type { Scheduler } from '../../src/main/services/scheduler.ts';

/**
 * Timers that fire on the next turn of the event loop, moving the test clock forward to when they were due:
 * waits for rate limits and write pacing take no real time, yet the app sees them pass. Timers longer than
 * `horizonMs` (the six-hourly sync) never fire: the test's world lasts minutes. Every wait asked for is recorded.
 */
export function warpScheduler(clock: Clock & { set(ms: number): void }, horizonMs = 10 * 60_000) {
  const waits: number[] = [];
  const scheduler: Scheduler = {
    setTimeout: (run, ms) => {
      waits.push(ms);
      if (ms > horizonMs) return null;
      const due = clock.now() + ms;
      return setTimeout(() => {
        clock.set(Math.max(clock.now(), due));
        run();
      }, 0);
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
  };
  return { scheduler, waits };
}
