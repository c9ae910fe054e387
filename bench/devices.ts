// Several devices: merging two devices' documents of 25k entries each, and how soon a change made on one device
// is there on the other through a watched sync folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/main/core/clock.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import { createFolderSync } from '../src/main/services/devices/folderSync.ts';
import { openSharedDoc } from '../src/main/services/devices/sharedDoc.ts';
import { realScheduler } from '../src/main/services/scheduler.ts';
import { line, timed } from './measure.ts';

const MINUTE = 60_000;
const now = new Date(2026, 11, 2, 15).getTime();
const devices = ['b1'.repeat(16), 'c2'.repeat(16)];

function docAt(dataDir: string, device: string) {
  const context = { dataDir, openFile: openConfFile, clock: systemClock, onNotice: () => {}, onSaved: () => {} };
  return openSharedDoc({ context, device });
}
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'));

// Each device logged 25k entries of its own (years of sessions) before they first met.
{
  const dirs = devices.map((device, d) => {
    const dataDir = tempDir();
    const doc = docAt(dataDir, device);
    const entries = Array.from({ length: 25_000 }, (_, i) => {
      const start = now - (i + 1) * 40 * MINUTE - d * 7 * MINUTE;
      const fields = {
        kind: 'online',
        activity: 'posting',
        start,
        end: start + 25 * MINUTE,
        note: '',
        source: 'timer',
        device,
      };
      return [`${device}-${i}`, fields] as const;
    });
    doc.set('entries', entries, now);
    return dataDir;
  });
  const theirs = fs.readFileSync(path.join(dirs[1]!, 'shared.automerge'));
  line(
    "merge of two devices' documents, 25k entries each",
    timed(
      5,
      (doc) => doc.merge(theirs),
      () => docAt(dirs[0]!, devices[0]!),
    ),
    'ms',
    200,
  );
}

// One change, from the set on one device until the other's document holds it, through a watched folder.
{
  const folder = tempDir();
  const [a, b] = devices.map((device) => docAt(tempDir(), device));
  const syncs = [a!, b!].map((doc) =>
    createFolderSync({
      doc,
      folder,
      clock: systemClock,
      scheduler: realScheduler,
      nameOf: () => 'Bench',
      onState: () => {},
    }),
  );
  for (const sync of syncs) sync.start();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const key = `change-${i}`;
    const seen = new Promise<void>((resolve) => {
      const stop = b!.onMerge(() => {
        if (b!.fields('entries').has(key)) {
          stop();
          resolve();
        }
      });
    });
    const t0 = performance.now();
    a!.set('entries', [[key, { kind: 'offline', start: i, end: i + 1 }]], Date.now());
    await seen;
    samples.push(performance.now() - t0);
  }
  for (const sync of syncs) sync.stop();
  line(
    'a change visible on the other device through a watched folder',
    samples.sort((x, y) => x - y)[2]!,
    'ms',
    10_000,
  );
}
