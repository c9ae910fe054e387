// Secrets on disk, encrypted by the OS: one `secrets.json` in the user-data folder holding, per key, the bytes
// Electron's safeStorage made of the secret, in base64. Only ciphertext reaches the disk and nothing here logs
// a secret. The cipher is injected and electron is imported for its types only, so this runs in plain Node and
// the tests use a fake cipher.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import type { SecretVault } from '../services/secrets.ts';

export interface SecretCipher {
  encrypt(text: string): Promise<Buffer>;
  /**
   * Rejects when the bytes cannot be decrypted, for example after the keychain changed. `reEncrypt`: they were
   * made with a key Electron no longer encrypts with (rotated, or a keyring that appeared since).
   */
  decrypt(data: Buffer): Promise<{ text: string; reEncrypt: boolean }>;
}

/** The cipher of the desktop app, on Electron's asynchronous safeStorage; call only after the app is ready. */
export const safeStorageCipher = (
  safeStorage: Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync'>,
): SecretCipher => ({
  encrypt: (text) => safeStorage.encryptStringAsync(text),
  decrypt: async (data) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
    return { text: result, reEncrypt: shouldReEncrypt };
  },
});

export interface SafeStorageVaultOptions {
  dataDir: string;
  cipher: SecretCipher;
  clock: Clock;
  /** Told, never with a secret, when a file or a secret could not be used. */
  warn?: (message: string) => void;
}

export const SECRETS_FILE = 'secrets.json';
const VERSION = 1;
const secretsFile = z.object({ version: z.literal(VERSION), secrets: z.record(z.string(), z.string()) });

export function safeStorageVault({
  dataDir,
  cipher,
  clock,
  warn = console.warn,
}: SafeStorageVaultOptions): SecretVault {
  const file = path.join(dataDir, SECRETS_FILE);
  // Read on first use, not at start-up: the keychain is only asked when a secret is needed.
  let loading: Promise<Map<string, string>> | undefined;
  const load = () => {
    loading ??= readSecrets(file, clock, warn).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  // One change at a time, each on disk before the next begins; a change that cannot be written is undone.
  let changes: Promise<void> = Promise.resolve();
  const change = (apply: (secrets: Map<string, string>) => Promise<(() => void) | undefined>): Promise<void> => {
    const done = changes.then(async () => {
      const secrets = await load();
      const undo = await apply(secrets);
      if (!undo) return;
      try {
        await writeAtomically(file, serialise(secrets));
      } catch (error) {
        undo();
        throw error;
      }
    });
    changes = done.catch(() => undefined);
    return done;
  };

  // Seals a secret again with the key Electron encrypts with now, unless it changed meanwhile. If that fails,
  // the secret stays as it was and still opens.
  const reseal = (key: string, sealed: string, text: string) =>
    change(async (secrets) => {
      if (secrets.get(key) !== sealed) return undefined;
      secrets.set(key, (await cipher.encrypt(text)).toString('base64'));
      return () => secrets.set(key, sealed);
    }).catch(() =>
      warn(`twoway: the saved secret "${key}" could not be sealed with the keychain's new key; it stays as it was.`),
    );

  return {
    async get(key) {
      await changes;
      const sealed = (await load()).get(key);
      if (sealed === undefined) return null;
      let opened: { text: string; reEncrypt: boolean };
      try {
        opened = await cipher.decrypt(Buffer.from(sealed, 'base64'));
      } catch (error) {
        // A locked keychain says so and may open later; any other failure means the keychain changed (a new
        // machine, a reset login keyring) and the user enters the secret again.
        const locked = error instanceof Error && /temporarily unavailable/i.test(error.message);
        warn(
          locked
            ? `twoway: the keychain could not open the saved secret "${key}" right now; it is kept for the next try.`
            : `twoway: the saved secret "${key}" could not be decrypted; it has to be entered again.`,
        );
        return null;
      }
      if (opened.reEncrypt) await reseal(key, sealed, opened.text);
      return opened.text;
    },
    set: (key, value) =>
      change(async (secrets) => {
        const sealed = (await cipher.encrypt(value)).toString('base64');
        const previous = secrets.get(key);
        secrets.set(key, sealed);
        return () => (previous === undefined ? secrets.delete(key) : secrets.set(key, previous));
      }),
    delete: (key) =>
      change(async (secrets) => {
        const previous = secrets.get(key);
        if (previous === undefined) return undefined;
        secrets.delete(key);
        return () => secrets.set(key, previous);
      }),
  };
}

function serialise(secrets: Map<string, string>): string {
  return `${JSON.stringify({ version: VERSION, secrets: Object.fromEntries(secrets) }, null, '\t')}\n`;
}

async function readSecrets(file: string, clock: Clock, warn: (message: string) => void): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const parsed = parse(text);
  if ('secrets' in parsed) return new Map(Object.entries(parsed.secrets));
  // Never delete what the user had: move it aside, say so, and start with no secrets.
  const movedTo = asideName(file, clock.now());
  await fs.rename(file, movedTo);
  warn(`twoway: ${path.basename(file)} could not be used (${parsed.reason}); moved to ${movedTo}.`);
  return new Map();
}

/** The secrets in the file's text, or why there are none. A reason never quotes the content. */
function parse(text: string): { secrets: Record<string, string> } | { reason: string } {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    return { reason: 'it is not valid JSON' };
  }
  const version = (content as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VERSION) {
    return { reason: `it was written by a newer Twoway (version ${version})` };
  }
  const checked = secretsFile.safeParse(content);
  return checked.success ? { secrets: checked.data.secrets } : { reason: 'its content is not what Twoway expects' };
}

function asideName(file: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return file.replace(/\.json$/, `.unreadable-${stamp}.json`);
}

/** Writes a temporary file only the user can read, flushes it, then renames it over the old one. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    // A leftover from a crash may have other permissions; 'wx' then creates the file afresh with ours.
    await fs.rm(temporary, { force: true });
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
