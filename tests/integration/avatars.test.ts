// People's pictures fetched by main from a real web server on 127.0.0.1: kept by a hash of their address, checked
// by their bytes and size, redirects checked like the first address, failures not asked again for a while.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/main/core/clock.ts';
import { avatarFileName } from '../../src/main/core/balance/avatarCheck.ts';
import { avatarRetryMs, createAvatars } from '../../src/main/services/balance/avatars.ts';
import { pixelPng, startPictureServer } from '../support/pictureServer.ts';
import { tempDir } from '../support/tempDir.ts';

let pictures: Awaited<ReturnType<typeof startPictureServer>>;
beforeAll(async () => {
  pictures = await startPictureServer();
});
afterAll(() => pictures.close());

describe('pictures', () => {
  it('a picture becomes a data: URL and a file named by a hash; the next ask reads the file', async () => {
    const dataDir = tempDir();
    const avatars = createAvatars({ dataDir, clock: manualClock(0) });
    const expected = `data:image/png;base64,${pixelPng.toString('base64')}`;
    expect(await avatars.get(`${pictures.url}/a/ok.png`)).toBe(expected);
    const files = fs.readdirSync(path.join(dataDir, 'avatars'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{40}\.img$/);
    expect(await avatars.get(`${pictures.url}/a/ok.png`)).toBe(expected);
    // A second Twoway on the same folder shows it without asking the network.
    expect(await createAvatars({ dataDir, clock: manualClock(0) }).get(`${pictures.url}/a/ok.png`)).toBe(expected);
    expect(pictures.hits('/a/ok.png')).toBe(1);
  });

  it('refuses what is not a picture, what is over 1 MB, and a redirect to a private address; keeps nothing', async () => {
    const dataDir = tempDir();
    const avatars = createAvatars({ dataDir, clock: manualClock(0) });
    expect(await avatars.get(`${pictures.url}/page.png`)).toBeNull();
    expect(await avatars.get(`${pictures.url}/big.png`)).toBeNull();
    expect(await avatars.get(`${pictures.url}/inside.png`)).toBeNull();
    expect(await avatars.get(`${pictures.url}/nothing.png`)).toBeNull();
    expect(await avatars.get('http://192.168.0.1/x.png')).toBeNull();
    expect(await avatars.get('ftp://example.com/x.png')).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'avatars')) ? fs.readdirSync(path.join(dataDir, 'avatars')) : []).toEqual(
      [],
    );
    expect(await avatars.get(`${pictures.url}/moved.png`)).toMatch(/^data:image\/png;base64,/);
  });

  it('a failed picture is not asked for again for 15 minutes, and many asks at once make one request', async () => {
    const clock = manualClock(0);
    const avatars = createAvatars({ dataDir: tempDir(), clock });
    const before = pictures.hits('/page.png');
    await Promise.all([1, 2, 3].map(() => avatars.get(`${pictures.url}/page.png`)));
    expect(pictures.hits('/page.png')).toBe(before + 1);
    await avatars.get(`${pictures.url}/page.png`);
    expect(pictures.hits('/page.png')).toBe(before + 1);
    clock.advance(avatarRetryMs);
    await avatars.get(`${pictures.url}/page.png`);
    expect(pictures.hits('/page.png')).toBe(before + 2);
  });

  it('the folder keeps within its limit: the picture unused the longest goes, after a write and at the next start', async () => {
    const dataDir = tempDir();
    const clock = manualClock(1_000_000);
    const address = (n: number) => `${pictures.url}/${n}/ok.png`;
    const onDisk = () => fs.readdirSync(path.join(dataDir, 'avatars')).sort();
    const files = (...ns: number[]) => ns.map((n) => avatarFileName(address(n))).sort();
    const avatars = createAvatars({ dataDir, clock, limits: { files: 3, bytes: 1024 * 1024 } });
    for (const n of [1, 2, 3]) {
      expect(await avatars.get(address(n))).toMatch(/^data:image\/png;base64,/);
      clock.advance(60_000);
    }
    // The first is shown again: now the second is the one unused the longest.
    await avatars.get(address(1));
    clock.advance(60_000);
    await avatars.get(address(4));
    expect(onDisk()).toEqual(files(1, 3, 4));

    // A Twoway started with a smaller limit prunes at once, by when each was last shown.
    createAvatars({ dataDir, clock, limits: { files: 2, bytes: 1024 * 1024 } });
    expect(onDisk()).toEqual(files(1, 4));
    // A pruned picture is fetched again when it is next shown.
    const before = pictures.hits('/2/ok.png');
    expect(await avatars.get(address(2))).toMatch(/^data:image\/png;base64,/);
    expect(pictures.hits('/2/ok.png')).toBe(before + 1);
  });

  it('keeps within the size limit too, and clears a temporary file a quit left behind', async () => {
    const dataDir = tempDir();
    const clock = manualClock(10 * 3_600_000);
    const folder = path.join(dataDir, 'avatars');
    fs.mkdirSync(folder, { recursive: true });
    const leftover = path.join(folder, `${avatarFileName('gone')}.tmp-1`);
    fs.writeFileSync(leftover, 'half a picture');
    fs.utimesSync(leftover, 0, 0);
    const avatars = createAvatars({ dataDir, clock, limits: { files: 100, bytes: pixelPng.byteLength * 2 } });
    expect(fs.existsSync(leftover)).toBe(false);
    for (const n of [5, 6, 7]) {
      await avatars.get(`${pictures.url}/${n}/ok.png`);
      clock.advance(1000);
    }
    expect(fs.readdirSync(folder).sort()).toEqual(
      [6, 7].map((n) => avatarFileName(`${pictures.url}/${n}/ok.png`)).sort(),
    );
  });
});
