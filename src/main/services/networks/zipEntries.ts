// Reads chosen entries of a zip (the X data archive) in memory: nothing is ever extracted to disk, entry names
// are only compared, never used as paths, and a zip naming a file outside itself is refused. Sizes are checked
// before inflating.
import { inflateRawSync } from 'node:zlib';

export class ZipProblem extends Error {}

const endOfCentralDirectory = 0x06054b50;
const centralHeader = 0x02014b50;
const localHeader = 0x04034b50;
/** An archive entry Twoway reads is a list of ids: far smaller than this even for 1M followers. */
const largestEntry = 256 * 1024 * 1024;

function findEnd(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (zip.readUInt32LE(at) === endOfCentralDirectory) return at;
  }
  throw new ZipProblem('The zip file is incomplete or damaged (its table of contents is missing).');
}

/** The entries whose names `wanted` accepts, as bytes. */
export function zipEntries(zip: Buffer, wanted: (name: string) => boolean): Map<string, Buffer> {
  if (zip.length < 22 || zip.readUInt32LE(0) !== localHeader) throw new ZipProblem('This file is not a zip archive.');
  const end = findEnd(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== centralHeader) {
      throw new ZipProblem('The zip file is damaged (its table of contents does not match its entries).');
    }
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    // No archive X makes points outside itself; a zip that does was made to attack whatever unpacks it.
    if (/^([\\/]|[a-z]:)|(^|[\\/])\.\.([\\/]|$)/i.test(name)) {
      throw new ZipProblem(`This zip names a file outside itself (${name}): it is not an X archive.`);
    }
    if (!wanted(name)) continue;
    if (size === 0xffffffff || compressedSize === 0xffffffff || size > largestEntry) {
      throw new ZipProblem(`${name} is too large for Twoway to read.`);
    }
    if (offset + 30 > zip.length || zip.readUInt32LE(offset) !== localHeader)
      throw new ZipProblem(`${name} is damaged in the zip.`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = zip.subarray(start, start + compressedSize);
    if (data.length < compressedSize) throw new ZipProblem('The zip file is cut short: download the archive again.');
    if (method === 0) found.set(name, Buffer.from(data));
    else if (method === 8) {
      try {
        found.set(name, inflateRawSync(data, { maxOutputLength: size + 1 }));
      } catch {
        throw new ZipProblem(`${name} is damaged in the zip.`);
      }
    } else throw new ZipProblem(`${name} is compressed in a way Twoway cannot read.`);
  }
  return found;
}
