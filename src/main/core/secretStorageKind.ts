// How safely app passwords and tokens can be kept on this machine, from what Electron's safeStorage reports.
// 'encrypted': the OS keychain holds the key (macOS Keychain, Windows DPAPI, a Linux keyring).
// 'weak': Linux without a keyring, where Electron can only use a key built into every copy of Chromium; the
// services then keep a secret only if the user agrees. 'memory': no encryption at all, so nothing is written.
import type { AppStatus } from '../../shared/types.ts';

export type SecretStorageKind = AppStatus['secretStorage'];

/**
 * `linuxBackend` is `safeStorage.getSelectedStorageBackend()`, read after the app is ready. 'unknown' means
 * Electron could not say which store it uses; we do not claim a keyring we cannot name.
 */
export function secretStorageKind(
  platform: string,
  encryptionAvailable: boolean,
  linuxBackend: string | undefined,
): SecretStorageKind {
  if (!encryptionAvailable) return 'memory';
  if (platform !== 'linux') return 'encrypted';
  return linuxBackend === 'basic_text' || linuxBackend === 'unknown' || !linuxBackend ? 'weak' : 'encrypted';
}
