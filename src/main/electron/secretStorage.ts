// Where the desktop app keeps app passwords and tokens: encrypted by the OS in `secrets.json` when safeStorage
// can encrypt, in memory when it cannot. How strong that is, is core's decision (secretStorageKind).
import { safeStorage } from 'electron';
import type { Clock } from '../core/clock.ts';
import { secretStorageKind, type SecretStorageKind } from '../core/secretStorageKind.ts';
import { memoryVault, type SecretVault } from '../services/secrets.ts';
import { safeStorageCipher, safeStorageVault } from './safeStorageVault.ts';

export interface SecretStorage {
  vault: SecretVault;
  secretStorage: SecretStorageKind;
}

/** Call after the app is ready: before it, safeStorage can neither encrypt nor name its Linux backend. */
export function openSecretStorage(dataDir: string, clock: Clock): SecretStorage {
  // On Linux this first call also picks the backend that getSelectedStorageBackend names.
  let available = safeStorage.isEncryptionAvailable();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  if (!available && backend === 'basic_text') {
    // Without a keyring Electron encrypts only when allowed to use Chromium's built-in key; that is the 'weak'
    // storage the user is asked about before a secret is kept.
    safeStorage.setUsePlainTextEncryption(true);
    available = safeStorage.isEncryptionAvailable();
  }
  const secretStorage = secretStorageKind(process.platform, available, backend);
  if (secretStorage === 'memory') return { vault: memoryVault(), secretStorage };
  return { vault: safeStorageVault({ dataDir, cipher: safeStorageCipher(safeStorage), clock }), secretStorage };
}
