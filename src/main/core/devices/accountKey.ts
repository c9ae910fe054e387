// What the person decides about someone (a keep, a reason, a mark on a post) is shared under the account's id and
// the other id together. Account ids are Twoway's own (letters, digits, dashes), so a line break never occurs in
// one: the key splits back at its first line break, whatever the network's id holds.

export const accountKey = (accountId: string, id: string) => `${accountId}\n${id}`;

/** The account's id and the other id of a key; null for a key that is not one of these. */
export function splitAccountKey(key: string): { accountId: string; id: string } | null {
  const at = key.indexOf('\n');
  if (at <= 0 || at === key.length - 1) return null;
  return { accountId: key.slice(0, at), id: key.slice(at + 1) };
}

/** The ids a section holds for each account, with what each holds. */
export function byAccount<T>(records: ReadonlyMap<string, T>): Map<string, Map<string, T>> {
  const out = new Map<string, Map<string, T>>();
  for (const [key, value] of records) {
    const split = splitAccountKey(key);
    if (!split) continue;
    let ids = out.get(split.accountId);
    if (!ids) out.set(split.accountId, (ids = new Map()));
    ids.set(split.id, value);
  }
  return out;
}
