// One account's sync: a cheap check first (profile counts and the first page of each list), a full scan
// when something changed or the last one is a day old, and a result the caller commits in one write — a failed
// or partial scan returns nothing, so no known account is ever dropped. Each full scan also looks for ghost
// follows: accounts followed that are gone, moved or blocking the user, which the cheap check cannot see.
import type { Followed, Person } from '../../../shared/people.ts';
import { DAY } from '../../../shared/calendar.ts';
import type { SyncProgress } from '../../../shared/types.ts';
import { scanned, unansweredFollows } from '../../core/balance/followGraph.ts';
import { withGhosts } from '../../core/balance/ghostFollows.ts';
import type { AccountData } from '../../../shared/people.ts';
import type { Page } from '../networks/page.ts';
import type { NetworkProvider } from '../networks/provider.ts';
import { NetworkFailure } from '../networks/resilientFetch.ts';

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
  /** Entries the network sent that could not be read and were left out. */
  unreadable: number;
}

const sameIds = (page: readonly Person[], ids: readonly string[]) =>
  page.length === ids.length && page.every((p, i) => p.id === ids[i]);

/**
 * A scan may read twice the pages the profile's count needs, and ten more, before it is taken for a server that
 * pages on without end; the first page's length is the page size (servers cap it below what was asked).
 */
export const pageBudget = (count: number, firstPageLength: number) =>
  2 * Math.ceil(count / Math.max(1, firstPageLength)) + 10;

async function allPages<T extends { id: string }>(
  list: { name: string; count: number },
  first: Page<T>,
  next: (cursor: string) => Promise<Page<T>>,
  signal: AbortSignal,
  onPage: (count: number, unreadable: number) => void,
): Promise<T[]> {
  const items = new Map<string, T>();
  const cursors = new Set<string>();
  const budget = pageBudget(list.count, first.items.length + (first.unreadable ?? 0));
  let page = first;
  for (let pages = 1; ; pages++) {
    const before = items.size;
    for (const item of page.items) if (!items.has(item.id)) items.set(item.id, item);
    onPage(items.size, page.unreadable ?? 0);
    // A server that hands back a cursor or a page it already gave would make this loop forever.
    const repeated = page.items.length > 0 && items.size === before;
    if (repeated || (page.cursor !== null && cursors.has(page.cursor))) {
      throw new NetworkFailure('bad-response', 'The server repeated a page; the sync stopped rather than loop.');
    }
    if (page.cursor === null) return [...items.values()];
    if (pages >= budget) {
      throw new NetworkFailure(
        'bad-response',
        `The server kept sending pages of ${list.name} far past the ${list.count} its profile counts (${pages} pages); the sync stopped there.`,
      );
    }
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

  // An account deleted or deactivated changes neither count nor first page: a day on, the lists are read again.
  const scannedToday = previous.scannedAt !== undefined && now - previous.scannedAt < DAY;
  const unchanged =
    !options.full &&
    scannedToday &&
    previous.syncedAt !== null &&
    latest !== undefined &&
    latest.followers === profile.followers &&
    latest.following === profile.following &&
    sameIds(firstFollowers.items, previous.heads.followers) &&
    sameIds(firstFollowing.items, previous.heads.following);
  if (unchanged) {
    const snapshot = { ...latest!, at: now, ...(profile.posts === undefined ? {} : { posts: profile.posts }) };
    // The network counts the same as Twoway's estimate after its writes: the count is the network's now.
    delete snapshot.source;
    const data = { ...previous, syncedAt: now, history: [...previous.history, snapshot] };
    const unreadable = (firstFollowers.unreadable ?? 0) + (firstFollowing.unreadable ?? 0);
    return { data, unchanged: true, requests: provider.requests() - before, unreadable };
  }

  const total = Math.max(1, profile.followers + profile.following);
  let followersSoFar = 0;
  let followingSoFar = 0;
  let unreadable = 0;
  const report = () => onProgress({ phase: 'scanning', done: Math.min(total, followersSoFar + followingSoFar), total });
  const followers = await allPages(
    { name: 'followers', count: profile.followers },
    firstFollowers,
    (c) => provider.followersPage(c),
    signal,
    (n, left) => {
      followersSoFar = n;
      unreadable += left;
      report();
    },
  );
  const scannedFollowing = await allPages(
    { name: 'follows', count: profile.following },
    firstFollowing,
    (c) => provider.followingPage(c),
    signal,
    (n, left) => {
      followingSoFar = n;
      unreadable += left;
      report();
    },
  );
  onProgress({ phase: 'naming', done: total, total });
  // An id standing in for a name (an account that was gone) is asked about again: it may be back.
  const known = new Map<string, Person>(
    [...previous.following, ...previous.followers, ...followers]
      .filter((p) => p.handle !== '' && p.handle !== p.id)
      .map((p) => [p.id, p]),
  );
  const following = await named(scannedFollowing, known, provider);
  const heads = { followers: firstFollowers.items.map((p) => p.id), following: firstFollowing.items.map((p) => p.id) };
  const scan = scanned(previous, { followers, following, heads, posts: profile.posts }, now);
  const ghosts = provider.ghosts && (await provider.ghosts(unansweredFollows(scan)));
  const data = ghosts ? { ...scan, following: withGhosts(scan.following, ghosts) } : scan;
  return { data, unchanged: false, requests: provider.requests() - before, unreadable };
}
