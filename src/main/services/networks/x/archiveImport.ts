// Imports an X account from the user's data archive (the .zip, or data/follower.js and data/following.js):
// X's self-serve API no longer lists followers, so the archive is the way in. A re-import is compared with
// the last one like any sync: who came, who went, and follow dates from when each was first seen.
//
// In the desktop app the files are chosen in the system's open dialog, which main itself opens when the
// renderer asks for an import: the renderer never sends a path and never receives one (not even a token
// standing for one), so no window, however compromised, can make main read a file the user did not pick in
// that dialog just now. The browser preview uploads the files' bytes instead.
import type { NetworkEvent, Person } from '../../../../shared/people.ts';
import type { Account } from '../../../../shared/types.ts';
import type { ChangedPeople, XImportProgress, XImportResult } from '../../../../shared/xImport.ts';
import { isUnnamed } from '../../../../shared/xPeople.ts';
import { xAccountId } from '../../../core/balance/accountIds.ts';
import type { Clock } from '../../../core/clock.ts';
import { scanned } from '../../../core/balance/followGraph.ts';
import {
  ArchiveProblem,
  archiveListOf,
  archiveOwner,
  archivePeople,
  sameOwner,
} from '../../../core/networks/x/archive.ts';
import type { Accounts } from '../../balance/accounts.ts';
import type { EventBus } from '../../events.ts';
import { Failure, invalid } from '../../failure.ts';
import { ZipProblem } from './zipEntries.ts';
import { fileOnDisk, readArchive, uploadedFile, type ArchiveFile, type ArchiveSource } from './archiveFiles.ts';

export type { ArchiveFile };

export interface XImportDeps {
  accounts: Accounts;
  clock: Clock;
  events: EventBus;
  /** Opens the system's open dialog for the archive; the chosen paths, or null when cancelled. None outside Electron. */
  chooseFiles: (() => Promise<string[] | null>) | null;
}

/** Whose archive to import: a known account (a re-import from its menu), or a new one with an optional handle. */
export interface ImportTarget {
  accountId?: string | undefined;
  handle?: string | undefined;
}

class Cancelled extends Error {}

type Owner = NonNullable<ReturnType<typeof archiveOwner>>;

/** What the archive says, read and checked before anything is written. */
async function readLists(sources: ArchiveSource[], report: (progress: XImportProgress) => void) {
  const lists = { follower: new Map<string, string | null>(), following: new Map<string, string | null>() };
  let owner: Owner | null = null;
  const seen = new Set<string>();
  await readArchive(
    sources,
    (name, content) => {
      const list = archiveListOf(name);
      if (list) {
        seen.add(list);
        for (const person of archivePeople(name, content, list)) lists[list].set(person.id, person.handle);
      } else owner = archiveOwner(content) ?? owner;
    },
    ({ file, done, total }) => {
      const found = owner as Owner | null;
      report({ step: 'reading', file, done, total, owner: found && `@${found.username}` });
    },
  );
  if (!seen.has('follower'))
    throw new ArchiveProblem('The upload has no follower.js: add it from the archive’s data folder.');
  if (!seen.has('following'))
    throw new ArchiveProblem('The upload has no following.js: add it from the archive’s data folder.');
  return { lists, owner: owner as Owner | null };
}

function changedPeople(events: NetworkEvent[], type: NetworkEvent['type']): ChangedPeople {
  const of = events.filter((event) => event.type === type);
  return { count: of.length, people: of.slice(0, 100).map((event) => event.person) };
}

export function createXImports({ accounts, clock, events, chooseFiles }: XImportDeps) {
  let running: AbortController | null = null;

  /** The account a re-import is for, checked against the archive's owner when it names one. */
  function targetAccount(target: ImportTarget, owner: Owner | null): Account | null {
    if (target.accountId === undefined) return null;
    const account = accounts.find(target.accountId);
    if (account.connection.network !== 'x') {
      throw new Failure('conflict', `${account.handle} is not an X account: only X accounts take an X archive.`);
    }
    if (owner && !sameOwner({ handle: account.handle, userId: account.connection.userId }, owner)) {
      throw invalid({
        files: `This is the archive of @${owner.username}, not of ${account.handle}: choose ${account.handle}’s archive.`,
      });
    }
    return account;
  }

  function save(target: ImportTarget, read: Awaited<ReturnType<typeof readLists>>): XImportResult {
    const { lists, owner } = read;
    const chosen = targetAccount(target, owner);
    const typed = target.handle ? `@${target.handle.replace(/^@/, '')}` : null;
    const handle = chosen?.handle ?? (owner ? `@${owner.username}` : typed);
    if (!handle) throw invalid({ handle: 'This upload does not say whose archive it is: enter your X handle.' });

    const id = chosen?.id ?? xAccountId(owner?.accountId ?? handle.slice(1));
    const known = chosen ?? accounts.list().find((a) => a.id === id);
    const account: Account = known ?? {
      id,
      network: 'x',
      handle,
      displayName: owner?.displayName ?? '',
      connection: { network: 'x', userId: owner?.accountId ?? null, apiUrl: 'https://api.x.com' },
    };
    const previous = accounts.data(id);
    const named = new Map<string, Person>();
    for (const p of [...previous.followers, ...previous.following]) {
      if (!isUnnamed(p)) named.set(p.id, { id: p.id, handle: p.handle, displayName: p.displayName });
    }
    // A name the archive's link gives is the newest; else a name learned before; else the id alone.
    const person = (personId: string, linked: string | null): Person => {
      const before = named.get(personId);
      if (linked)
        return { id: personId, handle: linked, displayName: before?.handle === linked ? before.displayName : '' };
      return before ?? { id: personId, handle: '', displayName: '' };
    };
    const followers = [...lists.follower].map(([personId, linked]) => person(personId, linked));
    const following = [...lists.following].map(([personId, linked]) => ({
      ...person(personId, linked),
      followedAt: Number.NaN,
      ref: null,
    }));
    if (!known) void accounts.save(account, {});
    const next = scanned(previous, { followers, following, heads: { followers: [], following: [] } }, clock.now());
    accounts.commit(id, next);
    const changes = next.events.slice(previous.events.length);
    return {
      balance: accounts.balances().find((b) => b.account.id === id)!,
      owner: owner ? { handle: `@${owner.username}`, displayName: owner.displayName } : null,
      followers: followers.length,
      following: following.length,
      previousAt: previous.syncedAt,
      gained: changedPeople(changes, 'gained-follower'),
      lost: changedPeople(changes, 'lost-follower'),
      followed: changedPeople(changes, 'followed'),
      unfollowed: changedPeople(changes, 'unfollowed'),
    };
  }

  /** One import at a time, reported as it goes; null when cancelled, with nothing changed. */
  async function run(target: ImportTarget, sources: ArchiveSource[]): Promise<XImportResult | null> {
    const job = running!;
    const report = (progress: XImportProgress | null) => events.emit('xImportChanged', progress);
    try {
      const read = await readLists(sources, (progress) => {
        if (job.signal.aborted) throw new Cancelled();
        report(progress);
      });
      if (job.signal.aborted) return null;
      const owner = read.owner && `@${read.owner.username}`;
      report({ step: 'saving', file: null, done: 0, total: 0, owner });
      return save(target, read);
    } catch (error) {
      if (error instanceof Cancelled) return null;
      if (error instanceof ArchiveProblem || error instanceof ZipProblem) throw invalid({ files: error.message });
      throw error;
    } finally {
      running = null;
      report(null);
    }
  }

  function begin(): void {
    if (running) throw new Failure('conflict', 'An X archive is being imported already: wait for it, or cancel it.');
    running = new AbortController();
  }

  return {
    /** The browser preview's upload: the files' bytes, read in memory. */
    fromUpload(input: ImportTarget & { files: ArchiveFile[] }): Promise<XImportResult | null> {
      begin();
      return run(input, input.files.map(uploadedFile));
    },
    /** The desktop app: main asks the user for the files, then reads them where they lie. */
    async fromDialog(input: ImportTarget): Promise<XImportResult | null> {
      if (!chooseFiles) {
        throw new Failure(
          'unavailable',
          'The open dialog needs the desktop app: in the browser, choose the files below.',
        );
      }
      begin();
      let paths: string[] | null;
      try {
        paths = await chooseFiles();
      } catch (error) {
        running = null;
        throw error;
      }
      if (!paths || paths.length === 0) {
        running = null;
        return null;
      }
      return run(input, paths.map(fileOnDisk));
    },
    cancel(): void {
      running?.abort();
    },
  };
}
export type XImports = ReturnType<typeof createXImports>;
