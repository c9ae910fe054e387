// The files of an X archive as the user gave them — the zip, or loose .js files from its data folder — read one
// list file at a time: from memory (the browser preview's upload) or from disk (files the desktop app's open
// dialog chose, read where they lie, never copied or sent through IPC). Only the lists and account.js are read.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveProblem, archiveListOf, isAccountFile } from '../../../core/networks/x/archive.ts';
import { bufferSource, fileSource, readEntry, zipDirectory, type ZipEntry, type ZipSource } from './zipEntries.ts';

/** A file as the browser preview uploads it. */
export interface ArchiveFile {
  name: string;
  base64: string;
}

/** One file the user gave: its name, and its bytes when opened. */
export interface ArchiveSource {
  name: string;
  open(): Promise<{ bytes: ZipSource; close(): Promise<void> }>;
}

export const uploadedFile = (file: ArchiveFile): ArchiveSource => ({
  name: file.name,
  open: () => Promise.resolve({ bytes: bufferSource(Buffer.from(file.base64, 'base64')), close: async () => {} }),
});

/** A file on disk, by a path only main knows (the open dialog's answer). */
export const fileOnDisk = (filePath: string): ArchiveSource => ({
  name: path.basename(filePath),
  async open() {
    let file;
    try {
      file = await open(filePath, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'it is no longer there' : code === 'EACCES' ? 'it may not be read' : code;
      throw new ArchiveProblem(`Twoway could not open ${path.basename(filePath)}: ${why}.`);
    }
    const handle = file;
    return { bytes: await fileSource(handle), close: () => handle.close() };
  },
});

export interface ReadProgress {
  file: string;
  done: number;
  total: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(name: string, bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ArchiveProblem(`${name} is not UTF-8 text: is it really from the X archive?`);
  }
}

const relevant = (name: string) => archiveListOf(name) !== null || isAccountFile(name);

/** A whole loose file, read in the pieces a zip entry is read in. */
async function wholeFile(bytes: ZipSource, name: string, onRead: (n: number) => void): Promise<Buffer> {
  const entry: ZipEntry = { name, method: 0, crc: 0, compressedSize: bytes.size, size: bytes.size, offset: 0 };
  const pieces: Buffer[] = [];
  for (let read = 0; read < entry.size;) {
    const next = await bytes.read(read, Math.min(8 * 1024 * 1024, entry.size - read));
    if (next.length === 0) break;
    pieces.push(next);
    read += next.length;
    onRead(next.length);
  }
  return Buffer.concat(pieces);
}

interface Part {
  name: string;
  size: number;
  read(onRead: (n: number) => void): Promise<Buffer>;
}

/**
 * Hands each archive file's text to `use`, account.js first (so the owner is known early), the lists after.
 * `onProgress` may throw to stop between pieces. Every file opened is closed again, whatever happens.
 */
export async function readArchive(
  sources: ArchiveSource[],
  use: (name: string, content: string) => void,
  onProgress: (progress: ReadProgress) => void,
): Promise<void> {
  const opened: { close(): Promise<void> }[] = [];
  try {
    const parts: Part[] = [];
    for (const source of sources) {
      const file = await source.open();
      opened.push(file);
      if (/\.zip$/i.test(source.name)) {
        for (const entry of await zipDirectory(file.bytes, relevant)) {
          parts.push({ name: entry.name, size: entry.compressedSize, read: (on) => readEntry(file.bytes, entry, on) });
        }
      } else if (relevant(source.name)) {
        parts.push({ name: source.name, size: file.bytes.size, read: (on) => wholeFile(file.bytes, source.name, on) });
      } else {
        throw new ArchiveProblem(
          `${source.name} is not part of an X archive: choose the archive .zip, or follower.js and following.js from its data folder.`,
        );
      }
    }
    parts.sort((a, b) => Number(isAccountFile(b.name)) - Number(isAccountFile(a.name)));
    const total = parts.reduce((sum, part) => sum + part.size, 0);
    let done = 0;
    for (const part of parts) {
      onProgress({ file: part.name, done, total });
      const bytes = await part.read((n) => {
        done += n;
        onProgress({ file: part.name, done, total });
      });
      use(part.name, text(part.name, bytes));
    }
  } finally {
    await Promise.allSettled(opened.map((file) => file.close()));
  }
}
