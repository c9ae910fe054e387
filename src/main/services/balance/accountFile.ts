// The file of one network account (`account-<id>.bin`): a small JSON header (counts history, events, keep-list,
// where each column lies) followed by the follower and following lists as columns, and a checksum of it all.
//   "TWOWAYAD" · header length (uint32) · header (UTF-8 JSON) · columns · CRC-32 of everything before (uint32)
// The header ends in spaces and each column starts at a multiple of 8 of the body, so numbers are read in place
// (files written before are read too: their columns are copied first). Opening reads the header only; a list is
// decoded the first time it is asked for, so the counts and the dashboard never pay for a hundred thousand people. Numbers are little-endian, as on every machine Twoway runs.
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { AccountData } from '../../../shared/people.ts';
import { columnsBehind, ListColumns } from './listColumns.ts';
import { BadValue, encodeList, padding, type ListLayout, type ListName } from './peopleColumns.ts';
import { firstIssue, Unusable } from '../store.ts';

const MAGIC = Buffer.from('TWOWAYAD', 'latin1');
/** The account data's schema version: 5 is the first in this file; 1–4 were JSON files. */
export const ACCOUNT_VERSION = 5;

const ghost = z.object({
  reason: z.enum(['deleted', 'deactivated', 'suspended', 'blocks-you', 'moved']),
  movedTo: z.string().optional(),
});
const column = z.object({
  field: z.string(),
  at: z.number().int().min(0),
  bytes: z.number().int().min(0),
  encoding: z.enum(['utf8', 'utf16le']).optional(),
  chars: z.number().int().min(0).optional(),
});
const list = z.object({
  count: z.number().int().min(0),
  columns: z.array(column),
  ghosts: z.array(z.tuple([z.number().int().min(0), ghost])).optional(),
});
const person = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });

/** Everything of an account but its two lists. */
export const accountHeaderSchema = z.object({
  history: z.array(
    z.object({
      at: z.number(),
      followers: z.number(),
      following: z.number(),
      mutuals: z.number(),
      posts: z.number().optional(),
      source: z.literal('write').optional(),
    }),
  ),
  events: z.array(
    z.object({ at: z.number(), type: z.enum(['gained-follower', 'lost-follower', 'followed', 'unfollowed']), person }),
  ),
  heads: z.object({ followers: z.array(z.string()), following: z.array(z.string()) }),
  keep: z.array(z.string()),
  syncedAt: z.number().nullable(),
  scannedAt: z.number().optional(),
});
const headerSchema = z.object({
  schemaVersion: z.number().int(),
  data: accountHeaderSchema,
  lists: z.object({ followers: list, following: list }),
});

/**
 * The file's bytes for `data`; throws BadValue, naming the first value that could not be read back. `read` is
 * the account as last read or written: what `data` kept of it is copied as it lies, not encoded again.
 */
export function encodeAccount(data: AccountData, read: AccountData | null = null): Buffer {
  const { followers, following, ...rest } = data;
  const parsed = accountHeaderSchema.safeParse(rest);
  if (!parsed.success) throw new BadValue(firstIssue(parsed.error));
  const before = read && columnsOf(read);
  const list = <K extends ListName>(name: K, people: AccountData[K], at: number) =>
    // A list unchanged since it was read (a keep-list edit, the other list of an unfollow) is copied whole.
    columnsBehind(people)?.copy(at) ??
    encodeList(name, people, at, before && Array.isArray(people) ? before[name].reusedBy(people) : null);
  const first = list('followers', followers, 0);
  const second = list('following', following, first.end);
  const header = {
    schemaVersion: ACCOUNT_VERSION,
    data: parsed.data,
    lists: { followers: first.layout, following: second.layout },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // Spaces after the JSON start the body at a multiple of 8, as its columns are laid out.
  const text = Buffer.concat([json, padding(MAGIC.length + 4 + json.length).fill(' ')]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(text.length);
  const parts = [MAGIC, length, text, ...first.chunks, ...second.chunks];
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  // One buffer for all, its checksum in the last four bytes: no second copy of the whole file.
  const bytes = Buffer.allocUnsafeSlow(size + 4);
  let at = 0;
  for (const part of parts) at += part.copy(bytes, at);
  bytes.writeUInt32LE(crc32(bytes.subarray(0, size)), size);
  return bytes;
}

/** The columns behind account data read from a file: what needs only ids and dates reads those alone. */
export interface AccountColumns {
  followers: ListColumns;
  following: ListColumns;
}
const columns = new WeakMap<AccountData, AccountColumns>();

/** The columns `data` was read from, while it is the data as read (a changed copy has none). */
export const columnsOf = (data: AccountData): AccountColumns | null => columns.get(data) ?? null;

/** Sets `data[key]` to what `make` gives, made the first time it is read. */
function lazily<K extends ListName>(data: AccountData, key: K, make: () => AccountData[K]) {
  Object.defineProperty(data, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
}

/**
 * The account in `bytes`, checked whole (its checksum) and its header read; each list is decoded when first
 * read. Throws Unusable, saying why, for anything that is not an intact account file this Twoway can read.
 */
export function decodeAccount(bytes: Buffer): AccountData {
  if (bytes.length < MAGIC.length + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Unusable(bytes.length === 0 ? 'it is empty' : 'it is not a Twoway account file');
  }
  const content = bytes.subarray(0, bytes.length - 4);
  if (crc32(content) !== bytes.readUInt32LE(bytes.length - 4)) {
    throw new Unusable('it is damaged or cut short (its checksum does not match)');
  }
  const headerEnd = MAGIC.length + 4 + content.readUInt32LE(MAGIC.length);
  if (headerEnd > content.length) throw new Unusable('its header runs past its end');
  let header: z.infer<typeof headerSchema>;
  try {
    const parsed = headerSchema.safeParse(JSON.parse(content.toString('utf8', MAGIC.length + 4, headerEnd)));
    if (!parsed.success) throw new Unusable(`its content is not what Twoway expects (${firstIssue(parsed.error)})`);
    header = parsed.data;
  } catch (error) {
    throw error instanceof Unusable ? error : new Unusable('its header is not valid JSON');
  }
  if (header.schemaVersion > ACCOUNT_VERSION) {
    throw new Unusable(
      `it was written by a newer Twoway (schema ${header.schemaVersion}, this one reads up to ${ACCOUNT_VERSION})`,
    );
  }
  const body = content.subarray(headerEnd);
  for (const layout of Object.values(header.lists) as ListLayout[]) {
    if (layout.columns.some((c) => c.at + c.bytes > body.length)) throw new Unusable('a column runs past its end');
  }
  const lists = {
    followers: new ListColumns('followers', body, header.lists.followers),
    following: new ListColumns('following', body, header.lists.following),
  };
  const data = { ...header.data } as AccountData;
  lazily(data, 'followers', () => lists.followers.all());
  lazily(data, 'following', () => lists.following.all() as AccountData['following']);
  columns.set(data, lists);
  return data;
}

/** The file's bytes, or null when there is none. */
export function readAccountFile(filePath: string): Buffer | null {
  try {
    return fs.readFileSync(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Replaces the file with `bytes` so that a crash at any moment leaves either the old file or the new one:
 * written to a temporary file beside it, flushed to the disk, then renamed over it.
 */
export function writeAccountFile(filePath: string, bytes: Buffer) {
  const temporary = `${filePath}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, filePath);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // A read-only folder has none to remove; the next open removes any that is left.
    }
    throw error;
  }
  // The rename itself reaches the disk with the folder (not possible, nor needed, on Windows).
  try {
    const folder = fs.openSync(path.dirname(filePath), 'r');
    try {
      fs.fsyncSync(folder);
    } finally {
      fs.closeSync(folder);
    }
  } catch {
    // The file is complete either way; only a power cut could still lose the rename.
  }
}
