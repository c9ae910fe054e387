// A process that writes the shared document as fast as it can, for the test that kills it.
//   node tests/support/sharedWriter.ts <dataDir>
// It prints `opened` once the document is open and syncing through `<dataDir>-sync`, then adds one entry after
// another, printing `wrote <n>` once the document holds n; each one also goes into its file in the sync folder.
import fs from 'node:fs';
import { systemClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { createFolderSync } from '../../src/main/services/devices/folderSync.ts';
import { openSharedDoc } from '../../src/main/services/devices/sharedDoc.ts';
import { realScheduler } from '../../src/main/services/scheduler.ts';

/** The writer's device, as its file in the sync folder is named. */
export const writerDevice = 'a1'.repeat(16);

if (import.meta.main) {
  const dataDir = process.argv[2]!;
  const context = {
    dataDir,
    openFile: openConfFile,
    clock: systemClock,
    onNotice: (notice: unknown) => process.stdout.write(`notice ${JSON.stringify(notice)}\n`),
    onSaved: () => {},
  };
  const shared = openSharedDoc({ context, device: writerDevice });
  fs.mkdirSync(`${dataDir}-sync`, { recursive: true });
  createFolderSync({
    doc: shared,
    folder: `${dataDir}-sync`,
    clock: systemClock,
    scheduler: realScheduler,
    nameOf: () => 'Writer',
    onState: () => {},
  }).start();
  process.stdout.write('opened\n');
  const parent = process.ppid;
  while (process.ppid === parent) {
    const n = shared.fields('entries').size + 1;
    shared.set('entries', [[`e${n}`, { kind: 'online', start: n, end: n + 1, note: 'x'.repeat(200) }]], Date.now());
    process.stdout.write(`wrote ${n}\n`);
  }
}
