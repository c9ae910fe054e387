// Imports an X account from the user's data archive (the .zip, or data/follower.js and data/following.js):
// X's self-serve API no longer lists followers, so the archive is the way in. A re-import is compared with
// the last one like any sync: who came, who went, and follow dates from when each was first seen.
import type { Person } from '../../shared/network.ts';
import type { AccountBalance, Account } from '../../shared/types.ts';
import { xAccountId } from '../core/accountIds.ts';
import type { Clock } from '../core/clock.ts';
import { scanned } from '../core/followGraph.ts';
import { ArchiveProblem, archiveIds, archiveListOf, archiveOwner } from '../core/xArchive.ts';
import type { Accounts } from './accounts.ts';
import { invalid } from './failure.ts';
import { ZipProblem, zipEntries } from './networks/zipEntries.ts';

export interface ArchiveFile {
  name: string;
  base64: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(name: string, bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ArchiveProblem(`${name} is not UTF-8 text: is it really from the X archive?`);
  }
}

/** Every archive file the upload holds, unzipped where needed, by name. */
function archiveTexts(files: ArchiveFile[]): Map<string, string> {
  const texts = new Map<string, string>();
  const relevant = (name: string) => archiveListOf(name) !== null || /(^|\/)account\.js$/.test(name);
  for (const file of files) {
    const bytes = Buffer.from(file.base64, 'base64');
    if (/\.zip$/i.test(file.name)) {
      for (const [name, entry] of zipEntries(bytes, relevant)) texts.set(name, text(name, entry));
    } else if (relevant(file.name)) texts.set(file.name, text(file.name, bytes));
    else
      throw new ArchiveProblem(
        `${file.name} is not part of an X archive: choose the archive .zip, or follower.js and following.js from its data folder.`,
      );
  }
  return texts;
}

export function importXArchive(
  input: { handle?: string; files: ArchiveFile[] },
  deps: { accounts: Accounts; clock: Clock },
): AccountBalance {
  let texts: Map<string, string>;
  const ids = { follower: new Set<string>(), following: new Set<string>() };
  let owner: ReturnType<typeof archiveOwner> = null;
  try {
    texts = archiveTexts(input.files);
    for (const [name, content] of texts) {
      const list = archiveListOf(name);
      if (list) for (const id of archiveIds(name, content, list)) ids[list].add(id);
      else owner = archiveOwner(content) ?? owner;
    }
    const names = [...texts.keys()];
    if (!names.some((n) => archiveListOf(n) === 'follower'))
      throw new ArchiveProblem('The upload has no follower.js: add it from the archive’s data folder.');
    if (!names.some((n) => archiveListOf(n) === 'following'))
      throw new ArchiveProblem('The upload has no following.js: add it from the archive’s data folder.');
  } catch (error) {
    if (error instanceof ArchiveProblem || error instanceof ZipProblem) throw invalid({ files: error.message });
    throw error;
  }
  const handle = owner ? `@${owner.username}` : input.handle ? `@${input.handle.replace(/^@/, '')}` : null;
  if (!handle) throw invalid({ handle: 'This upload does not say whose archive it is: enter your X handle.' });

  const id = xAccountId(owner?.accountId ?? handle.slice(1));
  const known = deps.accounts.list().find((a) => a.id === id);
  const account: Account = known ?? {
    id,
    network: 'x',
    handle,
    displayName: owner?.displayName ?? '',
    connection: { network: 'x', userId: owner?.accountId ?? null, apiUrl: 'https://api.x.com' },
  };
  const previous = deps.accounts.data(id);
  const names = new Map<string, Person>([...previous.followers, ...previous.following].map((p) => [p.id, p]));
  // The archive lists ids only: a person keeps any name learned before, else a link-like placeholder.
  const person = (personId: string): Person =>
    names.get(personId) ?? { id: personId, handle: `x.com/i/user/${personId}`, displayName: '' };
  const followers = [...ids.follower].map(person);
  const following = [...ids.following].map((personId) => ({ ...person(personId), followedAt: Number.NaN, ref: null }));
  if (!known) void deps.accounts.save(account, {});
  deps.accounts.commit(
    id,
    scanned(previous, { followers, following, heads: { followers: [], following: [] } }, deps.clock.now()),
  );
  return deps.accounts.balances().find((b) => b.account.id === id)!;
}
