// Reads chosen entries of a zip (the X data archive): nothing is ever extracted to disk, entry names are only
// compared, never used as paths, and a zip naming a file outside itself is refused. The zip is read piece by
// piece (its table of contents, then only the entries wanted), so a multi-gigabyte archive full of photos costs
// what its follower lists cost. Sizes are checked before inflating; ZIP64 archives (over 4 GB or 65,535 files)
// are read too. fflate inflates each entry as its pieces arrive; it cannot itself jump to an entry of a zip it
// does not hold whole in memory, so the table of contents is read here.
import type { FileHandle } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';

export class ZipProblem extends Error {}

/** Where a zip's bytes come from: memory, or a file read where needed. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const endOfCentralDirectory = 0x06054b50;
const zip64End = 0x06064b50;
const zip64Locator = 0x07064b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;
const unknown32 = 0xffffffff;
/** An archive entry Twoway reads is a list of ids: far smaller than this even for 1M followers. */
const largestEntry = 256 * 1024 * 1024;
/**
 * Entries are read in pieces this large, so a long read reports progress and can stop between pieces; fflate
 * inflates on the main process's thread, so after each piece the process answers whatever else is waiting.
 */
const piece = 1024 * 1024;

export const bufferSource = (zip: Buffer): ZipSource => ({
  size: zip.length,
  read: (offset, length) => Promise.resolve(zip.subarray(offset, offset + length)),
});

export async function fileSource(file: FileHandle): Promise<ZipSource> {
  const { size } = await file.stat();
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await file.read({ buffer, position: offset });
      return buffer.subarray(0, bytesRead);
    },
  };
}

/** Where the table of contents is and how many entries it lists, from the end record (ZIP64 where needed). */
async function tableOfContents(zip: ZipSource): Promise<{ count: number; start: number; end: number }> {
  const tailStart = Math.max(0, zip.size - 22 - 65_535);
  const tail = await zip.read(tailStart, zip.size - tailStart);
  let at = tail.length - 22;
  while (at >= 0 && tail.readUInt32LE(at) !== endOfCentralDirectory) at--;
  if (at < 0) throw new ZipProblem('The zip file is incomplete or damaged (its table of contents is missing).');
  let count = tail.readUInt16LE(at + 10);
  let start = tail.readUInt32LE(at + 16);
  let end = tailStart + at;
  if ((count === 0xffff || start === unknown32) && at >= 20 && tail.readUInt32LE(at - 20) === zip64Locator) {
    const recordAt = Number(tail.readBigUInt64LE(at - 20 + 8));
    const record = await zip.read(recordAt, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== zip64End) {
      throw new ZipProblem('The zip file is damaged (its table of contents does not match its entries).');
    }
    count = Number(record.readBigUInt64LE(32));
    start = Number(record.readBigUInt64LE(48));
    end = recordAt;
  }
  if (start > end) throw new ZipProblem('The zip file is damaged (its table of contents does not match its entries).');
  return { count, start, end };
}

/** The 64-bit sizes and offset a ZIP64 entry keeps in its extra field, for each that reads 0xFFFFFFFF. */
function zip64Fields(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) return null;
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === unknown32) entry.size = next() ?? unknown32;
      if (entry.compressedSize === unknown32) entry.compressedSize = next() ?? unknown32;
      if (entry.offset === unknown32) entry.offset = next() ?? unknown32;
      return;
    }
    at += 4 + length;
  }
}

/** The entries whose names `wanted` accepts; any entry naming a place outside the zip refuses the whole zip. */
export async function zipDirectory(zip: ZipSource, wanted: (name: string) => boolean): Promise<ZipEntry[]> {
  if (zip.size < 22 || (await zip.read(0, 4)).readUInt32LE(0) !== localHeader) {
    throw new ZipProblem('This file is not a zip archive.');
  }
  const { count, start, end } = await tableOfContents(zip);
  const table = await zip.read(start, end - start);
  const found: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > table.length || table.readUInt32LE(at) !== centralHeader) {
      throw new ZipProblem('The zip file is damaged (its table of contents does not match its entries).');
    }
    const nameLength = table.readUInt16LE(at + 28);
    const extraLength = table.readUInt16LE(at + 30);
    const commentLength = table.readUInt16LE(at + 32);
    const name = table.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const entry: ZipEntry = {
      name,
      method: table.readUInt16LE(at + 10),
      crc: table.readUInt32LE(at + 16),
      compressedSize: table.readUInt32LE(at + 20),
      size: table.readUInt32LE(at + 24),
      offset: table.readUInt32LE(at + 42),
    };
    const extra = table.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    at += 46 + nameLength + extraLength + commentLength;
    // No archive X makes points outside itself; a zip that does was made to attack whatever unpacks it.
    if (/^([\\/]|[a-z]:)|(^|[\\/])\.\.([\\/]|$)/i.test(name)) {
      throw new ZipProblem(`This zip names a file outside itself (${name}): it is not an X archive.`);
    }
    if (!wanted(name)) continue;
    zip64Fields(extra, entry);
    if (entry.size === unknown32 || entry.compressedSize === unknown32 || entry.size > largestEntry) {
      throw new ZipProblem(`${name} is too large for Twoway to read.`);
    }
    found.push(entry);
  }
  return found;
}

/** Inflates pieces as they come, refusing more output than the entry declares (a zip bomb stops there). */
function inflater(entry: ZipEntry) {
  const out: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((data) => {
    length += data.length;
    if (length > entry.size) throw new ZipProblem(`${entry.name} is damaged in the zip.`);
    out.push(data);
  });
  return {
    push(packed: Buffer, last: boolean) {
      try {
        inflate.push(packed, last);
      } catch {
        throw new ZipProblem(`${entry.name} is damaged in the zip.`);
      }
    },
    result: () => Buffer.concat(out, length),
  };
}

/** One entry's bytes, inflated; `onRead` hears how many packed bytes each piece read, and may throw to stop. */
export async function readEntry(zip: ZipSource, entry: ZipEntry, onRead: (bytes: number) => void): Promise<Buffer> {
  const { name, offset, compressedSize, size } = entry;
  const header = await zip.read(offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== localHeader) {
    throw new ZipProblem(`${name} is damaged in the zip.`);
  }
  const start = offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + compressedSize > zip.size) throw new ZipProblem('The zip file is cut short: download the archive again.');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipProblem(`${name} is compressed in a way Twoway cannot read.`);
  }
  const stored: Buffer[] = [];
  const inflate = entry.method === 8 ? inflater(entry) : null;
  for (let read = 0; read < compressedSize;) {
    const next = await zip.read(start + read, Math.min(piece, compressedSize - read));
    if (inflate) inflate.push(next, false);
    else stored.push(next);
    read += next.length;
    onRead(next.length);
    if (inflate) await setImmediate();
  }
  inflate?.push(Buffer.alloc(0), true);
  const data = inflate ? inflate.result() : Buffer.concat(stored);
  if (data.length !== size || crc32(data) !== entry.crc) throw new ZipProblem(`${name} is damaged in the zip.`);
  return data;
}
