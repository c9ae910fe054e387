// Finds a Bluesky account from its handle: its DID and profile from the AppView, its PDS from its DID
// document, and — with an app password — a first session, proving the password before it is kept.
import { Agent, CredentialSession } from '@atproto/api';
import type { Account } from '../../../shared/types.ts';
import type { ResilientFetch } from './resilientFetch.ts';

export interface BlueskyInput {
  handle: string;
  appviewUrl: string;
  plcUrl: string;
  appPassword?: string;
}

interface DidDocument {
  service?: { id: string; type?: string; serviceEndpoint: string }[];
}

async function pdsOf(did: string, plcUrl: string, fetch: ResilientFetch): Promise<string> {
  const url = did.startsWith('did:web:')
    ? `https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`
    : `${plcUrl}/${encodeURIComponent(did)}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The identity directory does not know ${did} (HTTP ${response.status}).`);
  const doc = (await response.json()) as DidDocument;
  const pds = doc.service?.find((s) => s.id === '#atproto_pds' || s.id.endsWith('#atproto_pds'));
  if (!pds) throw new Error(`${did} names no personal data server.`);
  return pds.serviceEndpoint.replace(/\/+$/, '');
}

export async function connectBluesky(input: BlueskyInput, fetch: ResilientFetch) {
  const appview = new Agent({ service: input.appviewUrl, fetch });
  const { data: profile } = await appview.app.bsky.actor.getProfile({ actor: input.handle });
  const pdsUrl = await pdsOf(profile.did, input.plcUrl, fetch);
  let session: string | null = null;
  if (input.appPassword) {
    const credentials = new CredentialSession(new URL(pdsUrl), fetch);
    await credentials.login({ identifier: profile.did, password: input.appPassword });
    session = JSON.stringify(credentials.session);
  }
  const account: Account = {
    id: `bluesky-${profile.did.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`,
    network: 'bluesky',
    handle: profile.handle,
    displayName: profile.displayName ?? '',
    connection: { network: 'bluesky', did: profile.did, appviewUrl: input.appviewUrl, pdsUrl },
  };
  return { account, session };
}
