// What Bluesky's XRPC methods answer, as Twoway reads it: only the fields used, each checked, the harmless ones
// coerced. The XRPC client checks answers against the lexicons and refuses a whole page for one bad entry;
// Twoway reads that page itself instead, so only the bad entry is left out.
import { XRPCError } from '@atproto/api';
import { z } from 'zod';
import type { Person } from '../../../../shared/people.ts';
import { count, nameText } from '../replies.ts';
import { NetworkFailure } from '../resilientFetch.ts';

const did = z.string().regex(/^did:[a-z]+:[a-zA-Z0-9._:%-]{1,2000}$/, 'expected a DID');
const cursor = z.string().max(2000).optional();

export const blueskyPerson = z.object({ did, handle: z.string().min(1).max(300), displayName: nameText });
export const blueskyPersonOf = (p: z.output<typeof blueskyPerson>): Person => ({
  id: p.did,
  handle: p.handle,
  displayName: p.displayName,
});

/** The lexicon leaves the counts out where there are none. */
const someCount = count.optional().transform((value) => value ?? 0);
export const blueskyProfile = blueskyPerson.extend({
  followersCount: someCount,
  followsCount: someCount,
  postsCount: count.optional().catch(undefined),
});

export const blueskyFollowersPage = z.object({ followers: z.array(z.unknown()), cursor });
export const blueskyProfiles = z.object({ profiles: z.array(z.unknown()) });
export const blueskyRecordsPage = z.object({ records: z.array(z.unknown()), cursor });
export const blueskyFollowRecord = z.object({
  uri: z.string().min(1).max(2000),
  value: z.object({ subject: did, createdAt: z.string().optional().catch(undefined) }),
});
/**
 * Asked right before a write, and of follows who do not follow back: a relationship Twoway cannot read stops the
 * write (or the sync) rather than guess. An account the AppView does not know comes back as `notFound`.
 */
export const blueskyRelationships = z.object({
  relationships: z.array(
    z.object({
      did: did.optional(),
      following: z.string().optional(),
      followedBy: z.string().optional(),
      blockedBy: z.string().optional(),
      blockedByList: z.string().optional(),
    }),
  ),
});
/** A follow record read back by its key: whose it is. */
export const blueskyRecord = z.object({ value: z.object({ subject: z.string() }) });

const time = z.string().refine((at) => !Number.isNaN(Date.parse(at)), 'not a time');
const somePostCount = count.catch(0);
/** What a post links to, where it says: a part that is not what it should be reads as absent. */
const link = z.object({ uri: z.string() }).optional().catch(undefined);
const byte = z.number().int().nonnegative();
const facet = z.object({
  index: z.object({ byteStart: byte, byteEnd: byte }),
  features: z.array(
    z
      .object({ $type: z.string(), did: z.string().optional().catch(undefined) })
      .nullable()
      .catch(null),
  ),
});
/** The post's own record (app.bsky.feed.post): its text, what it answers, whom it mentions, what it quotes. */
export const blueskyPostRecord = z.object({
  text: z.string().catch(''),
  createdAt: z.string().optional().catch(undefined),
  reply: z.object({ parent: link, root: link }).optional().catch(undefined),
  facets: z
    .array(facet.nullable().catch(null))
    .catch([])
    .transform((facets) => facets.filter((f) => f !== null)),
  embed: z
    .object({ $type: z.string(), record: z.object({ uri: z.string().optional(), record: link }).optional() })
    .optional()
    .catch(undefined),
});
export type BlueskyPostRecord = z.output<typeof blueskyPostRecord>;

export const blueskyPostView = z.object({
  uri: z.string().min(1).max(2000),
  author: blueskyPerson,
  record: blueskyPostRecord,
  indexedAt: time,
  replyCount: somePostCount,
  repostCount: somePostCount,
  quoteCount: somePostCount,
  likeCount: somePostCount,
});
export type BlueskyPostView = z.output<typeof blueskyPostView>;

export const blueskyFeedPage = z.object({ feed: z.array(z.unknown()), cursor });
export const blueskyFeedItem = z.object({
  post: blueskyPostView,
  reason: z
    .object({ $type: z.string(), indexedAt: time.optional().catch(undefined) })
    .optional()
    .catch(undefined),
});
export const blueskyNoticesPage = z.object({ notifications: z.array(z.unknown()), cursor });
export const blueskyNotice = blueskyPostView.extend({ reason: z.string() });

/**
 * Why the AppView shows no profile for an account, from the error its getProfile answered; null when the error
 * says something else (the AppView out of reach, a refusal), which is not for Twoway to read as gone.
 */
export function blueskyGoneReason(error: XRPCError): 'deleted' | 'deactivated' | 'suspended' | null {
  const said = `${error.error ?? ''} ${error.message}`;
  if (/AccountDeactivated/i.test(said)) return 'deactivated';
  if (/AccountTakedown/i.test(said)) return 'suspended';
  if (/Profile not found|RepoNotFound|Could not find repo/i.test(said)) return 'deleted';
  return null;
}

/**
 * What an XRPC method answered, for Twoway's own schemas: a page the lexicon check refused is read too. What the
 * fetch threw (a rate limit, a dropped connection) and what the server said come out as failures to explain.
 */
export async function xrpcRead(method: string, call: () => Promise<{ data: unknown }>, ownAccount = false) {
  try {
    return (await call()).data;
  } catch (error) {
    if (!(error instanceof XRPCError)) throw error;
    // The client's refusal of an answer its lexicon check failed keeps that answer.
    if ('validationError' in error && 'responseBody' in error) return error.responseBody;
    if (error.cause instanceof NetworkFailure) throw error.cause;
    if (error.cause instanceof SyntaxError) {
      throw new NetworkFailure('bad-response', `Bluesky sent an answer that is not JSON (${method})`);
    }
    const gone = /RepoNotFound|AccountTakedown|AccountDeactivated|Could not find repo|Profile not found/i;
    if (ownAccount && gone.test(`${error.error} ${error.message}`)) {
      throw new NetworkFailure('refused', 'Bluesky no longer has this account: it was deleted or taken down');
    }
    throw error;
  }
}
