// Every reply of a network is read through a schema at the provider's edge, never cast: what is harmless is
// coerced (a number id becomes text, a missing or odd name none), an entry that cannot be read is left out and
// counted, and a reply that is not what it should be stops with a failure that says what was wrong.
import { z } from 'zod';
import { firstIssue } from '../store.ts';
import { NetworkFailure } from './resilientFetch.ts';

/** An id: text, or a whole number some servers send instead (one too large to be exact is refused). */
export const idText = z.preprocess(
  (value) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value),
  z.string().min(1).max(300),
);

/** A name is only shown: anything but text reads as no name, and a very long one is cut. */
export const nameText = z
  .string()
  .catch('')
  .transform((name) => name.slice(0, 500));

/** A count: a whole number, or one written as text. */
export const count = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value),
  z.number().int().nonnegative(),
);

/** The reply as the schema reads it; else a failure naming what it is and the first thing wrong with it. */
export function readReply<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new NetworkFailure('bad-response', `${what} Twoway cannot read (${firstIssue(parsed.error)}).`);
  return parsed.data;
}

/** The entries of a list that the schema reads, and how many it could not. */
export function readEntries<T>(schema: z.ZodType<T>, list: readonly unknown[]): { items: T[]; unreadable: number } {
  const items: T[] = [];
  for (const entry of list) {
    const parsed = schema.safeParse(entry);
    if (parsed.success) items.push(parsed.data);
  }
  return { items, unreadable: list.length - items.length };
}

/** A list of entries where a list belongs; a page that is not a list is malformed as a whole. */
export function listOf(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body)) throw new NetworkFailure('bad-response', `${what} that is not a list.`);
  return body;
}
