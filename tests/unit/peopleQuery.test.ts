import { describe, expect, it } from 'vitest';
import type { NotFollowingBack } from '../../src/shared/network.ts';
import { inFilter, pickedShown, sortedRows } from '../../src/main/core/peopleQuery.ts';

const row = (id: string, handle: string, followedAt: number, state: 'due' | 'waiting' | 'kept' = 'due') => ({
  person: { id, handle, displayName: id.toUpperCase() },
  followedAt,
  days: 0,
  due: state !== 'waiting',
  kept: state === 'kept',
});
const key = (r: NotFollowingBack) => r.person.id;

describe('who is not following back, as the list shows them', () => {
  const rows = [
    row('b', 'zed.bsky.social', 300),
    row('a', '@Ana@mastodon.social', 100, 'waiting'),
    row('c', 'ben10.bsky.social', 200, 'kept'),
    row('d', 'ben9.bsky.social', 200),
  ];

  it('sorts by the follow, oldest or newest first, with ties in a fixed order', () => {
    expect(sortedRows(rows, 'oldest').map(key)).toEqual(['a', 'c', 'd', 'b']);
    expect(sortedRows(rows, 'newest').map(key)).toEqual(['b', 'c', 'd', 'a']);
    expect(rows.map(key)).toEqual(['b', 'a', 'c', 'd']);
  });

  it("sorts handles by their letters, ignoring the '@' and case, numbers in number order", () => {
    expect(sortedRows(rows, 'handle').map((r) => r.person.handle)).toEqual([
      '@Ana@mastodon.social',
      'ben9.bsky.social',
      'ben10.bsky.social',
      'zed.bsky.social',
    ]);
  });

  it('filters: due leaves out the kept, waiting is inside the grace period', () => {
    expect(rows.filter((r) => inFilter(r, 'due')).map(key)).toEqual(['b', 'd']);
    expect(rows.filter((r) => inFilter(r, 'waiting')).map(key)).toEqual(['a']);
    expect(rows.filter((r) => inFilter(r, 'kept')).map(key)).toEqual(['c']);
    expect(rows.filter((r) => inFilter(r, 'all'))).toHaveLength(4);
  });

  it('says of the people picked how many show and what hides the others', () => {
    const picked = new Set(['a', 'b', 'd', 'gone-meanwhile']);
    expect(pickedShown(rows, picked, key, '', 'all')).toEqual({
      shown: 3,
      hiddenBySearch: 0,
      hiddenByFilter: 0,
      gone: 1,
    });
    expect(pickedShown(rows, picked, key, 'ben', 'all')).toEqual({
      shown: 1,
      hiddenBySearch: 2,
      hiddenByFilter: 0,
      gone: 1,
    });
    // Hidden by both: the filter is named, as changing the search alone would not show them.
    expect(pickedShown(rows, picked, key, 'ben', 'due')).toEqual({
      shown: 1,
      hiddenBySearch: 1,
      hiddenByFilter: 1,
      gone: 1,
    });
  });
});
