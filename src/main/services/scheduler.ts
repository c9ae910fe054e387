/** Timers, injected so tests and the wake-up bench can run them by hand. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One pending run at most: re-arming replaces it, so a timer never doubles up. */
export function singleTimer(scheduler: Scheduler) {
  let handle: unknown = null;
  return {
    arm(run: () => void, ms: number) {
      if (handle !== null) scheduler.clearTimeout(handle);
      handle = scheduler.setTimeout(() => {
        handle = null;
        run();
      }, ms);
    },
    disarm() {
      if (handle !== null) scheduler.clearTimeout(handle);
      handle = null;
    },
  };
}
