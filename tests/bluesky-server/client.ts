// Starts tests/bluesky-server/start.ts in a child process and speaks its JSON-line protocol. Plain Node only:
// tests of the main project use this without importing any @atproto package.
//
//   if (!blueskyServerAvailable()) throw new Error(BLUESKY_SERVER_MISSING);
//   const server = await startBlueskyServer();
//   const alice = await server.createAccount('alice.test', 'alice-pass');
//   ...
//   await server.stop();
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type {
  Actor,
  Command,
  CommandName,
  CommandOf,
  ErrorReply,
  OkReply,
  PostCommand,
  ReadyLine,
  SeedCommand,
  ServerUrls,
} from './protocol.ts';

export type * from './protocol.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const START_SCRIPT = path.join(here, 'start.ts');

/** What a test should say when the harness is not installed. */
export const BLUESKY_SERVER_MISSING =
  'The local Bluesky server is not installed: run `bash tests/bluesky-server/setup.sh` (Postgres + @atproto/dev-env).';

/** Set where the server is not run (the macOS and Windows CI jobs): the tests that need it skip, saying why. */
export const blueskyServerSkipped = process.env.TWOWAY_SKIP_BLUESKY_SERVER === '1';
export const BLUESKY_SERVER_SKIPPED =
  'TWOWAY_SKIP_BLUESKY_SERVER=1: this machine does not run the local Bluesky server (CI runs it on Linux).';

/** Whether tests/bluesky-server/node_modules/@atproto/dev-env exists. The caller decides to fail or skip. */
export function blueskyServerAvailable(): boolean {
  return existsSync(path.join(here, 'node_modules', '@atproto', 'dev-env', 'package.json'));
}

export type StartOptions = {
  /** How long to wait for the network to come up (default 120 s). */
  startTimeoutMs?: number;
  /** How long one command may take before its promise rejects (default 120 s). */
  commandTimeoutMs?: number;
  /** Echo the server's stderr to this process's stderr (default: env TWOWAY_BSKY_DEBUG set). */
  echoStderr?: boolean;
};

/** The fields of setProfile besides the account. */
type ProfileInput = Omit<CommandOf<'setProfile'>, 'cmd' | 'from'>;
type SeedOptions = Omit<SeedCommand<'seedFollowers'>, 'cmd' | 'target' | 'count'>;
/** A post's date, the post it replies to or quotes (at:// URIs), and link facets. */
export type PostOptions = Omit<PostCommand, 'cmd' | 'from' | 'text'>;

/** Thrown when the server answers `ok: false`. */
export class BlueskyServerError extends Error {
  readonly command: CommandName;
  constructor(command: CommandName, message: string) {
    super(`${command}: ${message}`);
    this.name = 'BlueskyServerError';
    this.command = command;
  }
}

export type BlueskyServer = {
  urls: ServerUrls;
  /** Sends one command; resolves with the ok reply, rejects with BlueskyServerError on `ok: false`. */
  send<C extends Command>(command: C): Promise<OkReply<C['cmd']>>;
  createAccount(handle: string, password: string, email?: string): Promise<OkReply<'createAccount'>>;
  /** `createdAt` (ISO) is written into the follow record; the app reads it as the follow date. */
  follow(from: Actor, to: Actor, createdAt?: string): Promise<OkReply<'follow'>>;
  unfollow(from: Actor, to: Actor): Promise<OkReply<'unfollow'>>;
  deleteAccount(actor: Actor): Promise<OkReply<'deleteAccount'>>;
  /** The account deactivates itself, with its own session: the AppView then answers AccountDeactivated for it. */
  deactivateAccount(actor: Actor): Promise<OkReply<'deactivateAccount'>>;
  /** The PDS takes the account down (admin): the AppView then answers AccountTakedown for it. */
  takedownAccount(actor: Actor): Promise<OkReply<'takedownAccount'>>;
  /** `from` blocks `to` (an app.bsky.graph.block record). */
  block(from: Actor, to: Actor): Promise<OkReply<'block'>>;
  /** A DID on the PLC directory naming `handle` and the server `pds`, as an impostor can register one. */
  createIdentity(handle: string, pds: string): Promise<OkReply<'createIdentity'>>;
  /** Every `@handle` in the text that the server knows becomes a mention. */
  post(from: Actor, text: string, options?: PostOptions): Promise<OkReply<'post'>>;
  reply(from: Actor, to: string, text: string, options?: PostOptions): Promise<OkReply<'post'>>;
  quote(from: Actor, quoted: string, text: string, options?: PostOptions): Promise<OkReply<'post'>>;
  /** Many posts in one command, several authors at a time; results in the order given. */
  posts(posts: ({ from: Actor; text: string } & PostOptions)[]): Promise<OkReply<'posts'>>;
  setProfile(from: Actor, profile: ProfileInput): Promise<OkReply<'setProfile'>>;
  /** Lets the AppView index every write so far. Call it after writes, before AppView reads. */
  processAll(): Promise<OkReply<'processAll'>>;
  /** Creates `count` accounts (`fan0001.test`, ...) that each follow `target`. */
  seedFollowers(target: Actor, count: number, options?: SeedOptions): Promise<OkReply<'seedFollowers'>>;
  /** Creates `count` accounts (`idol0001.test`, ...) that `target` follows. */
  seedFollowing(target: Actor, count: number, options?: SeedOptions): Promise<OkReply<'seedFollowing'>>;
  /** Stops the network and Postgres and removes their files. Safe to call twice. */
  stop(): Promise<void>;
};

function startError(message: string, stderrTail: string): Error {
  return new Error(`${message}${stderrTail ? `\n--- bluesky-server stderr (last lines) ---\n${stderrTail}` : ''}`);
}

/** Starts PLC + PDS + AppView on 127.0.0.1 with a fresh database; resolves once they answer. */
export async function startBlueskyServer(options: StartOptions = {}): Promise<BlueskyServer> {
  if (!blueskyServerAvailable()) throw new Error(BLUESKY_SERVER_MISSING);
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 120_000;
  const echo = options.echoStderr ?? Boolean(process.env.TWOWAY_BSKY_DEBUG);

  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [START_SCRIPT], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: process.env,
  });
  let stderrTail = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
    if (echo) process.stderr.write(chunk);
  });

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pending = new Map<number, { resolve(reply: object): void; reject(error: Error): void }>();
  let onReady: ((line: ReadyLine) => void) | undefined;
  const lines = readline.createInterface({ input: child.stdout, crlfDelay: Infinity });
  lines.on('line', (text) => {
    let message: { id?: unknown };
    try {
      message = JSON.parse(text) as { id?: unknown };
    } catch {
      process.stderr.write(`[bluesky-server client] not a protocol line: ${text}\n`);
      return;
    }
    if (onReady) {
      const ready = onReady;
      onReady = undefined;
      ready(message as ReadyLine);
      return;
    }
    const waiter = typeof message.id === 'number' ? pending.get(message.id) : undefined;
    if (!waiter) {
      process.stderr.write(`[bluesky-server client] reply to no command: ${text}\n`);
      return;
    }
    pending.delete(message.id as number);
    waiter.resolve(message);
  });
  void exited.then((code) => {
    for (const waiter of pending.values()) {
      waiter.reject(startError(`the Bluesky server exited (code ${code}) before answering`, stderrTail));
    }
    pending.clear();
  });

  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(startError(`the Bluesky server did not start within ${startTimeoutMs} ms`, stderrTail));
    }, startTimeoutMs);
    onReady = (line) => {
      clearTimeout(timer);
      resolve(line);
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(startError(`the Bluesky server exited (code ${code}) while starting`, stderrTail));
    });
  });
  if ('error' in ready) {
    await exited;
    throw startError(`the Bluesky server failed to start: ${ready.error}`, stderrTail);
  }

  let nextId = 1;
  let stopped: Promise<void> | undefined;

  function send<C extends Command>(command: C): Promise<OkReply<C['cmd']>> {
    type Name = C['cmd'];
    if (stopped) return Promise.reject(new Error(`${command.cmd}: the Bluesky server was stopped`));
    const id = nextId;
    nextId += 1;
    return new Promise<OkReply<Name>>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${command.cmd}: no answer within ${commandTimeoutMs} ms`));
      }, commandTimeoutMs);
      pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          const answer = reply as OkReply<Name> | ErrorReply;
          if (answer.ok) resolve(answer);
          else reject(new BlueskyServerError(command.cmd, answer.error));
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  }

  function stop(): Promise<void> {
    stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const id = nextId;
      nextId += 1;
      pending.set(id, { resolve: () => undefined, reject: () => undefined });
      child.stdin.write(`${JSON.stringify({ id, cmd: 'stop' } satisfies Command & { id: number })}\n`);
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
      const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      await exited;
      clearTimeout(timer);
      clearTimeout(killer);
    })();
    return stopped;
  }

  const seed =
    <Name extends 'seedFollowers' | 'seedFollowing'>(cmd: Name) =>
    (target: Actor, count: number, seedOptions: SeedOptions = {}) =>
      send({ ...seedOptions, cmd, target, count } as CommandOf<Name>);

  return {
    urls: { pds: ready.pds, appview: ready.appview, plc: ready.plc },
    send,
    createAccount: (handle, password, email) =>
      send({ cmd: 'createAccount', handle, password, ...(email === undefined ? {} : { email }) }),
    follow: (from, to, createdAt) =>
      send({ cmd: 'follow', from, to, ...(createdAt === undefined ? {} : { createdAt }) }),
    unfollow: (from, to) => send({ cmd: 'unfollow', from, to }),
    deleteAccount: (actor) => send({ cmd: 'deleteAccount', handle: actor }),
    deactivateAccount: (actor) => send({ cmd: 'deactivateAccount', handle: actor }),
    takedownAccount: (actor) => send({ cmd: 'takedownAccount', handle: actor }),
    block: (from, to) => send({ cmd: 'block', from, to }),
    createIdentity: (handle, pds) => send({ cmd: 'createIdentity', handle, pds }),
    post: (from, text, options = {}) => send({ ...options, cmd: 'post', from, text }),
    reply: (from, to, text, options = {}) => send({ ...options, cmd: 'post', from, text, replyTo: to }),
    quote: (from, quoted, text, options = {}) => send({ ...options, cmd: 'post', from, text, quote: quoted }),
    posts: (posts) => send({ cmd: 'posts', posts }),
    setProfile: (from, profile) => send({ ...profile, cmd: 'setProfile', from }),
    processAll: () => send({ cmd: 'processAll' }),
    seedFollowers: seed('seedFollowers'),
    seedFollowing: seed('seedFollowing'),
    stop,
  };
}
