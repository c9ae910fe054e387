// App passwords, tokens and sessions. They stay in the main process: never in a store file, never sent to
// the renderer. The desktop app keeps them encrypted with the OS keychain; elsewhere they live in memory.

export interface SecretVault {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** For the browser preview and tests: nothing is written anywhere. */
export function memoryVault(): SecretVault {
  const secrets = new Map<string, string>();
  return {
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => void secrets.set(key, value),
    delete: async (key) => void secrets.delete(key),
  };
}

/** The keys one account's secrets are filed under. */
export const secretKeys = (accountId: string) => ({
  password: `${accountId}:app-password`,
  token: `${accountId}:token`,
  session: `${accountId}:session`,
  /** The app a Mastodon sign-in registered, which revokes its token. */
  app: `${accountId}:oauth-app`,
});
