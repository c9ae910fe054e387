// A signed-in Bluesky agent from the app password, whose session is kept and refreshed rather than logging in
// again (createSession is limited to 30 per 5 minutes). Writes need it, and so do the home timeline and the
// notifications a catch-up reads.
import { Agent, CredentialSession, type AtpSessionData } from '@atproto/api';
import { serviceUrlProblem } from '../../../../shared/serviceUrl.ts';
import type { ResilientFetch } from '../resilientFetch.ts';

/** Where the app password and the session it opened are kept (encrypted in the desktop app). */
export interface BlueskyVault {
  appPassword(): Promise<string | null>;
  session(): Promise<AtpSessionData | null>;
  saveSession(session: AtpSessionData | null): Promise<void>;
}

/**
 * A session that sends its tokens only to the server it signed in at. The stock one follows the server named in
 * the session reply's DID document, an address no one checked; this account's server was checked when it was
 * added (identity.ts).
 */
export class PinnedSession extends CredentialSession {
  override get dispatchUrl(): URL {
    return this.serviceUrl;
  }
}

/** Resolves with the signed-in agent, the same one on every call, or null when Twoway holds no app password. */
export function blueskySignIn(
  account: { did: string; pdsUrl: string },
  fetch: ResilientFetch,
  vault: BlueskyVault,
): () => Promise<Agent | null> {
  let agent: Agent | null = null;
  return async () => {
    if (agent) return agent;
    const problem = serviceUrlProblem(account.pdsUrl);
    if (problem) throw new Error(`Twoway does not sign in at ${account.pdsUrl}: ${problem}`);
    const session = new PinnedSession(new URL(account.pdsUrl), fetch, (_event, data) => {
      void vault.saveSession(data ?? null);
    });
    const saved = await vault.session();
    if (saved) {
      try {
        await session.resumeSession(saved);
        return (agent = new Agent(session));
      } catch {
        await vault.saveSession(null);
      }
    }
    const password = await vault.appPassword();
    if (!password) return null;
    await session.login({ identifier: account.did, password });
    return (agent = new Agent(session));
  };
}
