import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/main/core/clock.ts';
import { openSecretStorage } from '../../src/main/electron/secretStorage.ts';
import type { AppStatus } from '../../src/shared/types.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const at = Date.UTC(2026, 10, 25, 9, 30);
const KEY = 0x5a;

/**
 * Electron's asynchronous safeStorage as a stand-in: it tags what it makes as Chromium does ('v10' for the
 * built-in key, 'v11' for a keyring's), or cannot encrypt at all (null). It notes every call: a call is an ask of
 * the keychain, which can prompt on macOS.
 */
function standInSafeStorage(tag: 'v10' | 'v11' | null) {
  const asked: string[] = [];
  return {
    asked,
    isAsyncEncryptionAvailable: async () => {
      asked.push('available');
      return true;
    },
    encryptStringAsync: async (text: string) => {
      asked.push('encrypt');
      if (tag === null) throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
      return Buffer.concat([Buffer.from(tag, 'latin1'), Buffer.from(text, 'utf8').map((b) => b ^ KEY)]);
    },
    decryptStringAsync: async (data: Buffer) => {
      asked.push('decrypt');
      return { result: Buffer.from(data.subarray(3).map((b) => b ^ KEY)).toString('utf8'), shouldReEncrypt: false };
    },
  };
}

function open(platform: string, tag: 'v10' | 'v11' | null, dataDir = tempDir(), until?: Promise<void>) {
  const safeStorage = standInSafeStorage(tag);
  const warnings: string[] = [];
  const storage = openSecretStorage({
    dataDir,
    clock: manualClock(at),
    safeStorage,
    platform,
    ...(until && { until }),
    warn: (message) => warnings.push(message),
  });
  return { ...storage, asked: safeStorage.asked, warnings, dataDir };
}

describe('the desktop app’s secret storage', () => {
  it('asks the keychain nothing when it opens', () => {
    const { asked, dataDir } = open('darwin', 'v10');
    expect(asked).toEqual([]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('asks nothing before the window is on screen, even for a secret wanted earlier', async () => {
    let windowShown!: () => void;
    const { vault, secretStorage, asked } = open(
      'darwin',
      'v10',
      tempDir(),
      new Promise((done) => (windowShown = done)),
    );
    const reading = vault.get('a1:token');
    const asking = secretStorage();
    await new Promise((next) => setImmediate(next));
    expect(asked).toEqual([]);
    windowShown();
    expect(await reading).toBeNull();
    expect(await asking).toBe('encrypted');
    expect(asked).toEqual(['available', 'encrypt']);
  });

  it('asks once, when the answer is first wanted, and gives the same answer after', async () => {
    const { secretStorage, asked } = open('darwin', 'v10');
    expect(await Promise.all([secretStorage(), secretStorage()])).toEqual(['encrypted', 'encrypted']);
    expect(await secretStorage()).toBe('encrypted');
    expect(asked).toEqual(['available', 'encrypt']);
  });

  it('decides on a secret’s first use too, and keeps only ciphertext on disk', async () => {
    const { vault, secretStorage, asked, dataDir } = open('linux', 'v11');
    await vault.set('a1:token', 'tok-123');
    expect(asked).toEqual(['available', 'encrypt', 'encrypt']);
    expect(await secretStorage()).toBe('encrypted');
    const text = fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8');
    expect(text).not.toContain('tok-123');
    expect(Buffer.from(JSON.parse(text).secrets['a1:token'], 'base64').subarray(0, 3).toString()).toBe('v11');
    expect(await open('linux', 'v11', dataDir).vault.get('a1:token')).toBe('tok-123');
  });

  it('calls Chromium’s built-in key weak on Linux, and the same tag on macOS the Keychain’s', async () => {
    expect(await open('linux', 'v10').secretStorage()).toBe('weak');
    expect(await open('darwin', 'v10').secretStorage()).toBe('encrypted');
    expect(await open('win32', 'v10').secretStorage()).toBe('encrypted');
  });

  it('keeps secrets in memory only, and says why, where the system cannot encrypt', async () => {
    const { vault, secretStorage, warnings, dataDir } = open('linux', null);
    await vault.set('a1:token', 'tok-123');
    expect(await vault.get('a1:token')).toBe('tok-123');
    expect(await secretStorage()).toBe('memory');
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(warnings).toEqual([
      'twoway: the system keychain cannot encrypt (Error while encrypting the text provided to safeStorage.encryptStringAsync.); secrets stay in memory.',
    ]);
  });
});

type Server = Awaited<ReturnType<typeof startMastodonServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const desktop = ({ dataDir, vault, secretStorage }: ReturnType<typeof open>) => ({ dataDir, vault, secretStorage });

describe('the services on a storage asked on first use', () => {
  it('send no status before a window asks for one, and that first status asks the keychain', async () => {
    const storage = open('linux', 'v10');
    const { services, dispatch } = servicesAt(at, desktop(storage));
    const pushed: AppStatus[] = [];
    services.events.listen((event, payload) => {
      if (event === 'statusChanged') pushed.push(payload as AppStatus);
    });

    services.dismissNotice('none');
    expect(pushed).toEqual([]);
    expect(storage.asked).toEqual([]);

    expect(await dispatch('getAppStatus', undefined)).toMatchObject({ ok: true, value: { secretStorage: 'weak' } });
    expect(storage.asked).toEqual(['available', 'encrypt']);
    services.dismissNotice('none');
    expect(pushed).toMatchObject([{ secretStorage: 'weak' }]);
  });

  it('refuse a secret under weak storage until the user agrees, asking the network nothing before', async () => {
    const storage = open('linux', 'v10');
    const s = servicesAt(at, { ...desktop(storage), warp: true });
    server = await startMastodonServer({ now: () => s.clock.now() });
    const me = server.state.addAccount({ username: 'me', displayName: 'Me' });
    server.state.addToken('secret-token-1', me.id);
    const input = { network: 'mastodon', instanceUrl: server.url, handle: '@me', token: 'secret-token-1' };

    const refused = await s.dispatch('addAccount', input);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { token: expect.stringMatching(/Tick “Keep it anyway”/) } },
    });
    expect(server.state.requests).toEqual([]);
    expect(fs.existsSync(path.join(storage.dataDir, 'secrets.json'))).toBe(false);

    expect(await s.dispatch('addAccount', { ...input, acceptWeakStorage: true })).toMatchObject({ ok: true });
    const kept = fs.readFileSync(path.join(storage.dataDir, 'secrets.json'), 'utf8');
    expect(kept).not.toContain('secret-token-1');
    expect(storage.asked.filter((call) => call === 'available')).toHaveLength(1);
  });
});
