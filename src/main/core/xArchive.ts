// The X data archive's follower.js and following.js: `window.YTD.follower.part0 = [ { "follower" : {
// "accountId" : "…", "userLink" : "…" } }, … ]`, split into parts for large lists. Parsed from the first '='.

export type ArchiveList = 'follower' | 'following';

export class ArchiveProblem extends Error {}

/** The account ids of one archive file, whichever part it is. */
export function archiveIds(fileName: string, text: string, list: ArchiveList): string[] {
  const equals = text.indexOf('=');
  if (equals < 0) throw new ArchiveProblem(`${fileName} is not an X archive file: it has no “window.YTD… =” line.`);
  let entries: unknown;
  try {
    entries = JSON.parse(text.slice(equals + 1));
  } catch {
    throw new ArchiveProblem(`${fileName} is damaged: what follows “=” is not valid JSON.`);
  }
  if (!Array.isArray(entries)) throw new ArchiveProblem(`${fileName} does not hold a list.`);
  return entries.map((entry, index) => {
    const item = (entry as Record<string, { accountId?: unknown } | undefined>)?.[list];
    const id = item?.accountId;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      throw new ArchiveProblem(`${fileName}, entry ${index + 1}: expected a “${list}” with an accountId.`);
    }
    return id;
  });
}

/** Which list a file of the archive holds, from its name (data/follower.js, data/following-part2.js…). */
export function archiveListOf(fileName: string): ArchiveList | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (/^follower(-part\d+)?\.js$/.test(base)) return 'follower';
  if (/^following(-part\d+)?\.js$/.test(base)) return 'following';
  return null;
}

/** The archive owner's account from data/account.js, when the archive has it. */
export function archiveOwner(text: string): { accountId: string; username: string; displayName: string } | null {
  const equals = text.indexOf('=');
  try {
    const [entry] = JSON.parse(text.slice(equals + 1)) as {
      account?: { accountId?: string; username?: string; accountDisplayName?: string };
    }[];
    const account = entry?.account;
    if (!account?.accountId || !account.username) return null;
    return { accountId: account.accountId, username: account.username, displayName: account.accountDisplayName ?? '' };
  } catch {
    return null;
  }
}
