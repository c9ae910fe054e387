// The app's services in a process of their own, driven over IPC, for tests that need a real process: one the
// kernel kills, limits (file size) or runs as an unprivileged user. Time is the test's: a manual clock and
// timers that fire when the test advances them.
//   child:  node tests/support/appProcess.ts <dataDir> <startMs>
import { spawn } from 'node:child_process';
import path from 'node:path';
import { manualClock } from '../../src/main/core/clock.ts';
import { createApi } from '../../src/main/services/api.ts';
import { createServices } from '../../src/main/services/app.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import type { Reply } from '../../src/shared/contract.ts';
import type { AppStatus } from '../../src/shared/types.ts';
import { manualScheduler } from './manualScheduler.ts';

type Request = { id: number } & ({ method: string; input: unknown } | { advance: number } | { statusSeen: true });

if (import.meta.main) {
  // Tests limit the file size to make the disk refuse bytes; the kernel then also sends this signal, which
  // would end the process where a full disk only fails the write.
  process.on('SIGXFSZ', () => {});
  const [dataDir, start] = process.argv.slice(2);
  const clock = manualClock(Number(start));
  const timers = manualScheduler(clock);
  let next = 0;
  const services = createServices({
    dataDir: dataDir!,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    // Pinned, so messages read the same on every machine.
    locale: 'en-GB',
    scheduler: timers.scheduler,
    newId: () => `id-${process.pid}-${++next}`,
  });
  // What an open window would show: the status it loaded, then every statusChanged pushed to it.
  let statusSeen: AppStatus = services.status();
  services.events.listen((event, payload) => {
    if (event === 'statusChanged') statusSeen = payload as AppStatus;
  });
  const dispatch = createApi(services);
  await services.start();
  process.on('message', (request: Request) => {
    void (async () => {
      if ('advance' in request) {
        timers.advance(request.advance);
        process.send!({ id: request.id, value: clock.now() });
      } else if ('statusSeen' in request) {
        process.send!({ id: request.id, value: statusSeen });
      } else {
        process.send!({ id: request.id, value: await dispatch(request.method, request.input) });
      }
    })();
  });
  process.send!({ id: 0, value: 'ready' });
}

export interface AppProcessOptions {
  dataDir: string;
  start: number;
  /** Run as this user (the parent must be root), as a desktop app runs: without the right to write everywhere. */
  user?: { uid: number; gid: number };
}

/** Starts the app in a child process and resolves once it answers. */
export async function startAppProcess({ dataDir, start, user }: AppProcessOptions) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'appProcess.ts'), dataDir, String(start)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...user,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waiting = new Map<number, (value: unknown) => void>();
  child.on('message', (message: { id: number; value: unknown }) => waiting.get(message.id)?.(message.value));
  let lastId = 0;
  const ask = <T>(request: object, id = ++lastId) =>
    new Promise<T>((resolve, reject) => {
      waiting.set(id, resolve as (value: unknown) => void);
      void exited.then(({ code, signal }) =>
        reject(new Error(`The app process ended (${signal ?? code}) before it answered:\n${output}`)),
      );
      if (id !== 0) child.send({ id, ...request });
    });
  await ask<'ready'>({}, 0);
  return {
    pid: child.pid!,
    call: (method: string, input?: unknown) => ask<Reply<unknown>>({ method, input }),
    /** Moves the app's clock and runs the timers that come due (heartbeats, retries). */
    advance: (ms: number) => ask<number>({ advance: ms }),
    /** The status an open window shows now. */
    statusSeen: () => ask<AppStatus>({ statusSeen: true }),
    /** Everything the process printed. */
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}
export type AppProcess = Awaited<ReturnType<typeof startAppProcess>>;
