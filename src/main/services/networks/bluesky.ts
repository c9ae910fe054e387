// Bluesky through @atproto/api: public reads from the AppView, the user's own follow records (with their
// createdAt, the grace clock) from their PDS, and writes with the app password's session (blueskySession.ts).
import { Agent } from '@atproto/api';
import type { Followed, Person } from '../../../shared/network.ts';
import type { Clock } from '../../core/clock.ts';
import { blueskyCatchUp } from './blueskyCatchUp.ts';
import {
  blueskyFollowersPage,
  blueskyFollowRecord,
  blueskyPerson,
  blueskyPersonOf,
  blueskyProfile,
  blueskyProfiles,
  blueskyRecordsPage,
  blueskyRelationships,
  xrpcRead,
} from './blueskyReplies.ts';
import { blueskySignIn, type BlueskyVault } from './blueskySession.ts';
import type { NetworkProvider } from './provider.ts';
import { readEntries, readReply } from './replies.ts';
import type { ResilientFetch } from './resilientFetch.ts';

export interface BlueskyAccount {
  did: string;
  handle: string;
  appviewUrl: string;
  pdsUrl: string;
}

const followCollection = 'app.bsky.graph.follow';
const pageSize = 100;

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
      const answer = await xrpcRead(
        'app.bsky.actor.getProfile',
        () => appview.app.bsky.actor.getProfile({ actor: account.did }),
        true,
      );
      const data = readReply(blueskyProfile, answer, 'Bluesky sent a profile');
      return {
        ...blueskyPersonOf(data),
        followers: data.followersCount,
        following: data.followsCount,
        posts: data.postsCount,
      };
    },
    async followersPage(cursor) {
      const answer = await xrpcRead(
        'app.bsky.graph.getFollowers',
        () => appview.app.bsky.graph.getFollowers({ actor: account.did, limit: pageSize, cursor: cursor ?? undefined }),
        true,
      );
      const data = readReply(blueskyFollowersPage, answer, 'Bluesky sent a followers page');
      const { items, unreadable } = readEntries(blueskyPerson, data.followers);
      return { items: items.map(blueskyPersonOf), cursor: data.cursor ?? null, unreadable };
    },
    async followingPage(cursor) {
      const answer = await xrpcRead(
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
      const data = readReply(blueskyRecordsPage, answer, 'Bluesky sent a page of follow records');
      const { items: records, unreadable } = readEntries(blueskyFollowRecord, data.records);
      const items = records.map(({ uri, value }): Followed => {
        const createdAt = value.createdAt === undefined ? Number.NaN : Date.parse(value.createdAt);
        // Names come later from the AppView; the record holds only the DID.
        return { id: value.subject, handle: '', displayName: '', followedAt: createdAt, ref: uri.split('/').pop()! };
      });
      return { items, cursor: data.cursor ?? null, unreadable };
    },
    async people(ids) {
      const found: Person[] = [];
      for (let i = 0; i < ids.length; i += 25) {
        const answer = await xrpcRead('app.bsky.actor.getProfiles', () =>
          appview.app.bsky.actor.getProfiles({ actors: ids.slice(i, i + 25) }),
        );
        const data = readReply(blueskyProfiles, answer, 'Bluesky sent profiles');
        found.push(...readEntries(blueskyPerson, data.profiles).items.map(blueskyPersonOf));
      }
      return found;
    },
    async relationship(other) {
      const answer = await xrpcRead('app.bsky.graph.getRelationships', () =>
        appview.app.bsky.graph.getRelationships({ actor: account.did, others: [other.id] }),
      );
      const relation = readReply(blueskyRelationships, answer, 'Bluesky sent a relationship').relationships[0];
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
