// How safely app passwords and tokens can be kept on this machine, read from what Electron's safeStorage makes
// of a sample text. 'encrypted': the OS keychain holds the key (macOS Keychain, Windows DPAPI, a Linux keyring
// or the secret portal). 'weak': Linux without a keyring, where Electron falls back to a key built into every
// copy of Chromium and tags what it makes 'v10'; the services then keep a secret only if the user agrees.
// 'memory': no encryption at all, so nothing is written.
import type { AppStatus } from '../../../shared/types.ts';

export type SecretStorageKind = AppStatus['secretStorage'];

/** Chromium's tag for text encrypted with its built-in key; a keyring's key gives 'v11', the portal's 'v12'. */
const BUILT_IN_KEY_TAG = 'v10';

/**
 * `sample` is what `safeStorage.encryptStringAsync` made of a sample text, or null when it could not encrypt.
 * The bytes are the authority on Linux: the backend Electron names describes its old synchronous store, not the
 * key the asynchronous one found (a GNOME session whose keyring is down still says 'gnome_libsecret').
 */
export function secretStorageKind(platform: string, sample: Uint8Array | null): SecretStorageKind {
  if (!sample) return 'memory';
  if (platform === 'darwin' || platform === 'win32') return 'encrypted';
  return Buffer.from(sample.subarray(0, BUILT_IN_KEY_TAG.length)).toString('latin1') === BUILT_IN_KEY_TAG
    ? 'weak'
    : 'encrypted';
}
