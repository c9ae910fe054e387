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
export const accountDataSchema = z.object({
  followers: z.array(person),
  following: z.array(person.extend({ followedAt: z.number(), ref: z.string().nullable() })),
  history: z.array(
    z.object({
      at: z.number(),
      followers: z.number(),
      following: z.number(),
      mutuals: z.number(),
      posts: z.number().optional(),
    }),
  ),
  events: z.array(
    z.object({ at: z.number(), type: z.enum(['gained-follower', 'lost-follower', 'followed', 'unfollowed']), person }),
  ),
  heads: z.object({ followers: z.array(z.string()), following: z.array(z.string()) }),
  keep: z.array(z.string()),
  syncedAt: z.number().nullable(),
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

export function openAccountData(accountId: string, context: StoreContext): Store<AccountData> {
  return openStore<AccountData>(
    {
      name: `account-${accountId}`,
      version: 3,
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
      },
    },
    context,
  );
}
