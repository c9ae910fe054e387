// Where the desktop app keeps app passwords and tokens: encrypted by the OS in `secrets.json` when safeStorage
// can encrypt, in memory when it cannot. How strong that is, is core's decision (secretStorageKind).
// Nothing asks the keychain before a secret or the answer is first needed, nor before the window is on screen:
// on macOS the first ask can show a Keychain prompt, which must not come while nothing of Twoway is shown. safeStorage is passed in and electron is
// imported for its types only, so the tests run this with a stand-in.
import type { SafeStorage } from 'electron';
import type { Clock } from '../core/clock.ts';
import { secretStorageKind, type SecretStorageKind } from '../core/desktop/secretStorageKind.ts';
import { memoryVault, type SecretVault } from '../services/secrets.ts';
import { safeStorageCipher, safeStorageVault } from './safeStorageVault.ts';

export interface SecretStorage {
  /** Opens the storage on its first use. */
  vault: SecretVault;
  /** How secrets are kept here; the first call asks the keychain, later ones give the same answer. */
  secretStorage: () => Promise<SecretStorageKind>;
}

export interface SecretStorageOptions {
  dataDir: string;
  clock: Clock;
  safeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>;
  platform: string;
  /** Nothing is asked before this settles: the main window on screen. */
  until?: Promise<void>;
  warn?: (message: string) => void;
}

/** Call after the app is ready: before it, safeStorage cannot encrypt. */
export function openSecretStorage({
  dataDir,
  clock,
  safeStorage,
  platform,
  until = Promise.resolve(),
  warn = console.warn,
}: SecretStorageOptions): SecretStorage {
  let opening: Promise<{ kind: SecretStorageKind; vault: SecretVault }> | undefined;
  const open = () => (opening ??= decide());

  async function decide() {
    await until;
    // What Electron makes of a sample text tells how it encrypts: not at all, with a keychain's key, or (Linux
    // without a keyring) with the key built into Chromium.
    let sample: Buffer | null = null;
    try {
      if (await safeStorage.isAsyncEncryptionAvailable()) sample = await safeStorage.encryptStringAsync('twoway');
    } catch (error) {
      warn(`twoway: the system keychain cannot encrypt (${(error as Error).message}); secrets stay in memory.`);
    }
    const kind = secretStorageKind(platform, sample);
    const vault =
      kind === 'memory'
        ? memoryVault()
        : safeStorageVault({ dataDir, cipher: safeStorageCipher(safeStorage), clock, warn });
    return { kind, vault };
  }

  return {
    vault: {
      get: async (key) => (await open()).vault.get(key),
      set: async (key, value) => (await open()).vault.set(key, value),
      delete: async (key) => (await open()).vault.delete(key),
    },
    secretStorage: async () => (await open()).kind,
  };
}
