import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/main/core/clock.ts';
import { safeStorageVault, type SecretCipher } from '../../src/main/electron/safeStorageVault.ts';
import { tempDir } from '../support/tempDir.ts';

const SECRET = 'hunter2-app-password';
const at = Date.UTC(2026, 10, 25, 9, 30);

/**
 * A reversible stand-in for safeStorage: XOR with a key byte behind a marker. It opens what its own key made and
 * what `olderKeys` made (saying those should be sealed again, as Electron does after a key change); another key
 * cannot decrypt. It counts its calls.
 */
function fakeCipher(keyByte = 0x5a, olderKeys: number[] = []) {
  const calls = { encrypt: 0, decrypt: 0 };
  const cipher: SecretCipher = {
    encrypt: async (text) => {
      calls.encrypt++;
      return Buffer.concat([Buffer.from([0xfe, keyByte]), Buffer.from(text, 'utf8').map((b) => b ^ keyByte)]);
    },
    decrypt: async (data) => {
      calls.decrypt++;
      const key = data[1]!;
      if (data[0] !== 0xfe || (key !== keyByte && !olderKeys.includes(key))) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
      }
      const text = Buffer.from(data.subarray(2).map((b) => b ^ key)).toString('utf8');
      return { text, reEncrypt: key !== keyByte };
    },
  };
  return Object.assign(cipher, { calls });
}

function open(dataDir: string, cipher: SecretCipher = fakeCipher()) {
  const warnings: string[] = [];
  const vault = safeStorageVault({ dataDir, cipher, clock: manualClock(at), warn: (m) => warnings.push(m) });
  return { vault, warnings };
}

const file = (dir: string) => path.join(dir, 'secrets.json');

describe('the safeStorage vault', () => {
  it('gives back what was kept, also after a restart', async () => {
    const dir = tempDir();
    const first = open(dir).vault;
    await first.set('a1:app-password', SECRET);
    await first.set('a1:token', 'tök€n ✓');
    expect(await first.get('a1:app-password')).toBe(SECRET);

    const { vault, warnings } = open(dir);
    expect(await vault.get('a1:app-password')).toBe(SECRET);
    expect(await vault.get('a1:token')).toBe('tök€n ✓');
    expect(await vault.get('a2:app-password')).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('replaces a secret that is set again', async () => {
    const dir = tempDir();
    await open(dir).vault.set('a1:token', 'old');
    await open(dir).vault.set('a1:token', 'new');
    expect(await open(dir).vault.get('a1:token')).toBe('new');
  });

  it('forgets a deleted secret for good and keeps the others', async () => {
    const dir = tempDir();
    const { vault } = open(dir);
    await vault.set('a1:app-password', SECRET);
    await vault.set('a2:app-password', 'other');
    await vault.delete('a1:app-password');
    await vault.delete('never-set');
    expect(await vault.get('a1:app-password')).toBeNull();

    const reopened = open(dir).vault;
    expect(await reopened.get('a1:app-password')).toBeNull();
    expect(await reopened.get('a2:app-password')).toBe('other');
  });

  it('writes only ciphertext, in base64, in one versioned file only the user can read', async () => {
    const dir = tempDir();
    const cipher = fakeCipher();
    await open(dir, cipher).vault.set('a1:app-password', SECRET);

    const text = fs.readFileSync(file(dir), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(JSON.parse(text)).toEqual({
      version: 1,
      secrets: { 'a1:app-password': (await cipher.encrypt(SECRET)).toString('base64') },
    });
    if (process.platform !== 'win32') expect(fs.statSync(file(dir)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('leaves no temporary file behind, even with many changes at once', async () => {
    const dir = tempDir();
    const { vault } = open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.set(`a${i}:token`, `token-${i}`)));
    await Promise.all([vault.delete('a3:token'), vault.set('a4:token', 'changed')]);

    expect(fs.readdirSync(dir)).toEqual(['secrets.json']);
    const reopened = open(dir).vault;
    expect(await reopened.get('a19:token')).toBe('token-19');
    expect(await reopened.get('a3:token')).toBeNull();
    expect(await reopened.get('a4:token')).toBe('changed');
  });

  it('sees a change asked for before it was written', async () => {
    const { vault } = open(tempDir());
    const setting = vault.set('a1:token', 'soon');
    expect(await vault.get('a1:token')).toBe('soon');
    await setting;
  });

  it('reads nothing and writes nothing before it is used', async () => {
    const dir = tempDir();
    fs.writeFileSync(file(dir), '{ broken');
    open(dir);
    expect(fs.readdirSync(dir)).toEqual(['secrets.json']);

    const empty = tempDir();
    expect(await open(empty).vault.get('a1:token')).toBeNull();
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  const broken: [string, string, RegExp][] = [
    ['invalid JSON', '{"version": 1, "secrets": {"a1:token": "', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['no version', '{"secrets": {}}', /not what Twoway expects/],
    ['a secret that is not text', '{"version": 1, "secrets": {"a1:token": 42}}', /not what Twoway expects/],
    ['a newer version', '{"version": 2, "secrets": {}}', /newer Twoway/],
  ];
  it.each(broken)('moves a file with %s aside, keeps its bytes and starts with no secrets', async (_, content, why) => {
    const dir = tempDir();
    fs.writeFileSync(file(dir), content);
    const { vault, warnings } = open(dir);

    expect(await vault.get('a1:token')).toBeNull();
    const aside = path.join(dir, 'secrets.unreadable-2026-11-25T09-30-00-000Z.json');
    expect(fs.readFileSync(aside, 'utf8')).toBe(content);
    expect(fs.existsSync(file(dir))).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(why);
    expect(warnings[0]).toContain(aside);

    await vault.set('a1:token', 'fresh');
    expect(await open(dir).vault.get('a1:token')).toBe('fresh');
    expect(fs.readFileSync(aside, 'utf8')).toBe(content);
  });

  it('reads a secret the keychain can no longer decrypt as missing, so the user enters it again', async () => {
    const dir = tempDir();
    await open(dir, fakeCipher(0x5a)).vault.set('a1:app-password', SECRET);

    const { vault, warnings } = open(dir, fakeCipher(0x33));
    expect(await vault.get('a1:app-password')).toBeNull();
    expect(warnings.join('\n')).toContain('a1:app-password');
    expect(warnings.join('\n')).not.toContain(SECRET);

    await vault.set('a1:app-password', 're-entered');
    expect(await vault.get('a1:app-password')).toBe('re-entered');
  });

  it('keeps the file and the old secret when the new one cannot be encrypted', async () => {
    const dir = tempDir();
    const cipher = fakeCipher();
    const { vault } = open(dir, {
      encrypt: async (text) => {
        if (text === 'refused') throw new Error('Error while encrypting the text provided to encryptStringAsync.');
        return cipher.encrypt(text);
      },
      decrypt: cipher.decrypt,
    });
    await vault.set('a1:token', 'kept');
    const before = fs.readFileSync(file(dir), 'utf8');

    await expect(vault.set('a1:token', 'refused')).rejects.toThrow(/encrypting/);
    expect(await vault.get('a1:token')).toBe('kept');
    expect(fs.readFileSync(file(dir), 'utf8')).toBe(before);
  });

  it('undoes a change it could not write, and keeps the old file whole', async () => {
    const dir = tempDir();
    const { vault } = open(dir);
    await vault.set('a1:token', 'kept');
    const before = fs.readFileSync(file(dir), 'utf8');
    // Something in the way of the temporary file makes the write fail.
    fs.mkdirSync(path.join(dir, 'secrets.json.tmp'));
    fs.writeFileSync(path.join(dir, 'secrets.json.tmp', 'x'), '');

    await expect(vault.set('a1:token', 'lost')).rejects.toThrow();
    await expect(vault.delete('a1:token')).rejects.toThrow();
    expect(await vault.get('a1:token')).toBe('kept');
    expect(fs.readFileSync(file(dir), 'utf8')).toBe(before);
  });

  it('asks the keychain nothing until a secret is used', async () => {
    const dir = tempDir();
    await open(dir).vault.set('a1:token', 'kept');
    const cipher = fakeCipher();
    const { vault } = open(dir, cipher);
    expect(cipher.calls).toEqual({ encrypt: 0, decrypt: 0 });
    expect(await vault.get('a1:token')).toBe('kept');
    expect(cipher.calls).toEqual({ encrypt: 0, decrypt: 1 });
  });

  it('seals a secret again when the keychain’s key changed, so the old key is no longer needed', async () => {
    const dir = tempDir();
    await open(dir, fakeCipher(0x11)).vault.set('a1:app-password', SECRET);
    await open(dir, fakeCipher(0x11)).vault.set('a2:token', 'untouched');
    const before = JSON.parse(fs.readFileSync(file(dir), 'utf8')).secrets;

    const rotated = fakeCipher(0x22, [0x11]);
    expect(await open(dir, rotated).vault.get('a1:app-password')).toBe(SECRET);
    const after = JSON.parse(fs.readFileSync(file(dir), 'utf8')).secrets;
    expect(after['a1:app-password']).not.toBe(before['a1:app-password']);
    expect(after['a2:token']).toBe(before['a2:token']);
    expect(fs.readFileSync(file(dir), 'utf8')).not.toContain(SECRET);

    // Only the new key is left: what was sealed again opens, what was never read still needs the old one.
    const { vault, warnings } = open(dir, fakeCipher(0x22));
    expect(await vault.get('a1:app-password')).toBe(SECRET);
    expect(await vault.get('a2:token')).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it('keeps a secret as it was, and gives it, when sealing it again fails', async () => {
    const dir = tempDir();
    await open(dir, fakeCipher(0x11)).vault.set('a1:token', 'kept');
    const before = fs.readFileSync(file(dir), 'utf8');
    const rotated = fakeCipher(0x22, [0x11]);
    const { vault, warnings } = open(dir, {
      decrypt: rotated.decrypt,
      encrypt: async () => {
        throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
      },
    });

    expect(await vault.get('a1:token')).toBe('kept');
    expect(fs.readFileSync(file(dir), 'utf8')).toBe(before);
    expect(warnings).toEqual([
      'twoway: the saved secret "a1:token" could not be sealed with the keychain\'s new key; it stays as it was.',
    ]);
  });

  it('does not seal an old secret again over one set meanwhile', async () => {
    const dir = tempDir();
    await open(dir, fakeCipher(0x11)).vault.set('a1:token', 'old');
    const { vault } = open(dir, fakeCipher(0x22, [0x11]));
    const reading = vault.get('a1:token');
    const setting = vault.set('a1:token', 'new');
    await Promise.all([reading, setting]);
    expect(await open(dir, fakeCipher(0x22)).vault.get('a1:token')).toBe('new');
  });

  it('keeps a secret a locked keychain cannot open now, and says it may open later', async () => {
    const dir = tempDir();
    await open(dir).vault.set('a1:token', 'kept');
    const before = fs.readFileSync(file(dir), 'utf8');
    const { vault, warnings } = open(dir, {
      ...fakeCipher(),
      decrypt: async () => {
        throw new Error('safeStorage.decryptStringAsync is temporarily unavailable. Please try again.');
      },
    });
    expect(await vault.get('a1:token')).toBeNull();
    expect(warnings[0]).toMatch(/could not open the saved secret "a1:token" right now; it is kept for the next try/);
    expect(fs.readFileSync(file(dir), 'utf8')).toBe(before);
    expect(await open(dir).vault.get('a1:token')).toBe('kept');
  });
});
