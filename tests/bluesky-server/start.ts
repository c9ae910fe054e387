// Runs the real Bluesky reference stack (PLC + PDS + AppView from @atproto/dev-env) on 127.0.0.1 with a
// throwaway Postgres, prints one JSON line with its URLs, then answers JSON-line commands on stdin (see
// protocol.ts and README.md). stdout carries protocol lines only; everything else goes to stderr.
//
//   node tests/bluesky-server/start.ts
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { bindServersToLoopback } from './bindLoopback.ts';
import { loadDevEnv, type TestNetwork } from './devEnv.ts';
import { startPostgres, stopPostgres, type PostgresCluster } from './postgres.ts';
import type { Command, ErrorReply, ReadyLine } from './protocol.ts';
import { createSeeder, type Seeder } from './seeder.ts';

// Keep stdout for the protocol: anything a library prints (console.log included) goes to stderr.
const stdoutWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
const send = (line: object, then?: () => void): void => {
  stdoutWrite(`${JSON.stringify(line)}\n`, then);
};
const log = (message: string): void => {
  process.stderr.write(`[bluesky-server] ${message}\n`);
};

const DIR_PREFIX = 'twoway-bsky-';
const baseTmp = os.tmpdir();

let runDir: string | undefined;
let postgres: PostgresCluster | undefined;
let network: TestNetwork | undefined;
let stopping: Promise<void> | undefined;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what an earlier run that was killed outright (SIGKILL) left behind: its Postgres and temp files. */
function sweepStaleRuns(): void {
  for (const name of readdirSync(baseTmp)) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = path.join(baseTmp, name);
    try {
      const pid = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
      log(`removing stale run ${dir}`);
      stopPostgres(path.join(dir, 'pg', 'data'));
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A run that is still being created, or someone else's folder: leave it.
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Stops the network, then Postgres, then removes the run's folder. Safe to call more than once. */
function shutdown(): Promise<void> {
  stopping ??= (async () => {
    const started = performance.now();
    if (network) {
      try {
        await withTimeout(network.close(), 20_000, 'closing the network');
      } catch (error) {
        log(`network close: ${String(error)}`);
      }
    }
    if (postgres) postgres.stop();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
    log(`stopped in ${Math.round(performance.now() - started)} ms`);
  })();
  return stopping;
}

async function exit(code: number): Promise<never> {
  await shutdown();
  process.exit(code);
}

async function start(): Promise<TestNetwork> {
  sweepStaleRuns();
  runDir = mkdtempSync(path.join(baseTmp, DIR_PREFIX));
  // The postgres user must be able to reach runDir/pg.
  chmodSync(runDir, 0o755);
  writeFileSync(path.join(runDir, 'owner.pid'), String(process.pid));
  const tmp = path.join(runDir, 'tmp');
  mkdirSync(tmp);
  // PDS data and blob folders go under os.tmpdir(): make that our folder, removed on stop.
  process.env.TMPDIR = tmp;
  process.env.REDIS_HOST ||= 'unused';
  if (/^(true|t|1)$/i.test(process.env.LOG_ENABLED ?? '') && !process.env.LOG_DESTINATION) {
    process.env.LOG_DESTINATION = '/dev/stderr';
  }
  bindServersToLoopback();

  let started = performance.now();
  postgres = await startPostgres(path.join(runDir, 'pg'));
  process.env.DB_POSTGRES_URL = postgres.url;
  log(`postgres ready in ${Math.round(performance.now() - started)} ms`);

  started = performance.now();
  const devEnv = await loadDevEnv();
  log(`@atproto/dev-env loaded in ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  const created = await devEnv.TestNetwork.create({ dbPostgresUrl: postgres.url, dbPostgresSchema: 'twoway' });
  network = created;
  log(`network ready in ${Math.round(performance.now() - started)} ms`);
  return created;
}

/** Answers one command line. `stop` is answered by the caller once everything has stopped. */
async function handle(seeder: Seeder, line: string): Promise<{ reply: object; stop: boolean }> {
  let id: number | null = null;
  try {
    const command = JSON.parse(line) as (Command & { id?: unknown }) | null;
    if (command === null || typeof command !== 'object') throw new Error('a command is a JSON object');
    id = typeof command.id === 'number' ? command.id : null;
    const name = command.cmd;
    if (name === 'stop') return { reply: { id, ok: true }, stop: true };
    const method = Object.hasOwn(seeder, name) ? seeder[name as keyof Seeder] : undefined;
    if (!method) throw new Error(`unknown cmd ${JSON.stringify(name)}`);
    const result = await (method as (command: Command) => Promise<object>)(command);
    return { reply: { id, ok: true, ...result }, stop: false };
  } catch (error) {
    const reply: ErrorReply = { id, ok: false, error: describe(error) };
    return { reply, stop: false };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return status === undefined ? error.message : `${error.message} (status ${String(status)})`;
  }
  return String(error);
}

async function main(): Promise<void> {
  process.on('SIGTERM', () => void exit(0));
  process.on('SIGINT', () => void exit(0));
  process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (error) => log(`unhandled rejection: ${describe(error)}`));

  let seeder: Seeder;
  try {
    const created = await start();
    seeder = createSeeder(created);
    const url = (service: { port: number }): string => `http://127.0.0.1:${service.port}`;
    const ready: ReadyLine = { pds: url(created.pds), appview: url(created.bsky), plc: url(created.plc) };
    send(ready);
  } catch (error) {
    log(`start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const failed: ReadyLine = { error: describe(error) };
    send(failed);
    await exit(1);
    return;
  }

  // One command at a time, in order: seeding the same repo concurrently would race its commits.
  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (line.trim() === '') return;
    queue = queue.then(async () => {
      if (stopping) return;
      const { reply, stop } = await handle(seeder, line);
      if (stop) {
        await shutdown();
        // Exit once the reply is flushed (pipes are asynchronous on some platforms).
        send(reply, () => process.exit(0));
        return;
      }
      send(reply);
    });
  });
  input.on('close', () => {
    void queue.then(() => exit(0));
  });
}

if (!existsSync(path.join(import.meta.dirname, 'node_modules', '@atproto', 'dev-env'))) {
  send({ error: 'tests/bluesky-server/node_modules is missing: run bash tests/bluesky-server/setup.sh' });
  process.exit(1);
}
await main();
