import type { MethodName, MethodResult, Reply } from '../../src/shared/contract.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { createApi } from '../../src/main/services/api.ts';
import { createServices, type AppOptions } from '../../src/main/services/app.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { providerFactory } from '../../src/main/services/networks/providers.ts';
import { memoryVault, type SecretVault } from '../../src/main/services/secrets.ts';
import type { Scheduler } from '../../src/main/services/scheduler.ts';
import { manualScheduler } from './manualScheduler.ts';
import { tempDir } from './tempDir.ts';
import { warpScheduler } from './warpScheduler.ts';

/** The API's one entry point, with each method's result typed for tests that read it; inputs stay unchecked. */
export interface TestDispatch {
  <M extends MethodName>(name: M, input: unknown): Promise<Reply<MethodResult<M>>>;
  (name: string, input: unknown): Promise<Reply<unknown>>;
}

export interface ServicesOptions {
  dataDir?: string;
  /** What the system would report as idle time, in ms; null where it cannot tell. */
  idle?: { ms: number } | null;
  /** Timers fire at once with the clock moved on (for network tests) instead of when the test advances time. */
  warp?: boolean;
  /** How new ids begin, so two Twoways in one test never make the same ids. */
  idPrefix?: string;
  /** How long one network request may take (tests of servers that do not answer shorten it). */
  requestTimeoutMs?: number;
  /** Where secrets are kept; by default in memory, as in the browser preview. */
  vault?: SecretVault;
  /** How the vault keeps them, as the desktop app reports it; by default in memory. */
  secretStorage?: AppOptions['secretStorage'];
  /** What the desktop app's open dialog answers for an X archive; by default there is none, as in the preview. */
  chooseXArchive?: AppOptions['chooseXArchive'];
  /** The locale messages are written in; pinned to en-GB so they read the same on every machine. */
  locale?: string;
}

/** Real services on real files in a temp dir, with a clock and timers the test moves. */
export function servicesAt(
  start: number,
  {
    dataDir = tempDir(),
    idle = null,
    warp = false,
    idPrefix = 'id',
    requestTimeoutMs,
    vault = memoryVault(),
    secretStorage,
    chooseXArchive,
    locale = 'en-GB',
  }: ServicesOptions = {},
) {
  const clock = manualClock(start);
  const timers = manualScheduler(clock);
  const warped = warpScheduler(clock);
  const scheduler: Scheduler = warp ? warped.scheduler : timers.scheduler;
  let next = 0;
  const services = createServices({
    dataDir,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    locale,
    scheduler,
    systemIdleMs: idle ? () => idle.ms : null,
    newId: () => `${idPrefix}-${++next}`,
    vault,
    secretStorage,
    chooseXArchive,
    ...(requestTimeoutMs && { providerFor: providerFactory({ clock, scheduler, vault, timeoutMs: requestTimeoutMs }) }),
  });
  return { clock, timers, waits: warped.waits, services, dispatch: createApi(services) as TestDispatch, dataDir };
}
