import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../src/main/core/clock.ts';
import { createServices } from '../src/main/services/app.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import { manualScheduler } from '../tests/support/manualScheduler.ts';

/** One bench result: a JSON line, with the goal as the upper bound. */
export function line(name: string, value: number, unit: string, goal: number) {
  console.log(JSON.stringify({ name, value: Number(value.toFixed(2)), unit, goal }));
}

/** The median time of `runs` calls, in ms. */
export function timed(runs: number, work: () => void): number {
  const samples = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  });
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Real services on a fresh temp folder, timers under the bench's control. */
export function benchServices(now: number, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'))) {
  const clock = manualClock(now);
  const timers = manualScheduler(clock);
  const app = createServices({
    dataDir,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    scheduler: timers.scheduler,
  });
  return {
    app,
    timers,
    dataDir,
    done() {
      app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
