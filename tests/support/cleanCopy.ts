// The checkout as a user has it after a fresh clone and `npm install`, in a temporary folder, and npm run there as
// from the user's shell: the tests of the README's commands run them on it, never on this checkout.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The checkout as a fresh clone has it (no builds, no caches) and node_modules as `npm install` leaves it: each
 * package linked from ours, except electron, copied without a binary because the installer writes into it, and
 * electron-vite, copied because it finds Electron from its own folder (through a link, ours).
 */
export function cleanCopy(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-start-')));
  // Files not yet committed count too (git's view of the checkout, less what it ignores: builds, caches).
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).split('\0');
  for (const file of listed.filter((name) => name && fs.existsSync(path.join(root, name)))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  const ours = path.join(root, 'node_modules');
  const theirs = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(theirs, '.bin'), { recursive: true });
  for (const name of fs.readdirSync(ours).filter((entry) => !entry.startsWith('.'))) {
    const from = path.join(ours, name);
    const binary = (file: string) => name === 'electron' && ['dist', 'path.txt'].includes(path.relative(from, file));
    if (name === 'electron' || name === 'electron-vite') {
      fs.cpSync(from, path.join(theirs, name), { recursive: true, filter: (file) => !binary(file) });
    } else fs.symlinkSync(from, path.join(theirs, name));
  }
  // The same relative links, so `electron-vite` on PATH is the copy's.
  for (const bin of fs.readdirSync(path.join(ours, '.bin'))) {
    fs.symlinkSync(fs.readlinkSync(path.join(ours, '.bin', bin)), path.join(theirs, '.bin', bin));
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm <args>` started in the copy, in the environment of a user's shell (nothing of this test run's npm or
 * Vitest), in a process group of its own so that `stopNpm` ends the script's processes too, as Ctrl+C would.
 */
export function startNpm(dir: string, args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  const shell = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|electron_|vitest)|(^|_)proxy$|^(node_env|test)$/i.test(name),
    ),
  );
  return spawn('npm', args, { cwd: dir, env: { ...shell, ...env }, detached: true });
}

/** Ends what startNpm started, and waits until it has. */
export async function stopNpm(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once('close', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await ended;
}

/** `npm <args>` run to its end in the copy. */
export function npm(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const child = startNpm(dir, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
