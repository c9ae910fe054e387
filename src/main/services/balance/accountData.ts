// One file per network account: its follower lists, follow dates, count history, events and keep-list.
// Written once per completed sync, so a partial scan never reaches it. Since schema 5 it is a file of columns
// (accountFile.ts); the JSON file of schema 1–4 is read once, rewritten, and removed once the new file reads back.
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { AccountData } from '../../../shared/people.ts';
import { byId } from '../../core/balance/followGraph.ts';
import { accountHeaderSchema, decodeAccount, encodeAccount, readAccountFile, writeAccountFile } from './accountFile.ts';
import { BadValue } from './peopleColumns.ts';
import {
  fileOf,
  heldStore,
  putAside,
  readStoreFile,
  refusal,
  removeUnfinishedWrites,
  Unusable,
  type Prepared,
  type Store,
  type StoreContext,
  type StoreSpec,
} from '../store.ts';

const person = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  profileHost: z.string().optional(),
});
const ghost = z.object({
  reason: z.enum(['deleted', 'deactivated', 'suspended', 'blocks-you', 'moved']),
  movedTo: z.string().optional(),
});
/** An account with its two lists, as backups and the JSON files of earlier versions hold it. */
export const accountDataSchema = accountHeaderSchema.extend({
  followers: z.array(person),
  following: z.array(person.extend({ followedAt: z.number(), ref: z.string().nullable(), ghost: ghost.optional() })),
});

export const emptyAccountData = (): AccountData => ({
  followers: [],
  following: [],
  history: [],
  events: [],
  heads: { followers: [], following: [] },
  keep: [],
  syncedAt: null,
});

/**
 * Version 4: an earlier Twoway saved people as a server sent them. A name or handle that is not text becomes
 * none, and an entry without an id (nothing could match it) goes, so the file opens instead of being put aside.
 */
function repaired(old: unknown): unknown {
  if (old === null || typeof old !== 'object') return old;
  const data = old as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const person = (p: Record<string, unknown>) => ({ ...p, handle: text(p.handle), displayName: text(p.displayName) });
  const identified = (p: unknown): p is Record<string, unknown> =>
    p !== null && typeof p === 'object' && typeof (p as { id?: unknown }).id === 'string';
  const people = (list: unknown) => (Array.isArray(list) ? list.filter(identified).map(person) : list);
  const events = Array.isArray(data.events)
    ? data.events.flatMap((e: { person?: unknown }) =>
        identified(e?.person) ? [{ ...e, person: person(e.person) }] : [],
      )
    : data.events;
  return { ...data, followers: people(data.followers), following: people(data.following), events };
}

/** The account's JSON file as Twoway wrote it up to schema 4. */
const jsonFile = (name: string): StoreSpec<AccountData> => ({
  name,
  version: 4,
  schema: accountDataSchema,
  initial: emptyAccountData,
  migrations: {
    // Version 1 kept only the count history.
    2: (history) => ({ ...emptyAccountData(), history }),
    // Version 3 keeps the lists sorted by id, and the first page's ids for the cheap check.
    3: (old) => {
      const data = old as AccountData;
      return {
        ...data,
        followers: [...data.followers].sort(byId),
        following: [...data.following].sort(byId),
        heads: { followers: [], following: [] },
      };
    },
    4: repaired,
  },
});

/** A plain copy, both lists read: a column that does not add up throws now. */
const whole = (data: AccountData): AccountData => ({ ...data });

export function openAccountData(accountId: string, context: StoreContext): Store<AccountData> {
  const name = `account-${accountId}`;
  const filePath = fileOf(context.dataDir, name, '.bin');
  const jsonPath = fileOf(context.dataDir, name);
  fs.mkdirSync(context.dataDir, { recursive: true });
  removeUnfinishedWrites(context.dataDir, `${name}.bin`);
  removeUnfinishedWrites(context.dataDir, `${name}.json`);
  let data: AccountData | null = null;
  try {
    const bytes = readAccountFile(filePath);
    if (bytes) data = decodeAccount(bytes);
  } catch (error) {
    putAside(context, name, filePath, error instanceof Unusable ? error.message : 'it could not be read');
  }
  let old = fs.existsSync(jsonPath) ? jsonPath : null;
  const removeOld = () => {
    try {
      if (old) fs.rmSync(old, { force: true });
      old = null;
    } catch {
      // A read-only folder keeps it; the new file is the one read, and the next start tries again.
    }
  };
  // A crash between the new file's rename and the old one's removal: the new file is complete.
  if (data !== null) removeOld();
  const found = data === null && old ? readStoreFile(jsonFile(name), context, old) : null;
  if (data === null && !found) old = null;

  // The account as last read or written: a write encodes only what changed since.
  let last = data;
  const prepare = (next: AccountData): Prepared<AccountData> => {
    let bytes: Buffer;
    try {
      bytes = encodeAccount(next, last);
    } catch (error) {
      throw error instanceof BadValue ? refusal(name, error.message) : error;
    }
    const value = decodeAccount(bytes);
    last = value;
    return {
      value,
      save: () => {
        writeAccountFile(filePath, bytes);
        if (!old) return;
        // The old file goes only once the new one, read back from the disk, holds all the old one held.
        const back = readAccountFile(filePath);
        const same =
          back?.equals(bytes) && (next !== found?.data || isDeepStrictEqual(whole(decodeAccount(back)), next));
        if (!same) {
          fs.rmSync(filePath, { force: true });
          throw new Error(`its new file did not read back as the old one`);
        }
        removeOld();
      },
    };
  };
  return heldStore(name, context, found?.data ?? data ?? emptyAccountData(), prepare, found !== null);
}
