// The app's files in a folder that Syncthing shares between two places: what is written in one shows up whole
// in the other, both ways, including a file put in place by renaming a temporary one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncthingPair, syncthingMissing, type SyncthingPair } from '../support/syncthing.ts';

const arrivalTimeoutMs = 60_000;

/** Waits until `name` in `folder` holds exactly `bytes`; counts any other content seen on the way. */
async function arrival(folder: string, name: string, bytes: Buffer, before?: Buffer) {
  const started = performance.now();
  const deadline = Date.now() + arrivalTimeoutMs;
  let otherContents = 0;
  let last = 'no file';
  for (;;) {
    const found = read(path.join(folder, name));
    if (found?.equals(bytes)) {
      const seconds = (performance.now() - started) / 1000;
      console.log(`syncthing: a file reached the other folder in ${seconds.toFixed(1)} s`);
      return { seconds, otherContents };
    }
    if (found && !found.equals(before ?? Buffer.alloc(0))) otherContents++;
    if (found) last = `${found.length} bytes that differ`;
    if (Date.now() > deadline) {
      throw new Error(
        `Waited ${arrivalTimeoutMs / 1000} s for ${name} to reach ${folder} with the ${bytes.length} bytes written ` +
          `on the other side; found ${last}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function read(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** An app file of a few hundred KiB, so that it spans several of Syncthing's blocks. */
function appFile(label: string): Buffer {
  const people = Array.from({ length: 6000 }, (_, i) => ({ id: `did:plc:${i}`, handle: `person${i}.example` }));
  return Buffer.from(JSON.stringify({ label, salt: randomBytes(16).toString('hex'), people }));
}

describe.skipIf(syncthingMissing)(
  `two Syncthing instances sharing a folder${syncthingMissing ? ` (skipped: ${syncthingMissing})` : ''}`,
  () => {
    let root: string;
    let folderA: string;
    let folderB: string;
    let pair: SyncthingPair;

    beforeAll(async () => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-shared-'));
      folderA = path.join(root, 'a');
      folderB = path.join(root, 'b');
      fs.mkdirSync(folderA);
      fs.mkdirSync(folderB);
      const started = performance.now();
      pair = await startSyncthingPair({ folderA, folderB });
      await pair.waitUntilIdle();
      console.log(
        `syncthing: both instances connected and idle in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }, 60_000);

    afterAll(async () => {
      await pair?.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('a file written in one folder shows up in the other with the same bytes', async () => {
      const bytes = appFile('written in A');
      fs.writeFileSync(path.join(folderA, 'accounts.json'), bytes);

      const { otherContents } = await arrival(folderB, 'accounts.json', bytes);

      expect(otherContents).toBe(0);
    }, 70_000);

    it('a change made in the other folder comes back', async () => {
      const before = fs.readFileSync(path.join(folderB, 'accounts.json'));
      const bytes = appFile('changed in B');
      fs.writeFileSync(path.join(folderB, 'accounts.json'), bytes);

      await arrival(folderA, 'accounts.json', bytes, before);

      expect(fs.readFileSync(path.join(folderB, 'accounts.json')).equals(bytes)).toBe(true);
    }, 70_000);

    it('a file renamed into place arrives complete, and its temporary name does not stay behind', async () => {
      const bytes = appFile('renamed into place in A');
      fs.writeFileSync(path.join(folderA, '.settings.json.tmp'), bytes);
      fs.renameSync(path.join(folderA, '.settings.json.tmp'), path.join(folderA, 'settings.json'));

      const { otherContents } = await arrival(folderB, 'settings.json', bytes);
      await pair.waitUntilIdle();

      expect(otherContents).toBe(0);
      expect(fs.existsSync(path.join(folderB, '.settings.json.tmp'))).toBe(false);
    }, 130_000);
  },
);
