// Who follows whom, as set differences over ids. Sets make each question linear in the list sizes.
import type { AccountData, Followed, NetworkEvent, NotFollowingBack, Person } from '../../shared/network.ts';
import { DAY } from './calendar.ts';

export interface Graph {
  followers: readonly Person[];
  following: readonly Followed[];
}

export function mutualCount({ followers, following }: Graph): number {
  const followerIds = new Set(followers.map((p) => p.id));
  let count = 0;
  for (const person of following) if (followerIds.has(person.id)) count++;
  return count;
}

/** People you follow who do not follow you, with the grace clock; oldest follows first. */
export function notFollowingBack(
  { followers, following }: Graph,
  keep: ReadonlySet<string>,
  now: number,
  graceDays: number,
): NotFollowingBack[] {
  const followerIds = new Set(followers.map((p) => p.id));
  const rows: NotFollowingBack[] = [];
  for (const followed of following) {
    if (followerIds.has(followed.id)) continue;
    const { followedAt } = followed;
    const person = strip(followed);
    const age = Math.max(0, now - followedAt);
    rows.push({
      person,
      followedAt,
      days: Math.floor(age / DAY),
      due: age >= graceDays * DAY,
      kept: keep.has(person.id),
    });
  }
  return rows.sort((a, b) => a.followedAt - b.followedAt);
}

/** Followers you do not follow: the follow-back suggestions. */
export function notFollowedBack({ followers, following }: Graph): Person[] {
  const followingIds = new Set(following.map((p) => p.id));
  return followers.filter((person) => !followingIds.has(person.id));
}

/** What changed between two complete scans, each change dated at the scan that saw it. */
export function changes(before: Graph, after: Graph, at: number): NetworkEvent[] {
  const events: NetworkEvent[] = [];
  const diff = (
    old: readonly Person[],
    next: readonly Person[],
    added: NetworkEvent['type'],
    removed: NetworkEvent['type'],
  ) => {
    const oldIds = new Set(old.map((p) => p.id));
    const nextIds = new Set(next.map((p) => p.id));
    for (const person of next) if (!oldIds.has(person.id)) events.push({ at, type: added, person: strip(person) });
    for (const person of old) if (!nextIds.has(person.id)) events.push({ at, type: removed, person: strip(person) });
  };
  diff(before.followers, after.followers, 'gained-follower', 'lost-follower');
  diff(before.following, after.following, 'followed', 'unfollowed');
  return events;
}

function strip({ id, handle, displayName }: Person): Person {
  return { id, handle, displayName };
}

/**
 * Follow dates for a fresh scan. Where the network gives none (`followedAt` NaN), the date is when Twoway
 * first saw the follow: kept from the last scan, or the scan's own time for a new one.
 */
export function datedFollows(previous: readonly Followed[], scanned: readonly Followed[], at: number): Followed[] {
  const known = new Map(previous.map((p) => [p.id, p.followedAt]));
  return scanned.map((p) => (Number.isNaN(p.followedAt) ? { ...p, followedAt: known.get(p.id) ?? at } : p));
}

/** A completed scan applied to what was known: follow dates carried over, changes recorded, counts snapshotted. */
export function scanned(previous: AccountData, followers: Person[], following: Followed[], at: number): AccountData {
  const dated = datedFollows(previous.following, following, at);
  const graph = { followers, following: dated };
  // The first scan finds everything at once; those are not changes.
  const events = previous.syncedAt === null ? [] : changes(previous, graph, at);
  return {
    ...previous,
    followers,
    following: dated,
    events: [...previous.events, ...events],
    syncedAt: at,
    history: [
      ...previous.history,
      { at, followers: followers.length, following: dated.length, mutuals: mutualCount(graph) },
    ],
  };
}
