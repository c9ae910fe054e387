// kill -9 of a process writing the shared document and its copy in a sync folder, 100 times at random moments:
// each next start finds the document whole, missing at most the change in progress, and the copy another device
// would read loads whole too.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import * as Automerge from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import type { StoreNotice } from '../../src/shared/types.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openSharedDoc } from '../../src/main/services/devices/sharedDoc.ts';
import { writerDevice } from '../support/sharedWriter.ts';
import { tempDir } from '../support/tempDir.ts';

const writer = path.join(import.meta.dirname, '../support/sharedWriter.ts');

async function writeThenKill(dataDir: string) {
  const killAfterMs = Math.random() * 150;
  const child = spawn(process.execPath, [writer, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let wrote = 0;
  const notices: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, rest] = line.split(' ');
    if (word === 'opened') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    else if (word === 'wrote') wrote = Number(rest);
    else if (word === 'notice') notices.push(line);
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_, s) => resolve(s)));
  return { signal, wrote, notices };
}

async function killRounds(rounds: number) {
  const dataDir = tempDir();
  const copy = path.join(`${dataDir}-sync`, `${writerDevice}.automerge`);
  let saved = 0;
  for (let round = 0; round < rounds; round++) {
    const run = await writeThenKill(dataDir);
    expect(run.signal).toBe('SIGKILL');
    expect(run.notices).toEqual([]);
    const notices: StoreNotice[] = [];
    const context = {
      dataDir,
      openFile: openConfFile,
      clock: manualClock(0),
      onNotice: (n: StoreNotice) => notices.push(n),
      onSaved: () => {},
    };
    const held = openSharedDoc({ context, device: writerDevice }).fields('entries').size;
    expect(notices).toEqual([]);
    const acknowledged = Math.max(saved, run.wrote);
    expect(held).toBeGreaterThanOrEqual(acknowledged);
    expect(held).toBeLessThanOrEqual(acknowledged + 1);
    // The sync folder's copy loads whole, one change behind at most; an unfinished copy is never in its place.
    const copied = Object.keys(Automerge.load<{ entries: object }>(fs.readFileSync(copy)).entries).length;
    expect(copied).toBeLessThanOrEqual(held);
    expect(copied).toBeGreaterThanOrEqual(held - 1);
    saved = held;
  }
  return saved;
}

describe('a process killed while it writes the shared document', () => {
  it('leaves the document and its sync-folder copy loadable 100 times over, losing at most the change in progress', async () => {
    const lanes = await Promise.all([killRounds(50), killRounds(50)]);
    // The kills landed while writing: the documents grew across them.
    for (const entries of lanes) expect(entries).toBeGreaterThan(50);
  }, 300_000);
});
