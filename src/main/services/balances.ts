// Known network accounts and their follower counts over time: one small index file, one file per account,
// so writing one account's history never rewrites another's.
import { z } from 'zod';
import type { Account, AccountBalance, CountSnapshot } from '../../shared/types.ts';
import type { EventBus } from './events.ts';
import { openStore, type Store, type StoreContext } from './store.ts';

const accountSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  network: z.enum(['bluesky', 'mastodon', 'x']),
  handle: z.string(),
  displayName: z.string(),
});
const historySchema = z.array(
  z.object({ at: z.number(), followers: z.number(), following: z.number(), mutuals: z.number() }),
);

export function createBalances(context: StoreContext, events: EventBus) {
  const index = openStore({ name: 'accounts', version: 1, schema: z.array(accountSchema), initial: () => [] }, context);
  const histories = new Map<string, Store<CountSnapshot[]>>();

  function historyOf(account: Account): Store<CountSnapshot[]> {
    let store = histories.get(account.id);
    if (!store) {
      store = openStore(
        { name: `account-${account.id}`, version: 1, schema: historySchema, initial: () => [] },
        context,
      );
      histories.set(account.id, store);
    }
    return store;
  }

  const list = (): AccountBalance[] => index.read().map((account) => ({ account, history: historyOf(account).read() }));

  return {
    list,
    isEmpty: () => index.read().length === 0,
    /** Replaces an empty account list wholesale (demo data). */
    seed(balances: AccountBalance[]) {
      for (const { account, history } of balances) historyOf(account).write(history);
      index.write(balances.map((balance) => balance.account));
      events.emit('balancesChanged', list());
    },
  };
}
export type Balances = ReturnType<typeof createBalances>;
