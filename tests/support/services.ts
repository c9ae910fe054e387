import { manualClock } from '../../src/main/core/clock.ts';
import { createApi } from '../../src/main/services/api.ts';
import { createServices } from '../../src/main/services/app.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { tempDir } from './tempDir.ts';

/** Real services on real files in a temp dir, with a clock the test moves. */
export function servicesAt(start: number, dataDir = tempDir()) {
  const clock = manualClock(start);
  let next = 0;
  const services = createServices({
    dataDir,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    newId: () => `id-${++next}`,
  });
  return { clock, services, dispatch: createApi(services), dataDir };
}
