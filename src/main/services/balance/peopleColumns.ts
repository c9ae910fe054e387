// A follower or following list as columns: each field of every person one after the other (all ids, then all
// handles, …), texts as one block with their lengths, dates as 64-bit numbers. Reading a list back is a few
// bulk decodes and slices, not a parse of one JSON object per person, and a column is decoded only when asked
// for: the ids and dates answer who does not follow back; names are read for the rows shown.
import type { Followed, Ghost, Person } from '../../../shared/people.ts';

export type Kind = 'text' | 'optional text' | 'text or null' | 'number';
type Row = Record<string, unknown>;
const personFields = [
  ['id', 'text', (p: Row) => p.id],
  ['handle', 'text', (p: Row) => p.handle],
  ['displayName', 'text', (p: Row) => p.displayName],
  ['profileHost', 'optional text', (p: Row) => p.profileHost],
] as const satisfies [string, Kind, (p: Row) => unknown][];
const followedFields = [
  ...personFields,
  ['followedAt', 'number', (p: Row) => p.followedAt],
  ['ref', 'text or null', (p: Row) => p.ref],
] as const satisfies [string, Kind, (p: Row) => unknown][];
export type ListName = 'followers' | 'following';
export const fieldsOf = { followers: personFields, following: followedFields } as const;

/** Where a column lies in the file's body; for text, how it is encoded and how many characters it holds. */
export interface Column {
  field: string;
  at: number;
  bytes: number;
  encoding?: 'utf8' | 'utf16le';
  chars?: number;
}
/** What the header says of a list: its length, its columns, and the ghost follows by row (few). */
export interface ListLayout {
  count: number;
  columns: Column[];
  ghosts?: [number, Ghost][];
}

/** A text's length that stands for no value (null, or a field left out). */
export const NONE = 0xffffffff;

/** A value the file cannot hold, named as the schema would: `following.3.followedAt: expected number, received string`. */
export class BadValue extends Error {}

const received = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A list's text column as read, and which of its rows each row being written is (-1: none). */
export interface Reused {
  texts: (field: string) => { text: string; starts: Uint32Array; lengths: Uint32Array };
  rowOf: Int32Array;
}

/**
 * The column's text as pieces: a run of rows unchanged since the list was read is one slice of the text read,
 * so an unfollow writes a few slices rather than joining a hundred thousand names.
 */
function pieces(value: (row: number) => string, lengths: Uint32Array, field: string, reused: Reused): string[] {
  const { text, starts, lengths: read } = reused.texts(field);
  const { rowOf } = reused;
  const found: string[] = [];
  for (let k = 0; k < lengths.length;) {
    const first = rowOf[k]!;
    if (first < 0 || read[first] !== lengths[k]) {
      found.push(value(k++));
      continue;
    }
    let last = first;
    for (k++; k < lengths.length && rowOf[k] === last + 1 && read[last + 1] === lengths[k]; k++) last++;
    found.push(text.slice(starts[first], starts[last]! + (read[last] === NONE ? 0 : read[last]!)));
  }
  return found;
}

function textColumn(
  list: string,
  field: string,
  kind: Kind,
  get: (p: Row) => unknown,
  rows: readonly Row[],
  reused: Reused | null,
) {
  const lengths = new Uint32Array(rows.length);
  // Every text is kept for the join only when none can be taken from the list as read.
  const texts = reused ? null : new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = get(rows[i]!);
    if (typeof value === 'string') {
      lengths[i] = value.length;
      if (texts) texts[i] = value;
    } else if ((kind === 'optional text' && value === undefined) || (kind === 'text or null' && value === null)) {
      lengths[i] = NONE;
      if (texts) texts[i] = '';
    } else throw new BadValue(`${list}.${i}.${field}: expected string, received ${received(value)}`);
  }
  const valueOf = (row: number) => (lengths[row] === NONE ? '' : (get(rows[row]!) as string));
  const text = (texts ?? pieces(valueOf, lengths, field, reused!)).join('');
  // UTF-8 unless a text holds half a surrogate pair, which only UTF-16 keeps as it was.
  const encoding = /[\uD800-\uDFFF]/.test(text) && /\p{Cs}/u.test(text) ? 'utf16le' : 'utf8';
  const parts = [Buffer.from(lengths.buffer), Buffer.from(text, encoding)];
  return { parts, text: { encoding, chars: text.length } as Pick<Column, 'encoding' | 'chars'> };
}

/** For each of `people`, its row in `read` (the list as read, both sorted by id) when it is the very object. */
export function rowsRead(people: readonly Person[], read: readonly Person[]): Int32Array | null {
  const rowOf = new Int32Array(people.length).fill(-1);
  let matched = 0;
  for (let k = 0, r = 0; k < people.length && r < read.length; k++) {
    const person = people[k];
    if (read[r] !== person) {
      if (typeof person?.id !== 'string') continue;
      while (r < read.length && read[r]!.id < person.id) r++;
    }
    if (read[r] === person) [rowOf[k], r, matched] = [r, r + 1, matched + 1];
  }
  return matched > 0 ? rowOf : null;
}

/** Zero bytes that bring `at` to the next multiple of 8, so every column can be read in place as numbers. */
export const padding = (at: number) => Buffer.alloc((8 - (at % 8)) % 8);

/** The columns of a list, laid out from `at` in the body, and the buffers that hold them. */
export function encodeList(list: ListName, people: readonly Person[], at: number, reused: Reused | null = null) {
  if (!Array.isArray(people)) throw new BadValue(`${list}: expected array, received ${received(people)}`);
  const rows = people as unknown as readonly Row[];
  const layout: ListLayout = { count: rows.length, columns: [] };
  const chunks: Buffer[] = [];
  for (const [field, kind, get] of fieldsOf[list]) {
    let parts: Buffer[];
    let text: Pick<Column, 'encoding' | 'chars'> = {};
    if (kind === 'number') {
      const numbers = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const value = get(rows[i]!);
        if (typeof value !== 'number') {
          throw new BadValue(`${list}.${i}.${field}: expected number, received ${received(value)}`);
        }
        numbers[i] = value;
      }
      parts = [Buffer.from(numbers.buffer)];
    } else ({ parts, text } = textColumn(list, field, kind, get, rows, reused));
    const pad = padding(at);
    at += pad.length;
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    layout.columns.push({ field, at, bytes, ...text });
    chunks.push(pad, ...parts);
    at += bytes;
  }
  if (list === 'following') {
    const ghosts: [number, Ghost][] = [];
    (people as Followed[]).forEach((row, i) => row.ghost && ghosts.push([i, row.ghost]));
    layout.ghosts = ghosts;
  }
  return { layout, chunks, end: at };
}
