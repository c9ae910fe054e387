// npm run bench: one JSON line per measurement; "goal" is the upper bound.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { manualClock } from '../src/main/core/clock.ts';
import { MINUTE } from '../src/main/core/calendar.ts';
import { createServices } from '../src/main/services/app.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import type { TimeEntry } from '../src/shared/types.ts';
import { manualScheduler } from '../tests/support/manualScheduler.ts';

function line(name: string, value: number, unit: string, goal: number) {
  console.log(JSON.stringify({ name, value: Number(value.toFixed(2)), unit, goal }));
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function services(now: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'));
  const clock = manualClock(now);
  const timers = manualScheduler(clock);
  const app = createServices({
    dataDir,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    scheduler: timers.scheduler,
  });
  return { app, timers, dataDir };
}

const now = new Date(2026, 10, 25, 15).getTime();

// Week report: the time summary (today, the week day by day, the running session) over 25k entries.
{
  const { app, dataDir } = services(now);
  const entries: TimeEntry[] = Array.from({ length: 25_000 }, (_, i) => {
    const start = now - (i + 1) * 40 * MINUTE;
    return {
      id: `e${i}`,
      kind: i % 3 ? 'online' : 'offline',
      activity: i % 3 ? 'posting' : 'meeting',
      start,
      end: start + 25 * MINUTE,
      note: '',
      source: 'import',
    };
  });
  app.time.seed(entries);
  app.time.start('online');
  const samples = Array.from({ length: 30 }, () => {
    const t0 = performance.now();
    app.time.summary();
    return performance.now() - t0;
  });
  line('week report over 25k entries', median(samples), 'ms', 20);
  app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// Timer wake-ups in the main process, over an hour of simulated time.
for (const running of [true, false]) {
  const { app, timers, dataDir } = services(now);
  if (running) app.time.start('online');
  timers.advance(60 * MINUTE);
  line(
    `main-process timer wake-ups per minute, ${running ? 'session running' : 'no session'}`,
    timers.wakeUps() / 60,
    'per minute',
    running ? 60 : 0,
  );
  app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// The renderer's initial JavaScript, gzipped (needs npm run build first).
const assets = path.join('out', 'renderer', 'assets');
if (fs.existsSync(assets)) {
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
  line('renderer initial JS, gzipped', bytes / 1024, 'KB', 200);
}
