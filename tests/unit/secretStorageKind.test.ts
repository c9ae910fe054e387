import { describe, expect, it } from 'vitest';
import { secretStorageKind } from '../../src/main/core/secretStorageKind.ts';

describe('secretStorageKind', () => {
  it('keeps secrets only in memory wherever the system cannot encrypt', () => {
    expect(secretStorageKind('darwin', false, undefined)).toBe('memory');
    expect(secretStorageKind('win32', false, undefined)).toBe('memory');
    expect(secretStorageKind('linux', false, 'gnome_libsecret')).toBe('memory');
    expect(secretStorageKind('linux', false, 'basic_text')).toBe('memory');
  });

  it('calls the macOS Keychain and Windows encryption strong', () => {
    expect(secretStorageKind('darwin', true, undefined)).toBe('encrypted');
    expect(secretStorageKind('win32', true, undefined)).toBe('encrypted');
  });

  it('calls a Linux keyring strong', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(secretStorageKind('linux', true, backend)).toBe('encrypted');
    }
  });

  it('calls Linux without a keyring weak, and so a backend Electron cannot name', () => {
    expect(secretStorageKind('linux', true, 'basic_text')).toBe('weak');
    expect(secretStorageKind('linux', true, 'unknown')).toBe('weak');
    expect(secretStorageKind('linux', true, undefined)).toBe('weak');
  });
});
