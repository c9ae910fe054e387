// Search, sort and one window of a long list of people: the renderer shows 100k rows a window at a time.
import type { Person } from '../../shared/network.ts';
import { personLabel } from '../../shared/xPeople.ts';

export interface Window<T> {
  total: number;
  rows: T[];
}

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

export function windowOf<T>(rows: T[], offset: number, limit: number): Window<T> {
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}
