// Adds a network account from what the user typed: finds it on its network, proves any password or token
// it was given, keeps secrets in the vault, and starts the first sync.
import { XRPCError } from '@atproto/api';
import type { z } from 'zod';
import type { AccountInput, accountInput } from '../../../shared/inputs.ts';
import { normalServiceUrl } from '../../../shared/serviceUrl.ts';
import type { Account, AccountBalance, AppStatus } from '../../../shared/types.ts';
import { xAccountId } from '../../core/balance/accountIds.ts';
import type { Clock } from '../../core/clock.ts';
import type { Accounts } from './accounts.ts';
import { Failure, invalid } from '../failure.ts';
import { connectBluesky } from '../networks/bluesky/signIn.ts';
import { connectMastodon } from '../networks/mastodon/connect.ts';
import { xMe } from '../networks/x/provider.ts';
import { NetworkFailure, resilientFetch, type ResilientFetch } from '../networks/resilientFetch.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Syncing } from './syncRunner.ts';

export interface AddAccountDeps {
  accounts: Accounts;
  syncing: Syncing;
  clock: Clock;
  scheduler: Scheduler;
  /** How secrets are kept; asked only when the account comes with one. */
  secretStorage: () => Promise<AppStatus['secretStorage']>;
}

type Parsed = z.output<typeof accountInput>;

function serverOf(input: Parsed): string {
  if (input.network === 'bluesky') return input.appviewUrl;
  return input.network === 'mastodon' ? input.instanceUrl : input.apiUrl;
}

function explain(error: unknown, input: Parsed): Failure {
  if (error instanceof Failure) return error;
  // An answer that came but could not be used says so itself; only the others are about reaching the server.
  if (error instanceof NetworkFailure && error.reason === 'bad-response') {
    return new Failure('unavailable', `The account could not be added: ${error.message}`);
  }
  if (error instanceof NetworkFailure)
    return new Failure('unavailable', `Could not reach ${serverOf(input)}: ${error.message}.`);
  if (error instanceof XRPCError) {
    if (error.status === 401 || /password/i.test(error.message)) {
      return invalid({ appPassword: 'Bluesky refused this app password. Create one under Settings → App passwords.' });
    }
    if (error.status === 400) return invalid({ handle: `No Bluesky account is called ${input.handle}.` });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Failure('unavailable', `The account could not be added: ${message}`);
}

/** Finds the account on its network and saves it with its secrets; returns it ready to sync. */
async function connect(input: Parsed, fetch: ResilientFetch, accounts: Accounts): Promise<Account> {
  switch (input.network) {
    case 'bluesky': {
      const urls = { appviewUrl: normalServiceUrl(input.appviewUrl), plcUrl: normalServiceUrl(input.plcUrl) };
      const { account, session } = await connectBluesky({ ...input, ...urls }, fetch);
      await accounts.save(account, { password: input.appPassword, session });
      return account;
    }
    case 'mastodon': {
      const account = await connectMastodon({ ...input, instanceUrl: normalServiceUrl(input.instanceUrl) }, fetch);
      await accounts.save(account, { token: input.token });
      return account;
    }
    case 'x': {
      const apiUrl = normalServiceUrl(input.apiUrl);
      const me = await xMe(apiUrl, fetch, input.token);
      const wanted = input.handle.replace(/^@/, '').toLowerCase();
      if (me.handle.slice(1).toLowerCase() !== wanted)
        throw invalid({ token: `This token belongs to ${me.handle}, not @${wanted}.` });
      const account: Account = {
        id: xAccountId(me.id),
        network: 'x',
        handle: me.handle,
        displayName: me.displayName,
        connection: { network: 'x', userId: me.id, apiUrl },
      };
      await accounts.save(account, { token: input.token });
      return account;
    }
  }
}

export async function addAccount(input: AccountInput, deps: AddAccountDeps): Promise<AccountBalance> {
  const parsed = input as Parsed;
  const hasSecret = parsed.network === 'bluesky' ? !!parsed.appPassword : !!parsed.token;
  if (hasSecret && (await deps.secretStorage()) === 'weak' && !parsed.acceptWeakStorage) {
    throw invalid({
      [parsed.network === 'bluesky' ? 'appPassword' : 'token']:
        'This computer offers no keychain, so Twoway could only keep this secret with weak protection. Tick “Keep it anyway” to go on, or add the account without it (read only).',
    });
  }
  const fetch = resilientFetch({ clock: deps.clock, scheduler: deps.scheduler, timeoutMs: 15_000 });
  try {
    const account = await connect(parsed, fetch, deps.accounts);
    void deps.syncing.sync(account.id);
    return deps.accounts.balances().find((b) => b.account.id === account.id)!;
  } catch (error) {
    throw explain(error, parsed);
  }
}
