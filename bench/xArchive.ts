// Importing the X data archive: 100k followers and 100k follows, read from disk the way the desktop app's open
// dialog hands them over (a zip whose photos Twoway never reads), and uploaded the way the browser preview does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../src/main/core/clock.ts';
import { createServices } from '../src/main/services/app.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import { DAY } from '../src/shared/calendar.ts';
import { archiveFiles, archiveZip } from '../tests/servers/xArchive.ts';
import { manualScheduler } from '../tests/support/manualScheduler.ts';
import { line } from './measure.ts';

const now = Date.UTC(2026, 10, 25, 12);
const owner = { accountId: '1700000000000000001', username: 'alexmorgan_biz' };
const ids = (from: bigint, n: number) => Array.from({ length: n }, (_, i) => String(from + BigInt(i)));
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-x-'));

function archive(name: string, followers: string[], following: string[], photos = Buffer.alloc(0)) {
  const files = { ...archiveFiles({ followers, following, partSize: 50_000, account: owner }) };
  const file = path.join(folder, name);
  fs.writeFileSync(file, archiveZip(photos.length ? { ...files, 'data/tweets_media/all.mp4': photos } : files));
  return file;
}

const fans = ids(1800000000000000000n, 100_000);
const follows = [...fans.slice(0, 50_000), ...ids(1900000000000000000n, 50_000)];
const first = archive('twitter.zip', fans, follows, Buffer.alloc(200 * 1024 * 1024, 7));
const newer = archive('twitter-newer.zip', [...fans.slice(1000), ...ids(1810000000000000000n, 1000)], follows);

let chosen = first;
const clock = manualClock(now);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'));
const app = createServices({
  dataDir,
  openFile: openConfFile,
  clock,
  host: 'electron',
  locale: 'en-GB',
  scheduler: manualScheduler(clock).scheduler,
  chooseXArchive: () => Promise.resolve([chosen]),
});
const time = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

line(
  'import a 100k-follower X archive from a 200 MB zip on disk',
  await time(() => app.xImports.fromDialog({})),
  'ms',
  1500,
);
clock.advance(DAY);
chosen = newer;
line('re-import it: 1k followers gained, 1k lost', await time(() => app.xImports.fromDialog({})), 'ms', 1500);
app.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const upload = createServices({ dataDir, openFile: openConfFile, clock, host: 'browser-preview', locale: 'en-GB' });
const base64 = fs.readFileSync(newer).toString('base64');
line(
  'import it uploaded as base64 (browser preview)',
  await time(() => upload.xImports.fromUpload({ files: [{ name: 'twitter.zip', base64 }] })),
  'ms',
  2000,
);
upload.close();
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(folder, { recursive: true, force: true });
