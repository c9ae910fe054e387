// Several devices: merging two devices' documents of 25k entries each, and how soon a change made on one device
// is there on the other, through a watched sync folder and through the sync server on this computer.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/main/core/clock.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import { createFolderSync } from '../src/main/services/devices/folderSync.ts';
import { createServerSync } from '../src/main/services/devices/serverSync.ts';
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
      3,
      (doc) => doc.merge(theirs),
      () => docAt(dirs[0]!, devices[0]!),
    ),
    'ms',
    200,
  );
}

type Doc = ReturnType<typeof docAt>;

/** The median of five changes, from the set on `a` until `b`'s document holds it. */
async function changeLatency(a: Doc, b: Doc) {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const key = `change-${i}-${Math.random()}`;
    const seen = new Promise<void>((resolve) => {
      const stop = b.onMerge(() => {
        if (b.fields('entries').has(key)) {
          stop();
          resolve();
        }
      });
    });
    const t0 = performance.now();
    a.set('entries', [[key, { kind: 'offline', start: i, end: i + 1 }]], Date.now());
    await seen;
    samples.push(performance.now() - t0);
  }
  return samples.sort((x, y) => x - y)[2]!;
}

// Through a watched folder.
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
  const latency = await changeLatency(a!, b!);
  for (const sync of syncs) sync.stop();
  line('a change visible on the other device through a watched folder', latency, 'ms', 10_000);
}

// Through the project's sync server on 127.0.0.1.
{
  const server = spawn(process.execPath, ['scripts/syncServer.ts', '--port', '0', '--dir', tempDir()], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) resolve(found[1]!);
    });
  });
  const [a, b] = devices.map((device) => docAt(tempDir(), device));
  const first = createServerSync({ doc: a!, url, clock: systemClock, onStatus: () => {} });
  let second: ReturnType<typeof createServerSync> | null = null;
  await new Promise<void>((resolve) => {
    second = createServerSync({
      doc: b!,
      url,
      document: first.status().document!,
      clock: systemClock,
      onStatus: (status) => {
        if (status.state === 'connected') resolve();
      },
    });
  });
  const latency = await changeLatency(a!, b!);
  await Promise.all([first.stop(), second!.stop()]);
  server.kill('SIGTERM');
  line('a change visible on the other device through the sync server', latency, 'ms', 1_000);
}
