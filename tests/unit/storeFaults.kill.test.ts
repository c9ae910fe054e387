// kill -9 of a process writing the stores, 100 times at random moments: the real store code in a real child
// process, killed by the kernel wherever it happens to be (opening, serializing, mid-write, renaming).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { StoreNotice } from '../../src/shared/types.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openStore } from '../../src/main/services/store.ts';
import { largePeople, writerStores } from '../support/storeWriter.ts';
import { tempDir } from '../support/tempDir.ts';

const writer = path.join(import.meta.dirname, '../support/storeWriter.ts');
type Counts = Record<string, number>;

/** Runs the writer until a random moment after it opened its stores, kills it, and says what it reported. */
async function writeThenKill(dataDir: string, killAfterMs: number) {
  const child = spawn(process.execPath, [writer, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const wrote: Counts = {};
  const notices: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, ...rest] = line.split(' ');
    if (word === 'opened') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    else if (word === 'wrote') wrote[rest[0]!] = Number(rest[1]);
    else if (word === 'notice') notices.push(rest.join(' '));
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_, s) => resolve(s)));
  return { signal, wrote, notices };
}

/** Opens the stores as the app does at its next start. */
function reopen(dataDir: string) {
  const notices: StoreNotice[] = [];
  const context = {
    dataDir,
    openFile: openConfFile,
    clock: manualClock(0),
    onNotice: (n: StoreNotice) => notices.push(n),
    onSaved: () => {},
  };
  const stores = Object.fromEntries(writerStores.map((spec) => [spec.name, openStore(spec, context).read()]));
  return { stores, notices };
}

describe('a process killed while it writes the stores', () => {
  it('leaves every store readable 100 times over, losing at most the write in progress', async () => {
    const dataDir = tempDir();
    const saved: Counts = { small: 0, large: 0 };
    let writesSeen = 0;
    for (let round = 0; round < 100; round++) {
      const run = await writeThenKill(dataDir, Math.random() * 30);
      expect(run.signal).toBe('SIGKILL');
      expect(run.notices).toEqual([]);

      const { stores, notices } = reopen(dataDir);
      expect(notices).toEqual([]);
      for (const [name, data] of Object.entries(stores)) {
        const acknowledged = Math.max(saved[name]!, run.wrote[name] ?? 0);
        expect(data.count, name).toBeGreaterThanOrEqual(acknowledged);
        expect(data.count, name).toBeLessThanOrEqual(acknowledged + 1);
        saved[name] = data.count;
      }
      if (stores.large!.count > 0) expect(stores.large!.people).toEqual(largePeople);
      for (const name of fs.readdirSync(dataDir)) {
        expect(() => JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8')), name).not.toThrow();
      }
      writesSeen += Object.keys(run.wrote).length;
    }
    // The kills landed while writing, not only before the first write of each run.
    expect(writesSeen).toBeGreaterThan(50);
  }, 60_000);
});
