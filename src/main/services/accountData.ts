// One file per network account: its follower lists, follow dates, count history, events and keep-list.
// Written once per completed sync, so a partial scan never reaches it.
import { z } from 'zod';
import type { AccountData } from '../../shared/network.ts';
import { byId } from '../core/followGraph.ts';
import { openStore, type Store, type StoreContext } from './store.ts';

const person = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  profileHost: z.string().optional(),
});
const ghost = z.object({
  reason: z.enum(['deleted', 'deactivated', 'suspended', 'blocks-you', 'moved']),
  movedTo: z.string().optional(),
});
export const accountDataSchema = z.object({
  followers: z.array(person),
  following: z.array(person.extend({ followedAt: z.number(), ref: z.string().nullable(), ghost: ghost.optional() })),
  history: z.array(
    z.object({
      at: z.number(),
      followers: z.number(),
      following: z.number(),
      mutuals: z.number(),
      posts: z.number().optional(),
      source: z.literal('write').optional(),
    }),
  ),
  events: z.array(
    z.object({ at: z.number(), type: z.enum(['gained-follower', 'lost-follower', 'followed', 'unfollowed']), person }),
  ),
  heads: z.object({ followers: z.array(z.string()), following: z.array(z.string()) }),
  keep: z.array(z.string()),
  syncedAt: z.number().nullable(),
  scannedAt: z.number().optional(),
});

export const emptyAccountData = (): AccountData => ({
  followers: [],
  following: [],
  history: [],
  events: [],
  heads: { followers: [], following: [] },
  keep: [],
  syncedAt: null,
});

/**
 * Version 4: an earlier Twoway saved people as a server sent them. A name or handle that is not text becomes
 * none, and an entry without an id (nothing could match it) goes, so the file opens instead of being put aside.
 */
function repaired(old: unknown): unknown {
  if (old === null || typeof old !== 'object') return old;
  const data = old as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const person = (p: Record<string, unknown>) => ({ ...p, handle: text(p.handle), displayName: text(p.displayName) });
  const identified = (p: unknown): p is Record<string, unknown> =>
    p !== null && typeof p === 'object' && typeof (p as { id?: unknown }).id === 'string';
  const people = (list: unknown) => (Array.isArray(list) ? list.filter(identified).map(person) : list);
  const events = Array.isArray(data.events)
    ? data.events.flatMap((e: { person?: unknown }) =>
        identified(e?.person) ? [{ ...e, person: person(e.person) }] : [],
      )
    : data.events;
  return { ...data, followers: people(data.followers), following: people(data.following), events };
}

export function openAccountData(accountId: string, context: StoreContext): Store<AccountData> {
  return openStore<AccountData>(
    {
      name: `account-${accountId}`,
      version: 4,
      schema: accountDataSchema,
      initial: emptyAccountData,
      migrations: {
        // Version 1 kept only the count history.
        2: (history) => ({ ...emptyAccountData(), history }),
        // Version 3 keeps the lists sorted by id, and the first page's ids for the cheap check.
        3: (old) => {
          const data = old as AccountData;
          return {
            ...data,
            followers: [...data.followers].sort(byId),
            following: [...data.following].sort(byId),
            heads: { followers: [], following: [] },
          };
        },
        4: repaired,
      },
    },
    context,
  );
}
