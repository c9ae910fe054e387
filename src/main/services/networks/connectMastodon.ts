// Finds a Mastodon account on its instance; with an access token, checks the token is that account's.
import type { Account } from '../../../shared/types.ts';
import { invalid } from '../failure.ts';
import { mastodonClient, mastodonPerson } from './mastodon.ts';
import type { ResilientFetch } from './resilientFetch.ts';

export interface MastodonInput {
  instanceUrl: string;
  handle: string;
  token?: string;
}

interface Entity {
  id: string;
  acct: string;
  display_name?: string;
}

export async function connectMastodon(input: MastodonInput, fetch: ResilientFetch): Promise<Account> {
  const acct = input.handle.replace(/^@/, '');
  const lookup = mastodonClient(input.instanceUrl, fetch, null);
  let entity: Entity;
  try {
    entity = (await lookup<Entity>(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`)).body;
  } catch {
    throw invalid({ handle: `${new URL(input.instanceUrl).host} has no account called @${acct}.` });
  }
  if (input.token) {
    const owner = mastodonClient(input.instanceUrl, fetch, input.token);
    let me: Entity;
    try {
      me = (await owner<Entity>('/api/v1/accounts/verify_credentials')).body;
    } catch {
      throw invalid({
        token: 'The instance refused this access token: check it and its scopes (read, write:follows).',
      });
    }
    if (me.id !== entity.id) throw invalid({ token: `This token belongs to @${me.acct}, not @${acct}.` });
  }
  const person = mastodonPerson(entity, input.instanceUrl);
  const host = new URL(input.instanceUrl).host;
  return {
    id: `mastodon-${host.replace(/[^a-z0-9]+/gi, '-')}-${entity.id}`.toLowerCase(),
    network: 'mastodon',
    handle: person.handle,
    displayName: person.displayName,
    connection: { network: 'mastodon', instanceUrl: input.instanceUrl, accountId: entity.id },
  };
}
