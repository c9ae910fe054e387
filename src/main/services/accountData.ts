// One file per network account: its follower lists, follow dates, count history, events and keep-list.
// Written once per completed sync, so a partial scan never reaches it.
import { z } from 'zod';
import type { AccountData } from '../../shared/network.ts';
import { openStore, type Store, type StoreContext } from './store.ts';

const person = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });
const schema = z.object({
  followers: z.array(person),
  following: z.array(person.extend({ followedAt: z.number(), ref: z.string().nullable() })),
  history: z.array(z.object({ at: z.number(), followers: z.number(), following: z.number(), mutuals: z.number() })),
  events: z.array(
    z.object({ at: z.number(), type: z.enum(['gained-follower', 'lost-follower', 'followed', 'unfollowed']), person }),
  ),
  keep: z.array(z.string()),
  syncedAt: z.number().nullable(),
});

export const emptyAccountData = (): AccountData => ({
  followers: [],
  following: [],
  history: [],
  events: [],
  keep: [],
  syncedAt: null,
});

export function openAccountData(accountId: string, context: StoreContext): Store<AccountData> {
  return openStore<AccountData>(
    {
      name: `account-${accountId}`,
      version: 2,
      schema,
      initial: emptyAccountData,
      // Version 1 kept only the count history.
      migrations: { 2: (history) => ({ ...emptyAccountData(), history }) },
    },
    context,
  );
}
