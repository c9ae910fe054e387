// kill -9 of a process writing the stores, 100 times at random moments: the real store code in a real child
// process, killed by the kernel wherever it happens to be (opening, serializing, mid-write, renaming). An
// account's file too, and now and then the account's JSON file of before, rewritten as columns as it opens.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { StoreNotice } from '../../src/shared/types.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { decodeAccount } from '../../src/main/services/balance/accountFile.ts';
import { openAccountData } from '../../src/main/services/balance/accountData.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openStore } from '../../src/main/services/store.ts';
import { accountAt, largePeople, writeOldAccountFile, writerAccount, writerStores } from '../support/storeWriter.ts';
import { tempDir } from '../support/tempDir.ts';

const writer = path.join(import.meta.dirname, '../support/storeWriter.ts');
type Counts = Record<string, number>;

/**
 * Runs the writer until a random moment, kills it, and says what it reported. A third of the kills land while it
 * opens its stores (and rewrites a JSON account file), the rest while it writes, however busy the machine.
 */
async function writeThenKill(dataDir: string) {
  const moment = Math.random();
  const [after, killAfterMs] = moment < 1 / 3 ? ['starting', moment * 3 * 60] : ['opened', moment * 30];
  const child = spawn(process.execPath, [writer, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const wrote: Counts = {};
  const notices: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, ...rest] = line.split(' ');
    if (word === after) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
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
  const account = openAccountData(writerAccount, context).read();
  return { stores, account, notices };
}

/** Kills the writer `rounds` times in one data folder, checking what each next start finds. */
async function killRounds(rounds: number) {
  const dataDir = tempDir();
  const saved: Counts = { small: 0, large: 0, account: 0 };
  let writesSeen = 0;
  let migrations = 0;
  for (let round = 0; round < rounds; round++) {
    // Every fourth run starts from the account's JSON file of before, to be rewritten as it opens.
    const old = round % 4 === 0;
    if (old) {
      fs.rmSync(path.join(dataDir, `account-${writerAccount}.bin`), { force: true });
      writeOldAccountFile(dataDir, saved.account!);
    }
    const run = await writeThenKill(dataDir);
    expect(run.signal).toBe('SIGKILL');
    expect(run.notices).toEqual([]);
    if (old && fs.existsSync(path.join(dataDir, `account-${writerAccount}.bin`))) migrations++;

    const { stores, account, notices } = reopen(dataDir);
    expect(notices).toEqual([]);
    // The account holds either the state before the write in progress or the one after, lists whole.
    const acknowledged = Math.max(saved.account!, run.wrote.account ?? 0);
    expect(account.syncedAt).toBeGreaterThanOrEqual(acknowledged);
    expect(account.syncedAt).toBeLessThanOrEqual(acknowledged + 1);
    expect({ ...account, syncedAt: 0 }).toEqual(accountAt(0));
    saved.account = account.syncedAt!;
    for (const [name, data] of Object.entries(stores)) {
      const acknowledged = Math.max(saved[name]!, run.wrote[name] ?? 0);
      expect(data.count, name).toBeGreaterThanOrEqual(acknowledged);
      expect(data.count, name).toBeLessThanOrEqual(acknowledged + 1);
      saved[name] = data.count;
    }
    if (stores.large!.count > 0) expect(stores.large!.people).toEqual(largePeople);
    // Opening rewrote a JSON file left as it was: only the account's new file is left.
    expect(fs.readdirSync(dataDir).filter((name) => name.startsWith('account-'))).toEqual([
      `account-${writerAccount}.bin`,
    ]);
    for (const name of fs.readdirSync(dataDir)) {
      const bytes = fs.readFileSync(path.join(dataDir, name));
      const read = () => (name.endsWith('.bin') ? decodeAccount(bytes) : JSON.parse(bytes.toString('utf8')));
      expect(read, name).not.toThrow();
    }
    writesSeen += Object.keys(run.wrote).length;
  }
  return { writesSeen, migrations };
}

describe('a process killed while it writes the stores', () => {
  it('leaves every store readable 100 times over, losing at most the write in progress', async () => {
    // Two data folders at once, one per core: 100 kills in all.
    const lanes = await Promise.all([killRounds(50), killRounds(50)]);
    const writesSeen = lanes.reduce((n, lane) => n + lane.writesSeen, 0);
    const migrations = lanes.reduce((n, lane) => n + lane.migrations, 0);
    // The kills landed while writing, not only before the first write of each run, and some while the JSON file
    // was being rewritten, some after.
    expect(writesSeen).toBeGreaterThan(50);
    expect(migrations).toBeGreaterThan(0);
    expect(migrations).toBeLessThan(26);
  }, 300_000);
});
