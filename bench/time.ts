// The time side: the summary and the report over a large ledger, and how often the main process wakes up.
import { MINUTE } from '../src/shared/calendar.ts';
import type { TimeEntry } from '../src/shared/types.ts';
import { benchServices, line, timed } from './measure.ts';

const now = new Date(2026, 10, 25, 15).getTime();

// The time summary (today, the week day by day, the running session) over 25k entries.
{
  const bench = benchServices(now);
  const entries: TimeEntry[] = Array.from({ length: 25_000 }, (_, i) => {
    const start = now - (i + 1) * 40 * MINUTE;
    const kind = i % 3 ? 'online' : 'offline';
    return {
      id: `e${i}`,
      kind,
      activity: i % 3 ? 'posting' : 'meeting',
      start,
      end: start + 25 * MINUTE,
      note: '',
      source: 'import',
    };
  });
  bench.app.time.replace(entries);
  bench.app.time.start('online');
  line(
    'time summary (today, this week) over 25k entries',
    timed(30, () => bench.app.time.summary()),
    'ms',
    20,
  );
  line(
    'report for a week over 25k entries',
    timed(30, () => bench.app.reports.report('2026-11-23', '2026-11-29')),
    'ms',
    20,
  );
  line(
    'report for a year over 25k entries',
    timed(10, () => bench.app.reports.report('2025-11-26', '2026-11-25')),
    'ms',
    100,
  );
  bench.done();
}

// Timer wake-ups in the main process's services, over an hour of simulated time.
for (const running of [true, false]) {
  const bench = benchServices(now);
  if (running) bench.app.time.start('online');
  bench.timers.advance(60 * MINUTE);
  const name = `main-process timer wake-ups per minute, ${running ? 'session running' : 'no session'}`;
  line(name, bench.timers.wakeUps() / 60, 'per minute', running ? 60 : 0);
  bench.done();
}
