// Bluesky through @atproto/api: public reads from the AppView, the user's own follow records (with their
// createdAt, the grace clock) from their PDS, and writes with the app password's session (session.ts).
import { Agent, XRPCError } from '@atproto/api';
import type { Followed, Ghost, Person } from '../../../../shared/people.ts';
import type { Clock } from '../../../core/clock.ts';
import { blueskyCatchUp } from './catchUpReader.ts';
import {
  blueskyFollowersPage,
  blueskyFollowRecord,
  blueskyGoneReason,
  blueskyPerson,
  blueskyPersonOf,
  blueskyProfile,
  blueskyProfiles,
  blueskyRecord,
  blueskyRecordsPage,
  blueskyRelationships,
  xrpcRead,
} from './replies.ts';
import { readBlueskyProfileFacts } from './profileFacts.ts';
import { blueskySignIn, type BlueskyVault } from './session.ts';
import type { NetworkProvider } from '../provider.ts';
import { readEntries, readReply } from '../replies.ts';
import type { ResilientFetch } from '../resilientFetch.ts';

export interface BlueskyAccount {
  did: string;
  handle: string;
  appviewUrl: string;
  pdsUrl: string;
}

const followCollection = 'app.bsky.graph.follow';
const pageSize = 100;
/** The most accounts getProfiles and getRelationships take at once. */
const profilesAtOnce = 25;
const relationshipsAtOnce = 30;

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

  /** Whether getProfiles showed each account asked about so far (one sync): the ghost check asks no one twice. */
  const profileShown = new Map<string, boolean>();
  async function profilesOf(ids: string[]): Promise<Person[]> {
    const found: Person[] = [];
    for (let i = 0; i < ids.length; i += profilesAtOnce) {
      const batch = ids.slice(i, i + profilesAtOnce);
      const answer = await xrpcRead('app.bsky.actor.getProfiles', () =>
        appview.app.bsky.actor.getProfiles({ actors: batch }),
      );
      const data = readReply(blueskyProfiles, answer, 'Bluesky sent profiles');
      const people = readEntries(blueskyPerson, data.profiles).items.map(blueskyPersonOf);
      for (const id of batch) profileShown.set(id, false);
      for (const person of people) profileShown.set(person.id, true);
      found.push(...people);
    }
    return found;
  }

  /** Why the AppView has no profile for someone: its getProfile says; null when it has one after all. */
  async function goneReason(did: string): Promise<Ghost['reason'] | null> {
    try {
      await xrpcRead('app.bsky.actor.getProfile', () => appview.app.bsky.actor.getProfile({ actor: did }));
      return null;
    } catch (error) {
      const reason = error instanceof XRPCError ? blueskyGoneReason(error) : null;
      if (reason === null) throw error;
      return reason;
    }
  }

  /** Whether the follow record is still in the user's own repo, whatever the AppView knows of its subject. */
  async function hasFollowRecord(rkey: string, subject: string): Promise<boolean> {
    try {
      const answer = await xrpcRead('com.atproto.repo.getRecord', () =>
        pds.com.atproto.repo.getRecord({ repo: account.did, collection: followCollection, rkey }),
      );
      return readReply(blueskyRecord, answer, 'Bluesky sent a follow record').value.subject === subject;
    } catch (error) {
      if (
        error instanceof XRPCError &&
        /RecordNotFound|Could not locate record/i.test(`${error.error} ${error.message}`)
      ) {
        return false;
      }
      throw error;
    }
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
    people: profilesOf,
    async relationship(other) {
      const answer = await xrpcRead('app.bsky.graph.getRelationships', () =>
        appview.app.bsky.graph.getRelationships({ actor: account.did, others: [other.id] }),
      );
      const relation = readReply(blueskyRelationships, answer, 'Bluesky sent a relationship').relationships[0];
      const followsYou = !!relation?.followedBy;
      if (relation?.following) return { youFollow: true, followsYou };
      // The AppView forgets follows of accounts it no longer shows (deleted, deactivated, suspended): the record
      // in the user's own repo is what is there to delete.
      const { ref } = other as Partial<Followed>;
      return { youFollow: ref ? await hasFollowRecord(ref, other.id) : false, followsYou };
    },
    profileFacts: (ids) => readBlueskyProfileFacts(appview, ids),
    async ghosts(follows) {
      const found = new Map<string, Ghost>();
      const shown: string[] = [];
      const ids = follows.map((f) => f.id);
      await profilesOf(ids.filter((id) => !profileShown.has(id)));
      // getProfiles leaves out whom the AppView does not show; getProfile says why.
      for (const id of ids) {
        const reason = profileShown.get(id) ? null : await goneReason(id);
        if (reason) found.set(id, { reason });
        else shown.push(id);
      }
      for (let i = 0; i < shown.length; i += relationshipsAtOnce) {
        const answer = await xrpcRead('app.bsky.graph.getRelationships', () =>
          appview.app.bsky.graph.getRelationships({
            actor: account.did,
            others: shown.slice(i, i + relationshipsAtOnce),
          }),
        );
        const data = readReply(blueskyRelationships, answer, 'Bluesky sent relationships');
        for (const r of data.relationships) {
          if (r.did && (r.blockedBy || r.blockedByList)) found.set(r.did, { reason: 'blocks-you' });
        }
      }
      return found;
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
