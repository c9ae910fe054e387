// Bluesky through @atproto/api: public reads from the AppView, the user's own follow records (with their
// createdAt, the grace clock) from their PDS, and writes with the app password's session (blueskySession.ts).
import { Agent, XRPCError } from '@atproto/api';
import type { Followed, Person } from '../../../shared/network.ts';
import type { Clock } from '../../core/clock.ts';
import { blueskyCatchUp } from './blueskyCatchUp.ts';
import { blueskySignIn, type BlueskyVault } from './blueskySession.ts';
import type { NetworkProvider } from './provider.ts';
import { NetworkFailure, type ResilientFetch } from './resilientFetch.ts';

export interface BlueskyAccount {
  did: string;
  handle: string;
  appviewUrl: string;
  pdsUrl: string;
}

const followCollection = 'app.bsky.graph.follow';
const pageSize = 100;

interface ProfileLike {
  did: string;
  handle: string;
  displayName?: string;
}
const person = (p: ProfileLike): Person => ({ id: p.did, handle: p.handle, displayName: p.displayName ?? '' });

/**
 * The XRPC client wraps what the fetch threw (a rate limit and when it lifts, a dropped connection) and what the
 * server said in errors of its own; unwrapped and named, the sync can tell the user what happened.
 */
async function read<T>(method: string, call: () => Promise<T>, ownAccount = false): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof XRPCError)) throw error;
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

export function blueskyProvider(
  account: BlueskyAccount,
  fetch: ResilientFetch,
  vault: BlueskyVault,
  clock: Clock,
): NetworkProvider {
  const appview = new Agent({ service: account.appviewUrl, fetch });
  const pds = new Agent({ service: account.pdsUrl, fetch });
  const signIn = blueskySignIn(account, fetch, vault);

  async function writeAgent(): Promise<Agent> {
    const agent = await signIn();
    if (!agent) throw new Error('Add an app password for this account to unfollow or follow from Twoway.');
    return agent;
  }

  return {
    requests: fetch.requests,
    catchUp: async () => blueskyCatchUp(account, appview, await signIn(), fetch.requests),
    async profile() {
      const { data } = await read(
        'app.bsky.actor.getProfile',
        () => appview.app.bsky.actor.getProfile({ actor: account.did }),
        true,
      );
      return {
        ...person(data),
        followers: data.followersCount ?? 0,
        following: data.followsCount ?? 0,
        posts: data.postsCount,
      };
    },
    async followersPage(cursor) {
      const { data } = await read(
        'app.bsky.graph.getFollowers',
        () => appview.app.bsky.graph.getFollowers({ actor: account.did, limit: pageSize, cursor: cursor ?? undefined }),
        true,
      );
      return { items: data.followers.map(person), cursor: data.cursor ?? null };
    },
    async followingPage(cursor) {
      const { data } = await read(
        'com.atproto.repo.listRecords',
        () =>
          pds.com.atproto.repo.listRecords({
            repo: account.did,
            collection: followCollection,
            limit: pageSize,
            cursor: cursor ?? undefined,
          }),
        true,
      );
      const items = data.records.flatMap((record): Followed[] => {
        const value = record.value as { subject?: unknown; createdAt?: unknown };
        if (typeof value.subject !== 'string') return [];
        const createdAt = typeof value.createdAt === 'string' ? Date.parse(value.createdAt) : Number.NaN;
        // Names come later from the AppView; the record holds only the DID.
        return [
          { id: value.subject, handle: '', displayName: '', followedAt: createdAt, ref: record.uri.split('/').pop()! },
        ];
      });
      return { items, cursor: data.cursor ?? null };
    },
    async people(ids) {
      const found: Person[] = [];
      for (let i = 0; i < ids.length; i += 25) {
        const { data } = await read('app.bsky.actor.getProfiles', () =>
          appview.app.bsky.actor.getProfiles({ actors: ids.slice(i, i + 25) }),
        );
        found.push(...data.profiles.map(person));
      }
      return found;
    },
    async relationship(other) {
      const { data } = await read('app.bsky.graph.getRelationships', () =>
        appview.app.bsky.graph.getRelationships({ actor: account.did, others: [other.id] }),
      );
      const relation = data.relationships[0] as { following?: string; followedBy?: string } | undefined;
      return { youFollow: !!relation?.following, followsYou: !!relation?.followedBy };
    },
    async unfollow(followed) {
      if (!followed.ref) throw new Error(`No follow record is known for ${followed.handle}.`);
      const agent = await writeAgent();
      await agent.com.atproto.repo.deleteRecord({
        repo: account.did,
        collection: followCollection,
        rkey: followed.ref,
      });
    },
    async follow(other) {
      const agent = await writeAgent();
      const createdAt = new Date(clock.now()).toISOString();
      const { data } = await agent.com.atproto.repo.createRecord({
        repo: account.did,
        collection: followCollection,
        record: { $type: followCollection, subject: other.id, createdAt },
      });
      return { ...other, followedAt: Date.parse(createdAt), ref: data.uri.split('/').pop()! };
    },
  };
}
