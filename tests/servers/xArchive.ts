/**
 * Builds X ("Download an archive of your data") files in the real format for tests:
 *
 *   data/follower.js         window.YTD.follower.part0 = [ { "follower" : { "accountId" : "…", "userLink" : "…" } }, … ]
 *   data/following.js        window.YTD.following.part0 = [ { "following" : { … } }, … ]
 *   data/follower-part1.js   window.YTD.follower.part1 = [ … ]   (large lists are split into parts)
 *   data/account.js          window.YTD.account.part0 = [ { "account" : { "username", "accountId", … } } ]
 *
 * X writes 2-space indented JSON with " : " between keys and values, and "[ ]" for an empty array; so does this.
 * The zip writer is a minimal STORE/DEFLATE writer on node:zlib (no zip package is installed); `readZip` reads
 * back what it writes (and ordinary zips) so tests can check round trips without another dependency.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

type Kind = 'follower' | 'following';

export interface PartOptions {
  /** The part number: 0 → window.YTD.<kind>.part0 (file data/<kind>.js), n → part<n> (data/<kind>-part<n>.js). */
  part?: number;
  /** Include "userLink" as X does (default true); false gives entries with accountId only. */
  withUserLink?: boolean;
  /** Usernames by id: those entries link the profile itself (https://twitter.com/<name>), as some archives do. */
  names?: Readonly<Record<string, string>>;
}

/** X's JSON style: 2-space indent, `"key" : value`, empty arrays as `[ ]`. */
function xJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/^(\s*"(?:[^"\\]|\\.)*"): /gm, '$1 : ')
    .replace(/\[\]/g, '[ ]');
}

function ytd(kind: string, part: number, entries: unknown[]): string {
  return `window.YTD.${kind}.part${part} = ${xJson(entries)}`;
}

function relationJs(kind: Kind, ids: readonly string[], options: PartOptions): string {
  const withUserLink = options.withUserLink ?? true;
  return ytd(
    kind,
    options.part ?? 0,
    ids.map((accountId) => {
      const name = options.names?.[accountId];
      const userLink = name ? `https://twitter.com/${name}` : `https://twitter.com/intent/user?user_id=${accountId}`;
      return { [kind]: withUserLink ? { accountId, userLink } : { accountId } };
    }),
  );
}

/** The contents of data/follower.js (or data/follower-part<n>.js with `part`). */
export function followerJs(ids: readonly string[], options: PartOptions = {}): string {
  return relationJs('follower', ids, options);
}

/** The contents of data/following.js (or data/following-part<n>.js with `part`). */
export function followingJs(ids: readonly string[], options: PartOptions = {}): string {
  return relationJs('following', ids, options);
}

/** The file name X uses for a part: data/follower.js, data/follower-part1.js, … */
export function partFileName(kind: Kind, part: number): string {
  return part === 0 ? `data/${kind}.js` : `data/${kind}-part${part}.js`;
}

/** The contents of data/account.js. */
export function accountJs(account: {
  accountId: string;
  username: string;
  displayName?: string;
  createdAt?: string;
}): string {
  return ytd('account', 0, [
    {
      account: {
        email: `${account.username}@example.com`,
        createdVia: 'web',
        username: account.username,
        accountId: account.accountId,
        createdAt: account.createdAt ?? '2015-03-01T12:00:00.000Z',
        accountDisplayName: account.displayName ?? account.username,
      },
    },
  ]);
}

export interface ArchiveContents {
  followers?: readonly string[];
  following?: readonly string[];
  /** Split each list into parts of at most this many entries (X splits large lists). Default: one part. */
  partSize?: number;
  withUserLink?: boolean;
  names?: Readonly<Record<string, string>>;
  account?: { accountId: string; username: string; displayName?: string };
  /** Any other files to add, by path inside the archive. */
  extra?: Record<string, string | Buffer>;
}

/** All files of an archive, by path: data/follower*.js, data/following*.js, data/account.js, extras. */
export function archiveFiles(contents: ArchiveContents): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  const add = (kind: Kind, ids: readonly string[] | undefined) => {
    if (ids === undefined) return;
    const size = contents.partSize && contents.partSize > 0 ? contents.partSize : Math.max(ids.length, 1);
    const parts = Math.max(1, Math.ceil(ids.length / size));
    for (let part = 0; part < parts; part += 1) {
      const slice = ids.slice(part * size, (part + 1) * size);
      files[partFileName(kind, part)] = relationJs(kind, slice, {
        part,
        withUserLink: contents.withUserLink,
        names: contents.names,
      });
    }
  };
  add('follower', contents.followers);
  add('following', contents.following);
  if (contents.account) files['data/account.js'] = accountJs(contents.account);
  return { ...files, ...contents.extra };
}

/** Parses a YTD part file back to its entries (for round-trip checks). */
export function parseYtd(text: string): { kind: string; part: number; entries: unknown[] } {
  const match = /^\s*window\.YTD\.([A-Za-z_]+)\.part(\d+)\s*=\s*/.exec(text);
  if (!match) throw new Error('not a window.YTD file');
  return { kind: match[1]!, part: Number(match[2]), entries: JSON.parse(text.slice(match[0].length)) as unknown[] };
}

export interface ZipOptions {
  /** Store instead of deflate. Default false (deflate, as X's archives are). */
  store?: boolean;
  /** Modification time written for every entry. Default 2026-01-01T00:00:00Z. */
  date?: Date;
  /**
   * Write the ZIP64 form (as zip tools do past 4 GB or 65,535 entries): every size and offset in the table of
   * contents reads 0xFFFFFFFF and lives in the entry's ZIP64 extra field, and a ZIP64 end record comes first.
   */
  zip64?: boolean;
}

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A zip of the given files (names used verbatim, so a test can write "../evil.js"). */
export function archiveZip(files: Record<string, string | Buffer>, options: ZipOptions = {}): Buffer {
  const { time, day } = dosTime(options.date ?? new Date(Date.UTC(2026, 0, 1)));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const method = options.store ? 0 : 8;
    const packed = method === 8 ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, packed);

    const zip64 = Buffer.alloc(options.zip64 ? 28 : 0);
    if (options.zip64) {
      zip64.writeUInt16LE(0x0001, 0);
      zip64.writeUInt16LE(24, 2);
      zip64.writeBigUInt64LE(BigInt(data.length), 4);
      zip64.writeBigUInt64LE(BigInt(packed.length), 12);
      zip64.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(options.zip64 ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(zip64.length, 30);
    central.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 42); // comment, disk, attributes stay 0
    centrals.push(central, nameBytes, zip64);

    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const count = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  if (!options.zip64) return Buffer.concat([...locals, directory, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // the record's size after this field
  record.writeUInt16LE(45, 12); // version made by
  record.writeUInt16LE(45, 14); // version needed
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16); // disks
  return Buffer.concat([...locals, directory, record, locator, end]);
}

/** Reads a zip's entries (STORE and DEFLATE). Throws on a zip that is cut short or damaged. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let end = -1;
  for (let index = zip.length - 22; index >= Math.max(0, zip.length - 22 - 0xffff); index -= 1) {
    if (zip.readUInt32LE(index) === 0x06054b50) {
      end = index;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let entry = 0; entry < count; entry += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + skip;
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`damaged local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : method === 0 ? Buffer.from(packed) : null;
    if (!data) throw new Error(`unsupported compression ${method} for ${name}`);
    if (crc32(data) !== crc) throw new Error(`bad CRC for ${name}`);
    entries.set(name, data);
  }
  return entries;
}

/** A zip whose entry escapes the extraction folder (default "../evil.js"), next to a valid follower list. */
export function traversalZip(evilName = '../evil.js'): Buffer {
  return archiveZip({
    'data/follower.js': followerJs(['1']),
    [evilName]: 'window.YTD.follower.part0 = [ ]',
  });
}

/** A valid archive cut short (default: to 60% of its bytes), so its central directory is missing. */
export function truncatedZip(
  files: Record<string, string | Buffer> = archiveFiles({ followers: ['1', '2', '3'] }),
  keep = 0.6,
): Buffer {
  const whole = archiveZip(files);
  return whole.subarray(0, Math.floor(whole.length * keep));
}
