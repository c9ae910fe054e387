// A process that writes stores through the real store code as fast as it can, for tests that kill it.
//   node tests/support/storeWriter.ts <dataDir>
// It opens a small and a large store (as the app does at start), then rewrites each again and again with its
// count one higher, printing `wrote <store> <n>` once the file holds n. Store notices print as `notice <json>`.
import { z } from 'zod';
import { systemClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openStore, type StoreSpec } from '../../src/main/services/store.ts';

const counted = z.object({ count: z.number().int(), people: z.array(z.string()) });
type Counted = z.infer<typeof counted>;

export const writerStores: StoreSpec<Counted>[] = [
  { name: 'small', version: 1, schema: counted, initial: () => ({ count: 0, people: [] }) },
  { name: 'large', version: 1, schema: counted, initial: () => ({ count: 0, people: [] }) },
];
/** The large store holds as many names as a follower list of a mid-sized account. */
export const largePeople = Array.from({ length: 20_000 }, (_, i) => `did:plc:follower${String(i).padStart(6, '0')}`);

if (import.meta.main) {
  const dataDir = process.argv[2]!;
  const context = {
    dataDir,
    openFile: openConfFile,
    clock: systemClock,
    onNotice: (notice: unknown) => process.stdout.write(`notice ${JSON.stringify(notice)}\n`),
    onSaved: () => {},
  };
  const stores = writerStores.map((spec) => ({ name: spec.name, store: openStore(spec, context) }));
  process.stdout.write('opened\n');
  for (;;) {
    for (const { name, store } of stores) {
      const count = store.read().count + 1;
      store.write({ count, people: name === 'large' ? largePeople : [] });
      process.stdout.write(`wrote ${name} ${count}\n`);
    }
  }
}
