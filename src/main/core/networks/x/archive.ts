// The X data archive's follower.js and following.js: `window.YTD.follower.part0 = [ { "follower" : {
// "accountId" : "…", "userLink" : "…" } }, … ]`, split into parts for large lists. Parsed from the first '='.

export type ArchiveList = 'follower' | 'following';

export class ArchiveProblem extends Error {}

/** One person of an archive list: the id always, the username only where the userLink names it. */
export interface ArchivePerson {
  id: string;
  handle: string | null;
}

/**
 * X writes `https://twitter.com/intent/user?user_id=…`, which names nobody; some archives link the profile
 * itself (`https://twitter.com/name`, `https://x.com/name`), which gives the username.
 */
const profileLink = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/?$/;
const notUsernames = new Set(['i', 'intent', 'home', 'search', 'settings', 'explore']);

function handleOf(userLink: unknown): string | null {
  if (typeof userLink !== 'string') return null;
  const username = profileLink.exec(userLink)?.[1];
  return username && !notUsernames.has(username.toLowerCase()) ? `@${username}` : null;
}

/** The people of one archive file, whichever part it is. */
export function archivePeople(fileName: string, text: string, list: ArchiveList): ArchivePerson[] {
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
    const item = (entry as Record<string, { accountId?: unknown; userLink?: unknown } | undefined>)?.[list];
    const id = item?.accountId;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      throw new ArchiveProblem(`${fileName}, entry ${index + 1}: expected a “${list}” with an accountId.`);
    }
    return { id, handle: handleOf(item?.userLink) };
  });
}

/** Which list a file of the archive holds, from its name (data/follower.js, data/following-part2.js…). */
export function archiveListOf(fileName: string): ArchiveList | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (/^follower(-part\d+)?\.js$/.test(base)) return 'follower';
  if (/^following(-part\d+)?\.js$/.test(base)) return 'following';
  return null;
}

/** Whether a file of the archive names its owner (data/account.js). */
export const isAccountFile = (fileName: string) => /(^|[\\/])account\.js$/.test(fileName);

/** The archive owner's account from data/account.js, when the archive has it. */
export function archiveOwner(text: string): { accountId: string; username: string; displayName: string } | null {
  const equals = text.indexOf('=');
  try {
    const [entry] = JSON.parse(text.slice(equals + 1)) as {
      account?: { accountId?: unknown; username?: unknown; accountDisplayName?: unknown };
    }[];
    const account = entry?.account;
    const { accountId, username, accountDisplayName } = account ?? {};
    if (typeof accountId !== 'string' || !/^\d{1,19}$/.test(accountId)) return null;
    if (typeof username !== 'string' || !/^[A-Za-z0-9_]{1,15}$/.test(username)) return null;
    return { accountId, username, displayName: typeof accountDisplayName === 'string' ? accountDisplayName : '' };
  } catch {
    return null;
  }
}

/** Whose archive a re-import for a known account may be: the same X id, or the same handle where no id is known. */
export function sameOwner(
  account: { handle: string; userId: string | null },
  owner: { accountId: string; username: string },
): boolean {
  if (account.userId !== null) return account.userId === owner.accountId;
  return account.handle.replace(/^@/, '').toLowerCase() === owner.username.toLowerCase();
}
