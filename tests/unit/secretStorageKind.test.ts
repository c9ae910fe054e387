import { describe, expect, it } from 'vitest';
import { secretStorageKind } from '../../src/main/core/desktop/secretStorageKind.ts';

/** What safeStorage makes of a text: Chromium's version tag, then the ciphertext. */
const sealed = (tag: string) => Buffer.concat([Buffer.from(tag, 'latin1'), Buffer.from([0x8c, 0x01, 0xfe, 0x42])]);

describe('secretStorageKind', () => {
  it('keeps secrets only in memory wherever the system could not encrypt', () => {
    for (const platform of ['darwin', 'win32', 'linux']) expect(secretStorageKind(platform, null)).toBe('memory');
  });

  it('calls the macOS Keychain and Windows encryption strong, whatever their tag', () => {
    expect(secretStorageKind('darwin', sealed('v10'))).toBe('encrypted');
    expect(secretStorageKind('win32', sealed('v10'))).toBe('encrypted');
    expect(secretStorageKind('win32', sealed('v20'))).toBe('encrypted');
  });

  it('calls a Linux keyring or the secret portal strong', () => {
    expect(secretStorageKind('linux', sealed('v11'))).toBe('encrypted');
    expect(secretStorageKind('linux', sealed('v12'))).toBe('encrypted');
  });

  it('calls Chromium’s built-in key weak on Linux and other systems without a keychain', () => {
    expect(secretStorageKind('linux', sealed('v10'))).toBe('weak');
    expect(secretStorageKind('freebsd', sealed('v10'))).toBe('weak');
    expect(secretStorageKind('linux', new Uint8Array(sealed('v10')))).toBe('weak');
  });
});
