// Signing out of Mastodon when an account is removed: the token a sign-in gave Twoway is revoked on its instance
// with the app's credentials, which the vault keeps beside the token.
import { z } from 'zod';
import type { Account } from '../../../../shared/types.ts';
import type { Clock } from '../../../core/clock.ts';
import { Failure } from '../../failure.ts';
import type { Scheduler } from '../../scheduler.ts';
import { OAuthRefusal, revokeToken, type MastodonApp } from './oauth.ts';
import { resilientFetch } from '../resilientFetch.ts';

const appCredentials = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });

/** The app's credentials as the vault keeps them. */
export const savedApp = ({ clientId, clientSecret }: MastodonApp) => JSON.stringify({ clientId, clientSecret });

function readApp(saved: string) {
  try {
    const parsed = appCredentials.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Revokes the token a sign-in gave Twoway, when its account is removed. A token the instance no longer knows, or
 * an app it deleted, leaves nothing to revoke; an instance that cannot be reached keeps the account in Twoway,
 * since only the instance can end the access.
 */
export function mastodonAccessRevoker({ clock, scheduler }: { clock: Clock; scheduler: Scheduler }) {
  return async (account: Account, secrets: { token: string | null; app: string | null }): Promise<void> => {
    const { connection } = account;
    if (connection.network !== 'mastodon' || !secrets.token || !secrets.app) return;
    const app = readApp(secrets.app);
    if (!app) return;
    const host = new URL(connection.instanceUrl).host;
    try {
      await revokeToken(
        connection.instanceUrl,
        app,
        secrets.token,
        resilientFetch({ clock, scheduler, timeoutMs: 15_000 }),
      );
    } catch (error) {
      if (error instanceof OAuthRefusal) return;
      const why = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
      const message = `Twoway could not end its access on ${host} (${why}), so ${account.handle} is still here. Try again, or remove it from Twoway only and revoke Twoway on ${host} under Preferences → Account → Authorized apps.`;
      throw new Failure('unavailable', message, { revoke: message });
    }
  };
}
export type RevokeAccess = ReturnType<typeof mastodonAccessRevoker>;
