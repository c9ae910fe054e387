// A process that writes stores through the real store code as fast as it can, for tests that kill it.
//   node tests/support/storeWriter.ts <dataDir>
// It prints `starting`, opens a small and a large store and an account (as the app does at start; an account
// still in its JSON file of before is rewritten as columns then), prints `opened`, then rewrites each again and
// again with its count one higher, printing `wrote <store> <n>` once the file holds n. Store notices print as
// `notice <json>`.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AccountData, Followed, Person } from '../../src/shared/people.ts';
import { systemClock } from '../../src/main/core/clock.ts';
import { byId } from '../../src/main/core/balance/followGraph.ts';
import { openAccountData } from '../../src/main/services/balance/accountData.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openStore, type StoreContext, type StoreSpec } from '../../src/main/services/store.ts';

const counted = z.object({ count: z.number().int(), people: z.array(z.string()) });
type Counted = z.infer<typeof counted>;

export const writerStores: StoreSpec<Counted>[] = [
  { name: 'small', version: 1, schema: counted, initial: () => ({ count: 0, people: [] }) },
  { name: 'large', version: 1, schema: counted, initial: () => ({ count: 0, people: [] }) },
];
/** The large store holds as many names as a follower list of a mid-sized account. */
export const largePeople = Array.from({ length: 20_000 }, (_, i) => `did:plc:follower${String(i).padStart(6, '0')}`);

/** The account's id; its count is the number of its last sync (`syncedAt`). */
export const writerAccount = 'killed';
const person = (i: number): Person => ({
  id: `did:plc:p${String(i).padStart(6, '0')}`,
  handle: `p${i}.test`,
  displayName: `Ünïcode ${i} ✓`,
});
/** An account with 5,000 followers and 5,000 follows, a few of them ghosts, on another server, or without a ref. */
export function accountAt(count: number): AccountData {
  const following = Array.from({ length: 5_000 }, (_, i): Followed => ({
    ...person(i + 2_500),
    followedAt: Date.UTC(2026, 0, 1) + i * 60_000,
    ref: i % 7 === 0 ? null : `3k${i}`,
    ...(i % 500 === 0 ? { ghost: { reason: 'moved', movedTo: `new${i}.test` } } : {}),
    ...(i % 300 === 0 ? { profileHost: 'elsewhere.example' } : {}),
  }));
  return {
    followers: Array.from({ length: 5_000 }, (_, i) => person(i)).sort(byId),
    following: following.sort(byId),
    heads: { followers: [], following: [] },
    history: [{ at: Date.UTC(2026, 0, 1), followers: 5_000, following: 5_000, mutuals: 2_500 }],
    events: [],
    keep: ['did:plc:p002600'],
    syncedAt: count,
  };
}
/** The account as Twoway wrote it before it kept columns: a JSON store file of schema 4. */
export function writeOldAccountFile(dataDir: string, count: number) {
  const file = path.join(dataDir, `account-${writerAccount}.json`);
  fs.writeFileSync(file, JSON.stringify({ schemaVersion: 4, data: accountAt(count) }));
}

if (import.meta.main) {
  const dataDir = process.argv[2]!;
  const context: StoreContext = {
    dataDir,
    openFile: openConfFile,
    clock: systemClock,
    onNotice: (notice: unknown) => process.stdout.write(`notice ${JSON.stringify(notice)}\n`),
    onSaved: () => {},
  };
  process.stdout.write('starting\n');
  const stores = writerStores.map((spec) => ({ name: spec.name, store: openStore(spec, context) }));
  const account = openAccountData(writerAccount, context);
  process.stdout.write('opened\n');
  // A test that ends before its kill (a time-out) must not leave the writer running: it stops once orphaned.
  const parent = process.ppid;
  while (process.ppid === parent) {
    for (const { name, store } of stores) {
      const count = store.read().count + 1;
      store.write({ count, people: name === 'large' ? largePeople : [] });
      process.stdout.write(`wrote ${name} ${count}\n`);
    }
    const count = account.read().syncedAt! + 1;
    account.write({ ...account.read(), syncedAt: count });
    process.stdout.write(`wrote account ${count}\n`);
  }
}
