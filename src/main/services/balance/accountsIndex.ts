// The index of the user's network accounts (accounts.json): how to reach each, under an id Twoway made.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Account } from '../../../shared/types.ts';
import { accountIdPattern, safeAccountId } from '../../core/balance/accountIds.ts';
import { openStore, type StoreContext } from '../store.ts';

const connection = z.discriminatedUnion('network', [
  z.object({ network: z.literal('bluesky'), did: z.string(), appviewUrl: z.string(), pdsUrl: z.string() }),
  z.object({ network: z.literal('mastodon'), instanceUrl: z.string(), accountId: z.string() }),
  z.object({ network: z.literal('x'), userId: z.string().nullable(), apiUrl: z.string() }),
  z.object({ network: z.literal('demo') }),
]);
export const accountSchema = z.object({
  id: z.string().regex(accountIdPattern),
  network: z.enum(['bluesky', 'mastodon', 'x']),
  handle: z.string(),
  displayName: z.string(),
  connection,
});

type Saved = Parameters<typeof safeAccountId>[0] & { handle?: unknown; displayName?: unknown };

/**
 * Version 3: an earlier Twoway took a server's string into an account id, which names a file; such an id gets one
 * of Twoway's own (what it was is told in `renamed`), and a name that was not text becomes no name.
 */
function safeIds(old: unknown, renamed: Map<string, string>): unknown {
  if (!Array.isArray(old)) return old;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const taken = new Set(old.map((a: Saved | null) => a?.id));
  return (old as (Saved | null)[]).map((account) => {
    if (account === null || typeof account !== 'object') return account;
    const named = { ...account, handle: text(account.handle), displayName: text(account.displayName) };
    if (typeof account.id !== 'string' || accountIdPattern.test(account.id)) return named;
    const unknown = { ...account, connection: { network: 'demo' } };
    let id = safeAccountId(typeof account.connection === 'object' && account.connection ? account : unknown);
    if (taken.has(id)) id = safeAccountId(unknown);
    taken.add(id);
    renamed.set(account.id, id);
    return { ...named, id };
  });
}

/** The index, and the accounts whose ids an earlier Twoway took from a server, renamed as it opened: old → new. */
export function openAccountsIndex(context: StoreContext) {
  const renamed = new Map<string, string>();
  const index = openStore(
    {
      name: 'accounts',
      version: 3,
      schema: z.array(accountSchema),
      initial: (): Account[] => [],
      migrations: {
        // Version 1 accounts were sample accounts without a connection.
        2: (old) => (old as Omit<Account, 'connection'>[]).map((a) => ({ ...a, connection: { network: 'demo' } })),
        3: (old) => safeIds(old, renamed),
      },
    },
    context,
  );
  // A renamed account's file (in either format) follows it where it lay inside the data folder; one outside is
  // never touched.
  for (const [from, to] of renamed) {
    for (const extension of ['.bin', '.json']) {
      const file = path.join(context.dataDir, `account-${from}${extension}`);
      if (path.dirname(file) !== path.join(context.dataDir) || !fs.existsSync(file)) continue;
      try {
        fs.renameSync(file, path.join(context.dataDir, `account-${to}${extension}`));
      } catch {
        // A read-only folder keeps it where it is: the account starts afresh and its next sync fills it.
      }
    }
  }
  return { index, renamed };
}
