// Account ids name files in the data folder, so Twoway makes them itself from what a network says, never by
// taking a server's string as it is: lower-case letters, digits and dashes only, in the form ids have always
// had where a network's id is plain; a Mastodon id that is not plain is hashed.
import { createHash } from 'node:crypto';

export const accountIdPattern = /^[a-z0-9-]{1,120}$/;

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

/** Runs of anything but letters and digits become one dash: the form host names and handles always had. */
export const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** A Mastodon id as part of an account id: kept when plain, as it always was, else a hash of it. */
function idPart(networkId: string): string {
  return /^[a-z0-9-]{1,64}$/i.test(networkId) ? networkId.toLowerCase() : `h${hash(networkId)}`;
}

/** Long host names would make file names longer than file systems take: past the limit, the whole is hashed. */
function bounded(network: string, id: string): string {
  return id.length <= 120 ? id : `${network}-h${hash(id)}`;
}

export function mastodonAccountId(instanceUrl: string, accountId: string): string {
  return bounded('mastodon', `mastodon-${slug(new URL(instanceUrl).host)}-${idPart(accountId)}`);
}

/** X accounts from the API and from an archive share the X account's id, or the handle's when that is all. */
export function xAccountId(userIdOrHandle: string): string {
  return bounded('x', `x-${slug(userIdOrHandle)}`);
}

/**
 * An id for an account an earlier Twoway saved under an id that is not a safe file name (a server's string):
 * the id it would get today where its connection tells, else a hash of the old one.
 */
export function safeAccountId(old: {
  id: string;
  network: string;
  connection: { network: string; instanceUrl?: unknown; accountId?: unknown; userId?: unknown };
}): string {
  const { connection } = old;
  if (
    connection.network === 'mastodon' &&
    typeof connection.instanceUrl === 'string' &&
    URL.canParse(connection.instanceUrl) &&
    typeof connection.accountId === 'string'
  ) {
    return mastodonAccountId(connection.instanceUrl, connection.accountId);
  }
  if (connection.network === 'x' && typeof connection.userId === 'string') return xAccountId(connection.userId);
  return `${slug(old.network)}-h${hash(old.id)}`;
}
