// What a follow or unfollow, or the check right before it, told Twoway about one person, applied to the account at
// once: its lists, its events and a count marked as Twoway's own estimate, which the next sync's count replaces.
import type { AccountData, Followed, NetworkEvent, Person } from '../../../shared/people.ts';
import type { CountSnapshot } from '../../../shared/types.ts';
import { withPerson } from './followGraph.ts';

export interface Learned {
  person: Person;
  /** Whether they follow the user now, as the network just said; absent when it was not asked. */
  followsYou?: boolean;
  /** Whether the user follows them now; absent when unknown. */
  youFollow?: boolean;
  /** The follow Twoway just made, with its record and date where the network gives them. */
  followed?: Followed;
}

/** The entry with this id in an id-sorted list, found by halving. */
function entry<T extends Person>(list: readonly T[], id: string): T | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.id < id) low = mid + 1;
    else high = mid;
  }
  return list[low]?.id === id ? list[low] : undefined;
}

function person({ id, handle, displayName, profileHost }: Person): Person {
  return profileHost === undefined ? { id, handle, displayName } : { id, handle, displayName, profileHost };
}

/**
 * The account's data with what was learned applied; the same object when it changes nothing. A run of writes
 * between two syncs keeps one estimate, moved on with each write, so the trend gains one point per run.
 */
export function withLearned(data: AccountData, learned: Learned, at: number): AccountData {
  const { id } = learned.person;
  const follower = entry(data.followers, id);
  const follow = entry(data.following, id);
  const known = person(follow ?? follower ?? learned.person);
  let { followers, following } = data;
  const events: NetworkEvent[] = [];
  const event = (type: NetworkEvent['type']) =>
    events.push({ at, type, person: { id, handle: known.handle, displayName: known.displayName } });

  if (learned.followsYou === true && !follower) {
    followers = withPerson(followers, known);
    event('gained-follower');
  } else if (learned.followsYou === false && follower) {
    followers = followers.filter((p) => p.id !== id);
    event('lost-follower');
  }
  if (learned.youFollow === true && (!follow || learned.followed)) {
    const made = learned.followed ?? { ...known, followedAt: Number.NaN, ref: null };
    // A network that gives no follow date (Mastodon, X) gets the moment Twoway made or saw the follow.
    following = withPerson(following, { ...made, followedAt: Number.isNaN(made.followedAt) ? at : made.followedAt });
    if (!follow) event('followed');
  } else if (learned.youFollow === false && follow) {
    following = following.filter((p) => p.id !== id);
    event('unfollowed');
  }
  if (followers === data.followers && following === data.following) return data;

  const latest = data.history.at(-1);
  const history = latest ? [...data.history.slice(0, latest.source === 'write' ? -1 : undefined)] : [];
  if (latest) {
    const was = { follower: !!follower, follow: !!follow };
    const is = { follower: !!entry(followers, id), follow: !!entry(following, id) };
    const step = (before: boolean, after: boolean) => Number(after) - Number(before);
    const estimate: CountSnapshot = {
      ...latest,
      at,
      followers: latest.followers + step(was.follower, is.follower),
      following: latest.following + step(was.follow, is.follow),
      mutuals: latest.mutuals + step(was.follower && was.follow, is.follower && is.follow),
      source: 'write',
    };
    history.push(estimate);
  }
  return { ...data, followers, following, history, events: [...data.events, ...events] };
}
