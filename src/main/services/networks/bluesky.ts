// Bluesky through @atproto/api: public reads from the AppView, the user's own follow records (with their
// createdAt, the grace clock) from their PDS, and writes with an app password whose session is kept and
// refreshed rather than logging in again (createSession is limited to 30 per 5 minutes).
import { Agent, CredentialSession, type AtpSessionData } from '@atproto/api';
import type { Followed, Person } from '../../../shared/network.ts';
import type { Clock } from '../../core/clock.ts';
import type { NetworkProvider } from './provider.ts';
import type { ResilientFetch } from './resilientFetch.ts';

export interface BlueskyAccount {
  did: string;
  handle: string;
  appviewUrl: string;
  pdsUrl: string;
}

/** Where the app password and the session it opened are kept (encrypted in the desktop app). */
export interface BlueskyVault {
  appPassword(): Promise<string | null>;
  session(): Promise<AtpSessionData | null>;
  saveSession(session: AtpSessionData | null): Promise<void>;
}

const followCollection = 'app.bsky.graph.follow';
const pageSize = 100;

interface ProfileLike {
  did: string;
  handle: string;
  displayName?: string;
}
const person = (p: ProfileLike): Person => ({ id: p.did, handle: p.handle, displayName: p.displayName ?? '' });

export function blueskyProvider(
  account: BlueskyAccount,
  fetch: ResilientFetch,
  vault: BlueskyVault,
  clock: Clock,
): NetworkProvider {
  const appview = new Agent({ service: account.appviewUrl, fetch });
  const pds = new Agent({ service: account.pdsUrl, fetch });
  let writer: Agent | null = null;

  async function writeAgent(): Promise<Agent> {
    if (writer) return writer;
    const session = new CredentialSession(new URL(account.pdsUrl), fetch, (_event, data) => {
      void vault.saveSession(data ?? null);
    });
    const saved = await vault.session();
    if (saved) {
      try {
        await session.resumeSession(saved);
        return (writer = new Agent(session));
      } catch {
        await vault.saveSession(null);
      }
    }
    const password = await vault.appPassword();
    if (!password) throw new Error('Add an app password for this account to unfollow or follow from Twoway.');
    await session.login({ identifier: account.did, password });
    return (writer = new Agent(session));
  }

  return {
    requests: fetch.requests,
    async profile() {
      const { data } = await appview.app.bsky.actor.getProfile({ actor: account.did });
      return {
        ...person(data),
        followers: data.followersCount ?? 0,
        following: data.followsCount ?? 0,
        posts: data.postsCount,
      };
    },
    async followersPage(cursor) {
      const { data } = await appview.app.bsky.graph.getFollowers({
        actor: account.did,
        limit: pageSize,
        cursor: cursor ?? undefined,
      });
      return { items: data.followers.map(person), cursor: data.cursor ?? null };
    },
    async followingPage(cursor) {
      const { data } = await pds.com.atproto.repo.listRecords({
        repo: account.did,
        collection: followCollection,
        limit: pageSize,
        cursor: cursor ?? undefined,
      });
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
        const { data } = await appview.app.bsky.actor.getProfiles({ actors: ids.slice(i, i + 25) });
        found.push(...data.profiles.map(person));
      }
      return found;
    },
    async relationship(other) {
      const { data } = await appview.app.bsky.graph.getRelationships({ actor: account.did, others: [other.id] });
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
