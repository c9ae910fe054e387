import type { Clock } from '../../src/main/core/clock.ts';
import type { Scheduler } from '../../src/main/services/scheduler.ts';

/**
 * Timers that fire only when the test moves time. Like real timers they run on elapsed time, not on the wall
 * clock: `advance` moves both and runs each timer that comes due, counting the wake-ups, while a wall-clock
 * change (`clock.advance` alone) leaves pending timers where they were.
 */
export function manualScheduler(clock: Clock & { set(ms: number): void }) {
  let elapsed = 0;
  let nextId = 0;
  const pending = new Map<number, { due: number; run: () => void }>();
  let wakeUps = 0;
  const scheduler: Scheduler = {
    setTimeout: (run, ms) => {
      pending.set(++nextId, { due: elapsed + ms, run });
      return nextId;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  return {
    scheduler,
    pendingCount: () => pending.size,
    wakeUps: () => wakeUps,
    advance(ms: number) {
      const end = elapsed + ms;
      for (;;) {
        const next = [...pending.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due)[0];
        if (!next) break;
        pending.delete(next[0]);
        clock.set(clock.now() + (next[1].due - elapsed));
        elapsed = next[1].due;
        wakeUps++;
        next[1].run();
      }
      clock.set(clock.now() + (end - elapsed));
      elapsed = end;
    },
  };
}
