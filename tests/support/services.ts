import { manualClock } from '../../src/main/core/clock.ts';
import { createApi } from '../../src/main/services/api.ts';
import { createServices } from '../../src/main/services/app.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { manualScheduler } from './manualScheduler.ts';
import { tempDir } from './tempDir.ts';

export interface ServicesOptions {
  dataDir?: string;
  /** What the system would report as idle time, in ms; null where it cannot tell. */
  idle?: { ms: number } | null;
}

/** Real services on real files in a temp dir, with a clock and timers the test moves. */
export function servicesAt(start: number, { dataDir = tempDir(), idle = null }: ServicesOptions = {}) {
  const clock = manualClock(start);
  const timers = manualScheduler(clock);
  let next = 0;
  const services = createServices({
    dataDir,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    scheduler: timers.scheduler,
    systemIdleMs: idle ? () => idle.ms : null,
    newId: () => `id-${++next}`,
  });
  return { clock, timers, services, dispatch: createApi(services), dataDir };
}
