// Adds a network account from what the user typed: finds it on its network, proves any password or token
// it was given, keeps secrets in the vault, and starts the first sync.
import { XRPCError } from '@atproto/api';
import type { z } from 'zod';
import type { AccountInput, accountInput } from '../../shared/contract.ts';
import type { AccountBalance } from '../../shared/types.ts';
import type { Clock } from '../core/clock.ts';
import type { Accounts } from './accounts.ts';
import { Failure, invalid } from './failure.ts';
import { connectBluesky } from './networks/connectBluesky.ts';
import { NetworkFailure, resilientFetch } from './networks/resilientFetch.ts';
import type { Scheduler } from './scheduler.ts';
import type { Syncing } from './syncing.ts';

export interface AddAccountDeps {
  accounts: Accounts;
  syncing: Syncing;
  clock: Clock;
  scheduler: Scheduler;
}

type Parsed = z.output<typeof accountInput>;

function explain(error: unknown, input: Parsed): Failure {
  if (error instanceof Failure) return error;
  if (error instanceof NetworkFailure) {
    return new Failure(
      'unavailable',
      `Could not reach ${input.network === 'bluesky' ? input.appviewUrl : 'the server'}: ${error.message}.`,
    );
  }
  if (error instanceof XRPCError) {
    if (error.status === 401 || /password/i.test(error.message)) {
      return invalid({ appPassword: 'Bluesky refused this app password. Create one under Settings → App passwords.' });
    }
    if (error.status === 400) return invalid({ handle: `No Bluesky account is called ${input.handle}.` });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Failure('unavailable', `The account could not be added: ${message}`);
}

export async function addAccount(input: AccountInput, deps: AddAccountDeps): Promise<AccountBalance> {
  const parsed = input as Parsed;
  const fetch = resilientFetch({ clock: deps.clock, scheduler: deps.scheduler, timeoutMs: 15_000 });
  try {
    if (parsed.network !== 'bluesky')
      throw new Failure('unavailable', `Adding ${parsed.network} accounts is not available yet.`);
    const { account, session } = await connectBluesky(parsed, fetch);
    await deps.accounts.save(account, { password: parsed.appPassword, session });
    void deps.syncing.sync(account.id);
    return deps.accounts.balances().find((b) => b.account.id === account.id)!;
  } catch (error) {
    throw explain(error, parsed);
  }
}
