import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import { noInteractions } from '../../src/shared/personDetails.ts';
import {
  inFilter,
  inOnly,
  pickedShown,
  sortedRows,
  type ListedPerson,
  type ListFilter,
  type ListOnly,
} from '../../src/main/core/balance/peopleQuery.ts';

const now = Date.UTC(2026, 10, 25, 12);
type Known = Partial<Pick<ListedPerson, 'lastPostAt' | 'followersCount' | 'detailsAt' | 'interactions'>>;
const row = (
  id: string,
  handle: string,
  followedAt: number,
  state: 'due' | 'waiting' | 'kept' = 'due',
  known: Known = {},
): ListedPerson => ({
  person: { id, handle, displayName: id.toUpperCase() },
  followedAt,
  days: 0,
  due: state !== 'waiting',
  kept: state === 'kept',
  lastPostAt: null,
  followersCount: null,
  detailsAt: null,
  interactions: noInteractions,
  ...known,
});
const key = (r: ListedPerson) => r.person.id;
const read = now - DAY;
const talked = { ...noInteractions, theyMentioned: 2, youAnswered: 1, lastAt: now - 3 * DAY };

describe('who is not following back, as the list shows them', () => {
  const rows = [
    row('b', 'zed.bsky.social', 300, 'due', { detailsAt: read, lastPostAt: now - 200 * DAY, followersCount: 40 }),
    row('a', '@Ana@mastodon.social', 100, 'waiting', {
      detailsAt: read,
      lastPostAt: now - 2 * DAY,
      interactions: talked,
    }),
    row('c', 'ben10.bsky.social', 200, 'kept', { detailsAt: read, lastPostAt: null, followersCount: 9000 }),
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

  it('sorts the longest silent first (never posted before all), and by followers either way; the unknown last', () => {
    expect(sortedRows(rows, 'inactive').map(key)).toEqual(['c', 'b', 'a', 'd']);
    expect(sortedRows(rows, 'most-followers').map(key)).toEqual(['c', 'b', 'a', 'd']);
    expect(sortedRows(rows, 'fewest-followers').map(key)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('filters: due leaves out the kept, waiting is inside the grace period', () => {
    expect(rows.filter((r) => inFilter(r, 'due')).map(key)).toEqual(['b', 'd']);
    expect(rows.filter((r) => inFilter(r, 'waiting')).map(key)).toEqual(['a']);
    expect(rows.filter((r) => inFilter(r, 'kept')).map(key)).toEqual(['c']);
    expect(rows.filter((r) => inFilter(r, 'all'))).toHaveLength(4);
  });

  it('narrows to those never in touch with you, or silent three months; an unread profile is not called silent', () => {
    const only = (narrow: ListOnly) => rows.filter((r) => inOnly(r, narrow, now)).map(key);
    expect(only('never-interacted')).toEqual(['b', 'c', 'd']);
    expect(only('inactive')).toEqual(['b', 'c']);
    expect(only('anyone')).toEqual(['b', 'a', 'c', 'd']);
    const edge = row('e', 'e.test', 0, 'due', { detailsAt: read, lastPostAt: now - 90 * DAY });
    expect(inOnly(edge, 'inactive', now)).toBe(true);
    expect(inOnly({ ...edge, lastPostAt: now - 89 * DAY }, 'inactive', now)).toBe(false);
  });

  it('says of the people picked how many show and what hides the others', () => {
    const picked = new Set(['a', 'b', 'd', 'gone-meanwhile']);
    const fits = (filter: ListFilter, only: ListOnly) => (r: ListedPerson) =>
      inFilter(r, filter) && inOnly(r, only, now);
    const counts = (search: string, filter: ListFilter, only: ListOnly) =>
      pickedShown(rows, picked, key, search, fits(filter, only));
    const none = { hiddenBySearch: 0, hiddenByFilter: 0, onOtherList: 0, gone: 1 };
    expect(counts('', 'all', 'anyone')).toEqual({ ...none, shown: 3 });
    expect(counts('ben', 'all', 'anyone')).toEqual({ ...none, shown: 1, hiddenBySearch: 2 });
    // Hidden by both: the filter is named, as changing the search alone would not show them.
    expect(counts('ben', 'due', 'anyone')).toEqual({ ...none, shown: 1, hiddenBySearch: 1, hiddenByFilter: 1 });
    expect(counts('', 'all', 'inactive')).toEqual({ ...none, shown: 1, hiddenByFilter: 2 });
  });

  it('names the picked who are on the other list of follows apart from those gone from every list', () => {
    const picked = new Set(['a', 'ghost', 'gone-meanwhile']);
    expect(pickedShown(rows, picked, key, '', () => true, new Set(['ghost']))).toEqual({
      shown: 1,
      hiddenBySearch: 0,
      hiddenByFilter: 0,
      onOtherList: 1,
      gone: 1,
    });
  });
});
