import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/main/core/clock.ts';
import { safeStorageVault, type SecretCipher } from '../../src/main/electron/safeStorageVault.ts';
import { tempDir } from '../support/tempDir.ts';

const SECRET = 'hunter2-app-password';
const at = Date.UTC(2026, 10, 25, 9, 30);

/** A reversible stand-in for safeStorage: XOR with a key byte behind a marker; another key cannot decrypt. */
function fakeCipher(keyByte = 0x5a): SecretCipher {
  const marker = Buffer.from([0xfe, keyByte]);
  return {
    encrypt: (text) => Buffer.concat([marker, Buffer.from(text, 'utf8').map((b) => b ^ keyByte)]),
    decrypt: (data) => {
      if (!data.subarray(0, 2).equals(marker)) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(data.subarray(2).map((b) => b ^ keyByte)).toString('utf8');
    },
  };
}

function open(dataDir: string, cipher = fakeCipher()) {
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
      secrets: { 'a1:app-password': cipher.encrypt(SECRET).toString('base64') },
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
      encrypt: (text) => {
        if (text === 'refused') throw new Error('Error while encrypting the text provided to encryptString.');
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
});
