// Finds a Mastodon account on its instance; with an access token, checks the token is that account's.
import type { Account } from '../../../../shared/types.ts';
import { mastodonAccountId } from '../../../core/balance/accountIds.ts';
import { invalid } from '../../failure.ts';
import { mastodonClient, mastodonPerson } from './client.ts';
import { mastodonEntity, type MastodonEntity } from './replies.ts';
import { readReply } from '../replies.ts';
import { NetworkFailure, type ResilientFetch } from '../resilientFetch.ts';

export interface MastodonInput {
  instanceUrl: string;
  handle: string;
  token?: string;
}

export async function connectMastodon(input: MastodonInput, fetch: ResilientFetch): Promise<Account> {
  const acct = input.handle.replace(/^@/, '');
  const lookup = mastodonClient(input.instanceUrl, fetch, null);
  let body: unknown;
  try {
    body = (await lookup(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`)).body;
  } catch {
    throw invalid({ handle: `${new URL(input.instanceUrl).host} has no account called @${acct}.` });
  }
  const entity = readReply(mastodonEntity, body, 'Mastodon sent an account');
  if (input.token) {
    const owner = mastodonClient(input.instanceUrl, fetch, input.token);
    let me: MastodonEntity;
    try {
      me = readReply(
        mastodonEntity,
        (await owner('/api/v1/accounts/verify_credentials')).body,
        'Mastodon sent an account',
      );
    } catch (error) {
      if (error instanceof NetworkFailure && error.reason === 'bad-response') throw error;
      throw invalid({
        token: 'The instance refused this access token: check it and its scopes (read, write:follows).',
      });
    }
    if (me.id !== entity.id) throw invalid({ token: `This token belongs to @${me.acct}, not @${acct}.` });
  }
  const person = mastodonPerson(entity, input.instanceUrl);
  return {
    // Twoway's own id: it names the account's file, so a server's string never becomes a path.
    id: mastodonAccountId(input.instanceUrl, entity.id),
    network: 'mastodon',
    handle: person.handle,
    displayName: person.displayName,
    connection: { network: 'mastodon', instanceUrl: input.instanceUrl, accountId: entity.id },
  };
}
