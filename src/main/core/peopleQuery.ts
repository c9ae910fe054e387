// Search, filter, sort and one window of a long list of people: the renderer shows 100k rows a window at a time.
import type { NotFollowingBack, Person } from '../../shared/network.ts';
import { personLabel } from '../../shared/xPeople.ts';

export interface Window<T> {
  total: number;
  rows: T[];
}

export type ListFilter = 'all' | 'due' | 'waiting' | 'kept';
export type ListSort = 'oldest' | 'newest' | 'handle';

/** Matches a search against handle (or "X account <id>") and display name, case and accents ignored. */
export function matcher(search: string): (person: Person) => boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search.trim().replace(/^@/, '')).split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  return (person) => {
    const text = fold(`${personLabel(person)} ${person.displayName}`);
    return words.every((word) => text.includes(word));
  };
}

/** Due means unfollow now; waiting is still inside the grace period; kept and protected people are neither. */
export function inFilter(row: NotFollowingBack & { protected?: boolean }, filter: ListFilter): boolean {
  const held = row.kept || row.protected === true;
  if (filter === 'due') return row.due && !held;
  if (filter === 'waiting') return !row.due && !held;
  if (filter === 'kept') return held;
  return true;
}

// '@ana@host' and 'ana.bsky.social' sort together by their letters, not by the '@'.
const handleKey = (person: Person) => personLabel(person).replace(/^@/, '');
const byHandle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const orders: Record<ListSort, (a: NotFollowingBack, b: NotFollowingBack) => number> = {
  oldest: (a, b) => a.followedAt - b.followedAt,
  newest: (a, b) => b.followedAt - a.followedAt,
  handle: (a, b) => byHandle.compare(handleKey(a.person), handleKey(b.person)),
};

/** A sorted copy; people the order cannot tell apart keep a fixed order (by id), so windows never overlap. */
export function sortedRows<T extends NotFollowingBack>(rows: T[], sort: ListSort): T[] {
  const order = orders[sort];
  return [...rows].sort((a, b) => order(a, b) || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
}

/** Of the people picked, how many the list shows, and why the others are not in view. */
export interface PickedShown {
  shown: number;
  hiddenBySearch: number;
  hiddenByFilter: number;
  /** Picked, but no longer on the list at all (they followed back, or the follow ended). */
  gone: number;
}

export function pickedShown<T extends NotFollowingBack>(
  rows: T[],
  picked: ReadonlySet<string>,
  keyOf: (row: T) => string,
  search: string,
  filter: ListFilter,
): PickedShown {
  const matches = matcher(search);
  const counts: PickedShown = { shown: 0, hiddenBySearch: 0, hiddenByFilter: 0, gone: 0 };
  let listed = 0;
  for (const row of rows) {
    if (!picked.has(keyOf(row))) continue;
    listed++;
    if (!inFilter(row, filter)) counts.hiddenByFilter++;
    else if (!matches(row.person)) counts.hiddenBySearch++;
    else counts.shown++;
  }
  counts.gone = picked.size - listed;
  return counts;
}

export function windowOf<T>(rows: T[], offset: number, limit: number): Window<T> {
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}
