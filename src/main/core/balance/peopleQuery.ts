// Search, filter, sort and one window of a long list of people: the renderer shows 100k rows a window at a time.
import { DAY } from '../../../shared/calendar.ts';
import type { NotFollowingBack, Person } from '../../../shared/people.ts';
import type { PersonFacts } from '../../../shared/personDetails.ts';
import { personLabel } from '../../../shared/xPeople.ts';

export interface Window<T> {
  total: number;
  rows: T[];
}

export type ListFilter = 'all' | 'due' | 'waiting' | 'kept';
export type ListSort = 'oldest' | 'newest' | 'handle' | 'inactive' | 'most-followers' | 'fewest-followers';
/** A second narrowing, by what is known of the person: never in touch with you, or silent for months. */
export type ListOnly = 'anyone' | 'never-interacted' | 'inactive';

/** Someone on a people list, with what the sorts and the narrowing read of them. */
export type ListedPerson = NotFollowingBack & { protected?: boolean } & Pick<
    PersonFacts,
    'lastPostAt' | 'followersCount' | 'detailsAt' | 'interactions'
  >;

/** Silent this long, someone counts as inactive (the rows say 'Inactive 3 months' from here on too). */
export const inactiveAfterDays = 90;

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

/** No post for the inactive stretch, or none ever; unknown while the profile was never read. */
export function isInactive(row: ListedPerson, now: number): boolean {
  if (row.detailsAt === null) return false;
  return row.lastPostAt === null || now - row.lastPostAt >= inactiveAfterDays * DAY;
}

/** Neither of you mentioned or replied to the other, in what the catch-up has read. */
export const neverInteracted = ({ interactions: i }: ListedPerson) => i.theyMentioned + i.youMentioned === 0;

export function inOnly(row: ListedPerson, only: ListOnly, now: number): boolean {
  if (only === 'never-interacted') return neverInteracted(row);
  if (only === 'inactive') return isInactive(row, now);
  return true;
}

// '@ana@host' and 'ana.bsky.social' sort together by their letters, not by the '@'; 'ben9' before 'ben10'.
// Keys are made once per row, so a sort of 100k rows compares plain strings.
const handleKey = (person: Person) =>
  personLabel(person)
    .replace(/^@/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.padStart(12, '0'));

// What is unknown (a profile never read, a count the network keeps to itself) sorts last either way.
const unknownLast = (value: number | null, direction: 1 | -1) => (value === null ? Infinity : direction * value);

/** Each sort as a key per row, smallest first. */
const keys: Record<ListSort, (row: ListedPerson) => number | string> = {
  oldest: (row) => row.followedAt,
  newest: (row) => -row.followedAt,
  handle: (row) => handleKey(row.person),
  // Never posted is the longest silence of all.
  inactive: (row) => (row.detailsAt === null ? Infinity : (row.lastPostAt ?? -Infinity)),
  'most-followers': (row) => unknownLast(row.followersCount, -1),
  'fewest-followers': (row) => unknownLast(row.followersCount, 1),
};

/** A sorted copy; people the order cannot tell apart keep a fixed order (by id), so windows never overlap. */
export function sortedRows<T extends ListedPerson>(rows: T[], sort: ListSort): T[] {
  const keyOf = keys[sort];
  const keyed = rows.map((row) => ({ row, key: keyOf(row), id: row.person.id }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** Of the people picked, how many the list shows, and why the others are not in view. */
export interface PickedShown {
  shown: number;
  hiddenBySearch: number;
  hiddenByFilter: number;
  /** Picked on the other list of follows (Gone or blocking you, or Not following back): never on this one. */
  onOtherList: number;
  /** Picked, but no longer on the list at all (they followed back, or the follow ended). */
  gone: number;
}

export function pickedShown<T extends { person: Person }>(
  rows: T[],
  picked: ReadonlySet<string>,
  keyOf: (row: T) => string,
  search: string,
  /** The list's filters (Show, Only); a row they leave out is hidden by the filter. */
  fits: (row: T) => boolean,
  otherList: ReadonlySet<string> = new Set(),
): PickedShown {
  const matches = matcher(search);
  const counts: PickedShown = { shown: 0, hiddenBySearch: 0, hiddenByFilter: 0, onOtherList: 0, gone: 0 };
  let listed = 0;
  for (const row of rows) {
    if (!picked.has(keyOf(row))) continue;
    listed++;
    if (!fits(row)) counts.hiddenByFilter++;
    else if (!matches(row.person)) counts.hiddenBySearch++;
    else counts.shown++;
  }
  for (const key of picked) if (otherList.has(key)) counts.onOtherList++;
  counts.gone = picked.size - listed - counts.onOtherList;
  return counts;
}

export function windowOf<T>(rows: T[], offset: number, limit: number): Window<T> {
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}
