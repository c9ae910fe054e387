// One account's sync: a cheap check first (profile counts and the first page of each list), a full scan
// only when something changed, and a result the caller commits in one write — a failed or partial scan
// returns nothing, so no known account is ever dropped.
import type { Followed, Person } from '../../shared/network.ts';
import type { SyncProgress } from '../../shared/types.ts';
import { scanned } from '../core/followGraph.ts';
import type { AccountData } from '../../shared/network.ts';
import type { Page, NetworkProvider } from './networks/provider.ts';
import { NetworkFailure } from './networks/resilientFetch.ts';

export interface SyncOptions {
  now: number;
  signal: AbortSignal;
  /** Skip the cheap check, e.g. when the user asks for a full rescan. */
  full?: boolean;
  onProgress: (progress: Omit<SyncProgress, 'accountId'>) => void;
}

export interface SyncResult {
  data: AccountData;
  /** True when the cheap check found nothing changed and the lists were not rescanned. */
  unchanged: boolean;
  requests: number;
}

const sameIds = (page: readonly Person[], ids: readonly string[]) =>
  page.length === ids.length && page.every((p, i) => p.id === ids[i]);

async function allPages<T extends { id: string }>(
  first: Page<T>,
  next: (cursor: string) => Promise<Page<T>>,
  signal: AbortSignal,
  onPage: (count: number) => void,
): Promise<T[]> {
  const items = new Map<string, T>();
  const cursors = new Set<string>();
  let page = first;
  for (;;) {
    const before = items.size;
    for (const item of page.items) if (!items.has(item.id)) items.set(item.id, item);
    onPage(items.size);
    // A server that hands back a cursor or a page it already gave would make this loop forever.
    const repeated = page.items.length > 0 && items.size === before;
    if (repeated || (page.cursor !== null && cursors.has(page.cursor))) {
      throw new NetworkFailure('bad-response', 'The server repeated a page; the sync stopped rather than loop.');
    }
    if (page.cursor === null) return [...items.values()];
    if (signal.aborted) throw new NetworkFailure('cancelled', 'Cancelled.');
    cursors.add(page.cursor);
    page = await next(page.cursor);
  }
}

/** Names for follows that came without them: from what we already know, else asked of the network. */
async function named(
  following: Followed[],
  known: Map<string, Person>,
  provider: NetworkProvider,
): Promise<Followed[]> {
  const missing = following.filter((f) => !f.handle && !known.has(f.id)).map((f) => f.id);
  if (missing.length > 0 && provider.people) for (const p of await provider.people(missing)) known.set(p.id, p);
  return following.map((f) => {
    if (f.handle) return f;
    const person = known.get(f.id);
    // An account gone since it was followed keeps its id as its name, so it can still be unfollowed.
    return { ...f, handle: person?.handle ?? f.id, displayName: person?.displayName ?? '' };
  });
}

export async function syncAccount(
  provider: NetworkProvider,
  previous: AccountData,
  options: SyncOptions,
): Promise<SyncResult> {
  const { now, signal, onProgress } = options;
  const before = provider.requests();
  onProgress({ phase: 'checking', done: 0, total: 1 });
  const profile = await provider.profile();
  const firstFollowers = await provider.followersPage(null);
  const firstFollowing = await provider.followingPage(null);
  const latest = previous.history.at(-1);

  const unchanged =
    !options.full &&
    previous.syncedAt !== null &&
    latest !== undefined &&
    latest.followers === profile.followers &&
    latest.following === profile.following &&
    sameIds(firstFollowers.items, previous.heads.followers) &&
    sameIds(firstFollowing.items, previous.heads.following);
  if (unchanged) {
    const snapshot = { ...latest!, at: now, ...(profile.posts === undefined ? {} : { posts: profile.posts }) };
    const data = { ...previous, syncedAt: now, history: [...previous.history, snapshot] };
    return { data, unchanged: true, requests: provider.requests() - before };
  }

  const total = Math.max(1, profile.followers + profile.following);
  let followersSoFar = 0;
  let followingSoFar = 0;
  const report = () => onProgress({ phase: 'scanning', done: Math.min(total, followersSoFar + followingSoFar), total });
  const followers = await allPages(
    firstFollowers,
    (c) => provider.followersPage(c),
    signal,
    (n) => {
      followersSoFar = n;
      report();
    },
  );
  const scannedFollowing = await allPages(
    firstFollowing,
    (c) => provider.followingPage(c),
    signal,
    (n) => {
      followingSoFar = n;
      report();
    },
  );
  onProgress({ phase: 'naming', done: total, total });
  const known = new Map<string, Person>(
    [...previous.following, ...previous.followers, ...followers].map((p) => [p.id, p]),
  );
  const following = await named(scannedFollowing, known, provider);
  const heads = { followers: firstFollowers.items.map((p) => p.id), following: firstFollowing.items.map((p) => p.id) };
  const data = scanned(previous, { followers, following, heads, posts: profile.posts }, now);
  return { data, unchanged: false, requests: provider.requests() - before };
}
