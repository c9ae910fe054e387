// The provider for an account's network, with its secrets and a resilient fetch of its own.
import type { AtpSessionData } from '@atproto/api';
import type { Clock } from '../../core/clock.ts';
import { Failure } from '../failure.ts';
import type { Scheduler } from '../scheduler.ts';
import { secretKeys, type SecretVault } from '../secrets.ts';
import type { ProviderFor } from './provider.ts';
import { blueskyProvider } from './bluesky/provider.ts';
import { mastodonProvider } from './mastodon/provider.ts';
import { xProvider } from './x/provider.ts';
import { resilientFetch } from './resilientFetch.ts';

export interface ProviderDeps {
  clock: Clock;
  scheduler: Scheduler;
  vault: SecretVault;
  /** How long any request may take before it counts as unanswered, whatever the caller asks (tests shorten it). */
  timeoutMs?: number;
}

export function providerFactory({ clock, scheduler, vault, timeoutMs }: ProviderDeps): ProviderFor {
  return async (account, { signal, onWait, writesOnce, ...asked }) => {
    const fetch = resilientFetch({
      clock,
      scheduler,
      signal,
      onWait,
      writesOnce,
      timeoutMs: timeoutMs ?? asked.timeoutMs,
    });
    const keys = secretKeys(account.id);
    const { connection } = account;
    switch (connection.network) {
      case 'bluesky':
        return blueskyProvider(
          { did: connection.did, handle: account.handle, appviewUrl: connection.appviewUrl, pdsUrl: connection.pdsUrl },
          fetch,
          {
            appPassword: () => vault.get(keys.password),
            session: async () => {
              const saved = await vault.get(keys.session);
              return saved ? (JSON.parse(saved) as AtpSessionData) : null;
            },
            saveSession: async (session) => {
              if (session) await vault.set(keys.session, JSON.stringify(session));
              else await vault.delete(keys.session);
            },
          },
          clock,
        );
      case 'mastodon':
        return mastodonProvider(connection, fetch, await vault.get(keys.token));
      case 'x': {
        const token = await vault.get(keys.token);
        if (!token || connection.userId === null) {
          throw new Failure('conflict', 'This X account comes from an archive: import a newer archive to update it.');
        }
        return xProvider({ userId: connection.userId, apiUrl: connection.apiUrl }, fetch, token);
      }
      default:
        throw new Failure('conflict', `Twoway cannot reach ${account.handle} on ${account.network} yet.`);
    }
  };
}
