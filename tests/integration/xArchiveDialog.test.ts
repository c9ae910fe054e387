// The desktop app's import: main opens the open dialog itself and reads the chosen files where they lie. The
// dialog is the only stand-in here (Electron's own); the files, the zip reader and the stores are real.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { XImportProgress } from '../../src/shared/xImport.ts';
import { archiveFiles, archiveZip, followerJs, followingJs } from '../servers/xArchive.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const start = Date.UTC(2026, 10, 25, 12);
const owner = { accountId: '4242', username: 'alexmorgan_biz', displayName: 'Alex Morgan' };
const ids = (prefix: number, n: number) => Array.from({ length: n }, (_, i) => String(prefix + i));

/** A dialog that answers with these paths (null: the user cancelled), counting how often it opened. */
function dialogAnswering(answer: () => string[] | null) {
  const dialog = { opened: 0, choose: () => Promise.resolve((dialog.opened++, answer())) };
  return dialog;
}

function written(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('importing the X archive the open dialog chose', () => {
  it('reads the zip the dialog chose, reporting whose archive it is and how far it has come', async () => {
    const zip = written(
      'twitter-2026-11-20.zip',
      archiveZip(archiveFiles({ followers: ids(1, 300), following: ids(200, 150), partSize: 100, account: owner })),
    );
    const dialog = dialogAnswering(() => [zip]);
    const { dispatch, services } = servicesAt(start, { chooseXArchive: dialog.choose });
    const seen: (XImportProgress | null)[] = [];
    services.events.listen(
      (event, payload) => event === 'xImportChanged' && seen.push(payload as XImportProgress | null),
    );

    const reply = await dispatch('importXArchiveFromDialog', {});
    expect(reply).toMatchObject({
      ok: true,
      value: {
        owner: { handle: '@alexmorgan_biz' },
        followers: 300,
        following: 150,
        balance: { account: { id: 'x-4242' } },
      },
    });
    expect(dialog.opened).toBe(1);
    const reading = seen.filter((p) => p?.step === 'reading');
    // account.js first, so the owner shows while the lists are read; the count of bytes only grows.
    expect(reading[0]!.file).toBe('data/account.js');
    expect(reading.some((p) => p!.file === 'data/follower-part2.js' && p!.owner === '@alexmorgan_biz')).toBe(true);
    expect(reading.map((p) => p!.done)).toEqual([...reading.map((p) => p!.done)].sort((a, b) => a - b));
    expect(reading.at(-1)!.done).toBe(reading.at(-1)!.total);
    expect(seen.at(-2)).toMatchObject({ step: 'saving' });
    expect(seen.at(-1)).toBeNull();
  });

  it('takes follower.js, its parts and following.js chosen together, with the handle typed in the form', async () => {
    const files = [
      written('follower.js', followerJs(['1', '2'])),
      written('follower-part1.js', followerJs(['3'], { part: 1 })),
      written('following.js', followingJs(['2', '9'])),
    ];
    const { dispatch } = servicesAt(start, { chooseXArchive: dialogAnswering(() => files).choose });
    const reply = await dispatch('importXArchiveFromDialog', { handle: '@alexmorgan_biz' });
    expect(reply).toMatchObject({
      ok: true,
      value: { followers: 3, following: 2, balance: { account: { handle: '@alexmorgan_biz' } } },
    });
  });

  it('takes no path from a window: only what the user picks in the dialog is read', async () => {
    const secret = written('follower.js', followerJs(['1']));
    const dialog = dialogAnswering(() => null);
    const { dispatch, services } = servicesAt(start, { chooseXArchive: dialog.choose });
    for (const input of [{ paths: [secret] }, { path: secret }, { files: [secret] }]) {
      const reply = await dispatch('importXArchiveFromDialog', input);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(dialog.opened).toBe(0);
    // A file name in an upload is only a name: the bytes sent are what is read, never the file it names.
    const named = await dispatch('importXArchive', {
      handle: 'me',
      files: [
        { name: secret, base64: '' },
        { name: 'following.js', base64: Buffer.from(followingJs([])).toString('base64') },
      ],
    });
    expect(named).toMatchObject({
      ok: false,
      error: { fields: { files: expect.stringMatching(/follower\.js is not an X archive file/) } },
    });
    // Cancelling the dialog imports nothing.
    expect(await dispatch('importXArchiveFromDialog', {})).toEqual({ ok: true, value: null });
    expect(dialog.opened).toBe(1);
    expect(services.accounts.list()).toEqual([]);
  });

  it('says so when the chosen file went away before it was read, and in the browser preview that it needs the app', async () => {
    const gone = path.join(tempDir(), 'twitter.zip');
    const { dispatch } = servicesAt(start, { chooseXArchive: dialogAnswering(() => [gone]).choose });
    expect(await dispatch('importXArchiveFromDialog', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { files: 'Twoway could not open twitter.zip: it is no longer there.' } },
    });
    const preview = servicesAt(start);
    expect(await preview.dispatch('importXArchiveFromDialog', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('stops when cancelled, changing nothing, and takes one import at a time', async () => {
    const zip = written(
      'x.zip',
      archiveZip(archiveFiles({ followers: ids(1, 50), following: ids(1, 5), partSize: 10, account: owner })),
    );
    const { dispatch, services } = servicesAt(start, { chooseXArchive: dialogAnswering(() => [zip]).choose });
    let second: Promise<unknown> | null = null;
    const stop = services.events.listen((event, payload) => {
      if (event !== 'xImportChanged' || (payload as XImportProgress | null)?.file !== 'data/follower-part2.js') return;
      stop();
      second = dispatch('importXArchiveFromDialog', {});
      void dispatch('cancelXImport', undefined);
    });
    expect(await dispatch('importXArchiveFromDialog', {})).toEqual({ ok: true, value: null });
    expect(await second).toMatchObject({ ok: false, error: { code: 'conflict', message: /being imported already/ } });
    expect(services.accounts.list()).toEqual([]);
    // Once stopped, the next import runs.
    expect(await dispatch('importXArchiveFromDialog', {})).toMatchObject({ ok: true, value: { followers: 50 } });
  });

  it('reads a large archive by its table of contents: the photos in it are never read, nor sent as base64', async () => {
    const photos = Buffer.alloc(400 * 1024 * 1024, 7);
    const followers = ids(1_000_000_000, 100_000);
    const zip = written(
      'twitter-big.zip',
      archiveZip(
        {
          ...archiveFiles({ followers, following: followers.slice(0, 20_000), account: owner }),
          'data/tweets_media/all.mp4': photos,
        },
        { zip64: true, store: true },
      ),
    );
    const size = fs.statSync(zip).size;
    expect(size).toBeGreaterThan(400 * 1024 * 1024);
    const { dispatch, services } = servicesAt(start, { chooseXArchive: dialogAnswering(() => [zip]).choose });
    let total = 0;
    services.events.listen((event, payload) => {
      if (event === 'xImportChanged' && payload) total = (payload as XImportProgress).total || total;
    });
    const memoryBefore = process.memoryUsage().arrayBuffers;
    const began = performance.now();
    const reply = await dispatch('importXArchiveFromDialog', {});
    const took = performance.now() - began;
    expect(reply).toMatchObject({ ok: true, value: { followers: 100_000, following: 20_000 } });
    expect(total).toBeLessThan(size / 20);
    expect(process.memoryUsage().arrayBuffers - memoryBefore).toBeLessThan(size / 4);
    console.log(`100k-follower archive in a ${Math.round(size / 2 ** 20)} MB zip: imported in ${Math.round(took)} ms`);
  }, 60_000);
});
