// Who follows whom. Both lists are kept sorted by id, so every question (mutuals, who does not follow back,
// what changed) is one merge walk over the two lists: linear, with no hash set of a million strings to build.
import type { AccountData, Followed, NetworkEvent, NotFollowingBack, Person } from '../../../shared/people.ts';
import { DAY } from '../../../shared/calendar.ts';
import { inKeyOrder, type KeyOrder } from './numberOrder.ts';

export interface Graph {
  /** Sorted by id. */
  followers: readonly Person[];
  /** Sorted by id. */
  following: readonly Followed[];
}

export const byId = (a: Person, b: Person) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Walks two id-sorted lists together: `only` gets what is in one list alone, `both` what is in both. */
function merge<A extends Person, B extends Person>(
  a: readonly A[],
  b: readonly B[],
  visit: { onlyA?: (item: A) => void; onlyB?: (item: B) => void; both?: (item: A, other: B) => void },
) {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.id < y.id)) {
      visit.onlyA?.(x!);
      i++;
    } else if (x === undefined || y.id < x.id) {
      visit.onlyB?.(y);
      j++;
    } else {
      visit.both?.(x, y);
      i++;
      j++;
    }
  }
}

function strip({ id, handle, displayName }: Person): Person {
  return { id, handle, displayName };
}

export function mutualCount({ followers, following }: Graph): number {
  let count = 0;
  merge(followers, following, { both: () => count++ });
  return count;
}

/** Follows of people who do not follow you, ghosts included, in id order. */
export function unansweredFollows({ followers, following }: Graph): Followed[] {
  const rows: Followed[] = [];
  merge(followers, following, { onlyB: (followed) => rows.push(followed) });
  return rows;
}

/**
 * The rows of `followingIds` whose people are not among `followerIds` (both sorted), ghosts left out, oldest
 * follow first and equal dates in id order. Ids and dates alone: the people are read for these rows only.
 */
export function notFollowingBackRows(
  followerIds: readonly string[],
  followingIds: readonly string[],
  followedAt: ArrayLike<number>,
  ghosts: ReadonlySet<number> | ReadonlyMap<number, unknown>,
): KeyOrder {
  // The merge walk written out: at a million follows the visitor's calls cost as much as the walk itself.
  const rows = new Uint32Array(followingIds.length);
  const dates = new Float64Array(followingIds.length);
  let found = 0;
  let i = 0;
  let follower = followerIds[0];
  for (let row = 0; row < followingIds.length; row++) {
    const id = followingIds[row]!;
    while (follower !== undefined && follower < id) follower = followerIds[++i];
    if (follower === id || ghosts.has(row)) continue;
    rows[found] = row;
    dates[found++] = followedAt[row]!;
  }
  return inKeyOrder(rows.subarray(0, found), dates.subarray(0, found));
}

/** One row of the list of people not following back, with the grace clock. */
export function notFollowingBackRow(followed: Followed, keep: ReadonlySet<string>, now: number, graceDays: number) {
  const age = Math.max(0, now - followed.followedAt);
  return {
    // The follow itself serves as the person (its extra fields ride along), saving a copy per row.
    person: followed,
    followedAt: followed.followedAt,
    days: Math.floor(age / DAY),
    due: age >= graceDays * DAY,
    kept: keep.has(followed.id),
  };
}

/**
 * Where in `following` the people you follow who do not follow you are: oldest follow first, equal dates in id
 * order. Ghost follows (gone, moved, blocking you) are not among them: they can never follow back, and are listed
 * apart. Indexes alone: a list of half a million is answered without a row object, and a view makes rows only
 * for the window it shows.
 */
export function notFollowingBackOrder({ followers, following }: Graph): KeyOrder {
  // The same walk as notFollowingBackRows, on the objects themselves: copying a million ids first costs more.
  // The follower's id at the walk's place is held, so each step reads one id, not two.
  const rows = new Uint32Array(following.length);
  const dates = new Float64Array(following.length);
  let found = 0;
  let i = 0;
  let follower = followers[0]?.id;
  for (let row = 0; row < following.length; row++) {
    const followed = following[row]!;
    const id = followed.id;
    while (follower !== undefined && follower < id) follower = followers[++i]?.id;
    if (follower === id || followed.ghost) continue;
    rows[found] = row;
    dates[found++] = followed.followedAt;
  }
  return inKeyOrder(rows.subarray(0, found), dates.subarray(0, found));
}

/** People you follow who do not follow you, with the grace clock, as notFollowingBackOrder lists them. */
export function notFollowingBack(
  graph: Graph,
  keep: ReadonlySet<string>,
  now: number,
  graceDays: number,
): NotFollowingBack[] {
  const order = notFollowingBackOrder(graph);
  const found = new Array<NotFollowingBack>(order.length);
  for (let k = 0; k < order.length; k++) {
    found[k] = notFollowingBackRow(graph.following[order.at(k)]!, keep, now, graceDays);
  }
  return found;
}

/** How many would be due now under each of these grace periods (in days): kept people and ghosts never are. */
export function dueCounts(
  graph: Graph,
  keep: ReadonlySet<string>,
  now: number,
  graceDays: readonly number[],
): number[] {
  const counts = graceDays.map(() => 0);
  for (const followed of unansweredFollows(graph)) {
    if (followed.ghost || keep.has(followed.id)) continue;
    const age = Math.max(0, now - followed.followedAt);
    graceDays.forEach((days, i) => {
      if (age >= days * DAY) counts[i]!++;
    });
  }
  return counts;
}

/** Followers you do not follow: the follow-back suggestions. */
export function notFollowedBack({ followers, following }: Graph): Person[] {
  const rows: Person[] = [];
  merge(followers, following, { onlyA: (person) => rows.push(person) });
  return rows;
}

/** What changed between two complete scans, each change dated at the scan that saw it. */
export function changes(before: Graph, after: Graph, at: number): NetworkEvent[] {
  const found: Record<NetworkEvent['type'], NetworkEvent[]> = {
    'gained-follower': [],
    'lost-follower': [],
    followed: [],
    unfollowed: [],
  };
  const event = (type: NetworkEvent['type']) => (person: Person) =>
    found[type].push({ at, type, person: strip(person) });
  merge(after.followers, before.followers, { onlyA: event('gained-follower'), onlyB: event('lost-follower') });
  merge(after.following, before.following, { onlyA: event('followed'), onlyB: event('unfollowed') });
  return [...found['gained-follower'], ...found['lost-follower'], ...found.followed, ...found.unfollowed];
}

/**
 * Follow dates for a fresh scan (both id-sorted). Where the network gives none (`followedAt` NaN), the date is
 * when Twoway first saw the follow: kept from the last scan, or the scan's own time for a new one.
 */
export function datedFollows(previous: readonly Followed[], scanned: readonly Followed[], at: number): Followed[] {
  const dated: Followed[] = [];
  merge(scanned, previous, {
    onlyA: (p) => dated.push(Number.isNaN(p.followedAt) ? { ...p, followedAt: at } : p),
    both: (p, known) => dated.push(Number.isNaN(p.followedAt) ? { ...p, followedAt: known.followedAt } : p),
  });
  return dated;
}

/**
 * A completed scan applied to what was known: lists sorted by id, follow dates carried over, changes
 * recorded, counts snapshotted. `heads` are the first page's ids in the network's order, for the next
 * sync's cheap check.
 */
export function scanned(
  previous: AccountData,
  scan: { followers: Person[]; following: Followed[]; heads: AccountData['heads']; posts?: number | undefined },
  at: number,
): AccountData {
  const followers = [...scan.followers].sort(byId);
  const following = datedFollows(previous.following, [...scan.following].sort(byId), at);
  const graph = { followers, following };
  // The first scan finds everything at once; those are not changes.
  const events = previous.syncedAt === null ? [] : changes(previous, graph, at);
  return {
    ...previous,
    followers,
    following,
    heads: scan.heads,
    events: [...previous.events, ...events],
    syncedAt: at,
    scannedAt: at,
    history: [
      ...previous.history,
      {
        at,
        followers: followers.length,
        following: following.length,
        mutuals: mutualCount(graph),
        ...(scan.posts === undefined ? {} : { posts: scan.posts }),
      },
    ],
  };
}

/** Puts a person into an id-sorted list, replacing any entry with the same id. */
export function withPerson<T extends Person>(list: readonly T[], person: T): T[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.id < person.id) low = mid + 1;
    else high = mid;
  }
  const replace = list[low]?.id === person.id ? 1 : 0;
  return [...list.slice(0, low), person, ...list.slice(low + replace)];
}
