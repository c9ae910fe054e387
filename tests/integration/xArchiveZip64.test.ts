// Zips as real tools write them: Info-ZIP's `zip -fz` and Python's zipfile with force_zip64 both write the ZIP64
// form (sizes and offsets in 64-bit extra fields, a ZIP64 end record), as they do past 4 GB or 65,535 files.
// Also the zip bombs: an entry that inflates to more than its table of contents declares is refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveFiles, archiveZip } from '../servers/xArchive.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const start = Date.UTC(2026, 10, 25, 12);
const owner = { accountId: '4242', username: 'alexmorgan_biz', displayName: 'Alex Morgan' };
const ids = (prefix: number, n: number) => Array.from({ length: n }, (_, i) => String(prefix + i));

/** The archive's files laid out in a folder, as the archive unpacks: data/follower.js and the rest. */
function unpacked(): string {
  const folder = tempDir();
  const files = archiveFiles({ followers: ids(1, 1200), following: ids(1000, 300), partSize: 1000, account: owner });
  for (const [name, content] of Object.entries({ ...files, 'data/tweets_media/photo.jpg': Buffer.alloc(4096, 9) })) {
    fs.mkdirSync(path.join(folder, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

const tools: [string, (folder: string, zip: string) => void][] = [
  ['zip -fz', (folder, zip) => execFileSync('zip', ['-q', '-r', '-fz', zip, 'data'], { cwd: folder })],
  [
    'python3 zipfile (force_zip64)',
    (folder, zip) =>
      execFileSync(
        'python3',
        [
          '-c',
          `import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for root, _, names in os.walk('data'):
        for name in sorted(names):
            p = os.path.join(root, name)
            with open(p, 'rb') as f, z.open(p, 'w', force_zip64=True) as out:
                out.write(f.read())`,
          zip,
        ],
        { cwd: folder },
      ),
  ],
];

describe('reading ZIP64 archives that zip tools wrote', () => {
  it.each(tools)('imports the lists of an archive written by %s', async (_, write) => {
    const folder = unpacked();
    const zip = path.join(tempDir(), 'twitter-2026-11-20.zip');
    write(folder, zip);
    const bytes = fs.readFileSync(zip);
    // The tool did write ZIP64: 0xFFFFFFFF where the first entry's 32-bit size would be, the size in its extra field.
    expect(bytes.readUInt32LE(18)).toBe(0xffffffff);
    const { dispatch } = servicesAt(start, { chooseXArchive: () => Promise.resolve([zip]) });
    expect(await dispatch('importXArchiveFromDialog', {})).toMatchObject({
      ok: true,
      value: { owner: { handle: '@alexmorgan_biz' }, followers: 1200, following: 300 },
    });
  });
});

describe('zip bombs', () => {
  /** A zip whose table of contents says follower.js inflates to `declared` bytes. */
  function declaring(declared: number): Buffer {
    const zip = archiveZip(archiveFiles({ followers: ids(1, 5000), following: ['1'], account: owner }));
    const name = Buffer.from('data/follower.js');
    const central = zip.indexOf(name, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))) - 46;
    zip.writeUInt32LE(declared, central + 24);
    return zip;
  }
  const upload = (zip: Buffer) => ({ files: [{ name: 'x.zip', base64: zip.toString('base64') }] });

  it('stops inflating an entry that grows past the size it declares', async () => {
    const { dispatch, services } = servicesAt(start);
    expect(await dispatch('importXArchive', upload(declaring(1000)))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { files: 'data/follower.js is damaged in the zip.' } },
    });
    expect(services.accounts.list()).toEqual([]);
  });

  it('refuses an entry that declares more than a follower list could ever be, before inflating it', async () => {
    const { dispatch } = servicesAt(start);
    expect(await dispatch('importXArchive', upload(declaring(3 * 1024 ** 3)))).toMatchObject({
      ok: false,
      error: { fields: { files: 'data/follower.js is too large for Twoway to read.' } },
    });
  });
});
