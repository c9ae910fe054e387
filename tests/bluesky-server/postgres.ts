// A throwaway Postgres cluster for one run: initdb into a temp folder, listen on 127.0.0.1 only, trust auth.
// When we run as root the cluster runs as the `postgres` user (Postgres refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type PostgresCluster = {
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
};

const log = (message: string): void => {
  process.stderr.write(`[bluesky-server] ${message}\n`);
};

/** The folder holding initdb and pg_ctl: $TWOWAY_PG_BIN, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.TWOWAY_PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name) && existsSync(path.join(debianRoot, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debianRoot, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const initdb = found.stdout.trim();
  return found.status === 0 && initdb ? path.dirname(initdb) : undefined;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

type RunAs = { uid: number; gid: number; prefix: string[] } | undefined;

function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  // runuser lives in /usr/sbin, which a root PATH may lack.
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((file) => existsSync(file));
  return { uid, gid, prefix: [runuser ?? 'runuser', '-u', 'postgres', '--'] };
}

function run(runAs: RunAs, command: string, args: string[]): void {
  const [file, ...rest] = runAs ? [...runAs.prefix, command, ...args] : [command, ...args];
  const result = spawnSync(file as string, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed (${result.status}): ${(result.stderr || result.stdout).trim()}`);
  }
}

/**
 * Creates and starts a cluster in `folder` (which must not exist yet and whose parent the postgres user can
 * traverse). Resolves once it accepts connections.
 */
export async function startPostgres(folder: string): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('Postgres not found: run tests/bluesky-server/setup.sh (apt-get install postgresql)');
  const runAs = postgresUser();
  const dataDir = path.join(folder, 'data');
  const socketDir = path.join(folder, 'socket');
  mkdirSync(folder, { mode: 0o700 });
  mkdirSync(socketDir, { mode: 0o700 });
  if (runAs) {
    chownSync(folder, runAs.uid, runAs.gid);
    chownSync(socketDir, runAs.uid, runAs.gid);
  }
  const initdb = path.join(bin, 'initdb');
  const pgCtl = path.join(bin, 'pg_ctl');
  run(runAs, initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);

  // A free port can be taken between the check and the bind: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${socketDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      run(runAs, pgCtl, [
        'start',
        '-w',
        '-t',
        '60',
        '-D',
        dataDir,
        '-l',
        path.join(folder, 'postgres.log'),
        '-o',
        options,
      ]);
      log(`postgres listening on 127.0.0.1:${port}`);
      return {
        url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
        port,
        dataDir,
        stop: () => stopPostgres(dataDir),
      };
    } catch (error) {
      lastError = error;
      log(`postgres did not start on port ${port}: ${String(error)}`);
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** Stops a cluster at once (its data is thrown away anyway). Never throws. */
export function stopPostgres(dataDir: string): void {
  const bin = findPostgresBin();
  if (!bin || !existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  try {
    run(postgresUser(), path.join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30']);
  } catch (error) {
    log(`pg_ctl stop: ${String(error)}`);
  }
}
