// What a write, or the check right before it, changes at once in an account: lists, events and the balance.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import { countsDisagreement } from '../../src/shared/countCheck.ts';
import type { AccountData, Followed, Person } from '../../src/shared/people.ts';
import { emptyAccountData } from '../../src/main/services/balance/accountData.ts';
import { byId, mutualCount, notFollowingBack } from '../../src/main/core/balance/followGraph.ts';
import { withLearned } from '../../src/main/core/balance/learnedRelationship.ts';

const now = Date.UTC(2026, 2, 14, 12);
const person = (n: number): Person => ({ id: `p${String(n).padStart(3, '0')}`, handle: `p${n}.test`, displayName: '' });
const follow = (n: number): Followed => ({ ...person(n), followedAt: now - 10 * DAY, ref: `rec${n}` });

/** 203 followers, 243 follows: 200 mutuals, 43 who do not follow back, 3 followers not followed back. */
function synced(): AccountData {
  const followers = Array.from({ length: 203 }, (_, i) => person(i)).sort(byId);
  const following = [
    ...Array.from({ length: 200 }, (_, i) => follow(i)),
    ...Array.from({ length: 43 }, (_, i) => follow(300 + i)),
  ].sort(byId);
  const counts = { at: now - DAY, followers: 203, following: 243, mutuals: mutualCount({ followers, following }) };
  return { ...emptyAccountData(), followers, following, history: [counts], syncedAt: now - DAY };
}

describe('the account right after a write', () => {
  it('an unfollow: one fewer following, the same followers, a point marked as the writes’ estimate', () => {
    const data = withLearned(synced(), { person: person(300), youFollow: false }, now);
    expect(data.history.at(-1)).toEqual({ at: now, followers: 203, following: 242, mutuals: 200, source: 'write' });
    expect(data.following.some((f) => f.id === 'p300')).toBe(false);
    expect(notFollowingBack(data, new Set(), now, 3)).toHaveLength(42);
    expect(data.events).toEqual([{ at: now, type: 'unfollowed', person: person(300) }]);
  });

  it('a run of writes keeps one estimate after the sync, moved on with each write', () => {
    let data = synced();
    for (let i = 0; i < 3; i++) data = withLearned(data, { person: person(300 + i), youFollow: false }, now + i * 3000);
    expect(data.history).toHaveLength(2);
    expect(data.history.at(-1)).toMatchObject({ at: now + 6000, following: 240, followers: 203, source: 'write' });
    expect(data.history[0]).toEqual(synced().history[0]);
  });

  it('someone who followed back meanwhile becomes a follower and a mutual, and leaves the list', () => {
    const before = synced();
    const data = withLearned(before, { person: person(301), followsYou: true, youFollow: true }, now);
    expect(data.history.at(-1)).toMatchObject({ followers: 204, following: 243, mutuals: 201, source: 'write' });
    expect(data.followers.map((p) => p.id)).toContain('p301');
    expect(data.followers).toEqual([...data.followers].sort(byId));
    expect(notFollowingBack(data, new Set(), now, 3).map((r) => r.person.id)).not.toContain('p301');
    expect(data.events).toEqual([{ at: now, type: 'gained-follower', person: person(301) }]);
  });

  it('a follow back: one more following and mutual; a network without follow dates gets the moment of the write', () => {
    const fan = person(202);
    const data = withLearned(
      synced(),
      { person: fan, followsYou: true, youFollow: true, followed: { ...fan, followedAt: Number.NaN, ref: null } },
      now,
    );
    expect(data.history.at(-1)).toMatchObject({ followers: 203, following: 244, mutuals: 201 });
    expect(data.following.find((f) => f.id === fan.id)).toMatchObject({ followedAt: now, ref: null });
    expect(data.events.map((e) => e.type)).toEqual(['followed']);
  });

  it('a check that says what was known already changes nothing', () => {
    const before = synced();
    expect(withLearned(before, { person: person(1), followsYou: true, youFollow: true }, now)).toBe(before);
    expect(withLearned(before, { person: person(300), followsYou: false, youFollow: true }, now)).toBe(before);
  });

  it('keeps the profile’s server of a follower who was known as a follow', () => {
    const before = synced();
    const far = { ...follow(999), profileHost: 'far.example' };
    const data = withLearned(
      { ...before, following: [...before.following, far].sort(byId) },
      { person: person(999), followsYou: true },
      now,
    );
    expect(data.followers.find((p) => p.id === far.id)).toEqual({ ...person(999), profileHost: 'far.example' });
  });
});

describe('the sync after the writes', () => {
  const estimate = withLearned(synced(), { person: person(300), youFollow: false }, now).history;
  const sync = (following: number) => [...estimate, { at: now + DAY, followers: 203, following, mutuals: 200 }];

  it('says when the network counts other follows than Twoway expected', () => {
    expect(countsDisagreement(sync(243), 'bluesky', 'en-GB')).toBe(
      'Bluesky counts 243 following; Twoway expected 242.',
    );
    expect(countsDisagreement(sync(242), 'bluesky', 'en-GB')).toBeNull();
  });

  it('says nothing before that sync, or once another sync has counted', () => {
    expect(countsDisagreement(estimate, 'mastodon', 'en-GB')).toBeNull();
    expect(
      countsDisagreement(
        [...sync(243), { at: now + 2 * DAY, followers: 203, following: 243, mutuals: 200 }],
        'mastodon',
        'en-GB',
      ),
    ).toBeNull();
  });
});
