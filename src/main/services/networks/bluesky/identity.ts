// Who a Bluesky handle is, found without taking the AppView's word for it: the handle names its DID (the DNS
// record _atproto.<handle> or https://<handle>/.well-known/atproto-did), the DID's document (from the PLC
// directory, or the did:web host) names the handle back, and its personal data server passes the address rules
// every server passes. Only then may an app password go there.
import {
  DidResolver,
  HandleResolver,
  PoorlyFormattedDidDocumentError,
  PoorlyFormattedDidError,
  UnsupportedDidWebPathError,
  getHandle,
  getPds,
} from '@atproto/identity';
import { z } from 'zod';
import { normalServiceUrl, serviceUrlProblem } from '../../../../shared/serviceUrl.ts';
import { Failure, invalid } from '../../failure.ts';
import { NetworkFailure, type ResilientFetch } from '../resilientFetch.ts';

export interface IdentityDirectory {
  plcUrl: string;
  /**
   * A server that answers com.atproto.identity.resolveHandle, asked instead of DNS and the handle's own web
   * address: for a network whose handles are not real domain names (a self-hosted or test network).
   */
  handleResolverUrl?: string | undefined;
}

export interface BlueskyIdentity {
  did: string;
  handle: string;
  /** The personal data server the DID document names, the one place the app password may go. */
  pdsUrl: string;
}

const resolved = z.object({ did: z.string() });
/** A did:web of at most 100 characters keeps the account id made from it a file name of at most 120. */
const didSyntax = /^did:(plc:[a-z2-7]{24}|web:[a-z0-9.%-]{1,100})$/i;

/** What a step of the look-up waits for, with the server it could not reach named (not the AppView's). */
async function reaching<T>(url: string, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof NetworkFailure)
      throw new Failure('unavailable', `Could not reach ${new URL(url).host}: ${error.message}.`);
    throw error;
  }
}

/** The DID a resolveHandle server answers for the handle, or null when it knows no such handle. */
async function askResolver(handle: string, resolverUrl: string, fetch: ResilientFetch): Promise<string | null> {
  const url = `${normalServiceUrl(resolverUrl)}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`;
  const response = await fetch(url);
  if (response.status === 400 || response.status === 404) return null;
  const body = resolved.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!body.success) {
    throw invalid({ handle: `${new URL(url).host} did not say which account ${handle} is (HTTP ${response.status}).` });
  }
  return body.data.did;
}

/** Every address the DID resolver asks goes through the same rules as the servers the user types. */
function guarded(fetch: ResilientFetch): ResilientFetch {
  const check = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const problem = serviceUrlProblem(url);
    if (problem)
      throw invalid({ handle: `This account’s identity is kept at ${url}, which Twoway refuses: ${problem}` });
    return fetch(input, init);
  };
  return Object.assign(check, { requests: fetch.requests });
}

/** The DID the handle names: from the configured resolver, else from DNS or the handle's own web address. */
async function didOf(handle: string, directory: IdentityDirectory, fetch: ResilientFetch): Promise<string> {
  const { handleResolverUrl } = directory;
  if (handleResolverUrl) {
    const did = await reaching(handleResolverUrl, askResolver(handle, handleResolverUrl, fetch));
    if (!did) throw invalid({ handle: `No Bluesky account is called ${handle}.` });
    return did;
  }
  const did = await new HandleResolver({ timeout: 10_000 }).resolve(handle);
  if (!did) {
    throw invalid({
      handle: `No Bluesky account is called ${handle}: neither _atproto.${handle} in DNS nor https://${handle}/.well-known/atproto-did names one. Check the handle, and that this computer is online.`,
    });
  }
  return did;
}

/** The DID's document, checked against the DID document schema, from the PLC directory or its did:web host. */
async function documentOf(handle: string, did: string, plcUrl: string, fetch: ResilientFetch) {
  if (!didSyntax.test(did)) {
    throw invalid({ handle: `${handle} names ${did.slice(0, 100)}, which is not a Bluesky identity.` });
  }
  const resolver = new DidResolver({ plcUrl: normalServiceUrl(plcUrl), fetch: guarded(fetch) });
  const keeper = did.startsWith('did:web:') ? `https://${decodeURIComponent(did.slice('did:web:'.length))}` : plcUrl;
  try {
    const doc = await reaching(keeper, resolver.resolve(did));
    if (!doc) throw invalid({ handle: `The identity directory does not know ${did}, the account ${handle} names.` });
    return doc;
  } catch (error) {
    if (error instanceof PoorlyFormattedDidDocumentError) {
      throw invalid({ handle: `The identity document of ${did} is malformed: Twoway signs in nowhere with it.` });
    }
    if (error instanceof PoorlyFormattedDidError || error instanceof UnsupportedDidWebPathError) {
      throw invalid({ handle: `${handle} names ${did}, which is not a Bluesky identity.` });
    }
    throw error;
  }
}

export async function verifiedIdentity(
  typedHandle: string,
  directory: IdentityDirectory,
  fetch: ResilientFetch,
): Promise<BlueskyIdentity> {
  const handle = typedHandle.toLowerCase();
  const did = await didOf(handle, directory, fetch);
  const doc = await documentOf(handle, did, directory.plcUrl, fetch);
  const named = getHandle(doc)?.toLowerCase();
  if (named !== handle) {
    throw invalid({
      handle: `${handle} points to ${did}, but that identity ${named ? `is ${named.slice(0, 100)}` : 'names no handle'}: Twoway cannot confirm the account, so it sends your app password nowhere.`,
    });
  }
  const pds = getPds(doc);
  if (!pds) throw invalid({ handle: `${did} names no personal data server.` });
  const problem = serviceUrlProblem(pds);
  if (problem) {
    throw invalid({
      handle: `${handle}’s identity names its server as ${pds.slice(0, 200)}, which Twoway refuses: ${problem}`,
    });
  }
  return { did, handle, pdsUrl: normalServiceUrl(pds) };
}
