// Finds a Bluesky account from its handle: who it is from the handle and its DID document (identity.ts),
// its profile from the AppView, and — with an app password — a first session at its own server, proving the
// password before it is kept.
import { Agent } from '@atproto/api';
import type { Account } from '../../../../shared/types.ts';
import { Failure } from '../../failure.ts';
import { verifiedIdentity, type IdentityDirectory } from './identity.ts';
import { PinnedSession } from './session.ts';
import type { ResilientFetch } from '../resilientFetch.ts';

export interface BlueskyInput extends IdentityDirectory {
  handle: string;
  appviewUrl: string;
  appPassword?: string;
}

export async function connectBluesky(input: BlueskyInput, fetch: ResilientFetch) {
  const identity = await verifiedIdentity(input.handle, input, fetch);
  const appview = new Agent({ service: input.appviewUrl, fetch });
  const { data: profile } = await appview.app.bsky.actor.getProfile({ actor: identity.did });
  if (profile.did !== identity.did) {
    throw new Failure(
      'unavailable',
      `${new URL(input.appviewUrl).host} answered with another account (${profile.did.slice(0, 100)}) for ${identity.handle}: Twoway added nothing and sent your app password nowhere.`,
    );
  }
  let session: string | null = null;
  if (input.appPassword) {
    const credentials = new PinnedSession(new URL(identity.pdsUrl), fetch);
    await credentials.login({ identifier: identity.did, password: input.appPassword });
    session = JSON.stringify(credentials.session);
  }
  const account: Account = {
    id: `bluesky-${identity.did.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
    network: 'bluesky',
    handle: identity.handle,
    displayName: profile.displayName ?? '',
    connection: { network: 'bluesky', did: identity.did, appviewUrl: input.appviewUrl, pdsUrl: identity.pdsUrl },
  };
  return { account, session };
}
