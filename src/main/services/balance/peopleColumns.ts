// A follower or following list as columns: each field of every person one after the other (all ids, then all
// handles, …), texts as one block with their lengths, dates as 64-bit numbers. Reading a list back is a few
// bulk decodes and slices, not a parse of one JSON object per person, and a column is decoded only when asked
// for: the ids and dates answer who does not follow back; names are read for the rows shown.
import type { Followed, Ghost, Person } from '../../../shared/people.ts';
import { Unusable } from '../store.ts';

type Kind = 'text' | 'optional text' | 'text or null' | 'number';
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
const fieldsOf = { followers: personFields, following: followedFields } as const;

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
const NONE = 0xffffffff;

/** A value the file cannot hold, named as the schema would: `following.3.followedAt: expected number, received string`. */
export class BadValue extends Error {}

const received = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function textColumn(list: string, field: string, kind: Kind, get: (p: Row) => unknown, rows: readonly Row[]) {
  const lengths = new Uint32Array(rows.length);
  const texts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const value = get(rows[i]!);
    if (typeof value === 'string') {
      lengths[i] = value.length;
      texts.push(value);
    } else if ((kind === 'optional text' && value === undefined) || (kind === 'text or null' && value === null)) {
      lengths[i] = NONE;
    } else throw new BadValue(`${list}.${i}.${field}: expected string, received ${received(value)}`);
  }
  const text = texts.join('');
  // UTF-8 unless a text holds half a surrogate pair, which only UTF-16 keeps as it was.
  const encoding = /[\uD800-\uDFFF]/.test(text) && /\p{Cs}/u.test(text) ? 'utf16le' : 'utf8';
  const parts = [Buffer.from(lengths.buffer), Buffer.from(text, encoding)];
  return { parts, text: { encoding, chars: text.length } as Pick<Column, 'encoding' | 'chars'> };
}

/** The columns of a list, laid out from `at` in the body, and the buffers that hold them. */
export function encodeList(list: ListName, people: readonly Person[], at: number) {
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
    } else ({ parts, text } = textColumn(list, field, kind, get, rows));
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    layout.columns.push({ field, at, bytes, ...text });
    chunks.push(...parts);
    at += bytes;
  }
  if (list === 'following') {
    layout.ghosts = (people as Followed[]).flatMap((row, i) => (row.ghost ? [[i, row.ghost] as [number, Ghost]] : []));
  }
  return { layout, chunks, end: at };
}

/** A copy of `bytes` as its own buffer: typed arrays need their start aligned. */
const own = (bytes: Buffer) => new Uint8Array(bytes).buffer;

type TextField = 'id' | 'handle' | 'displayName' | 'profileHost' | 'ref';

/** A text column decoded: one string, and where each row's text starts in it. */
interface Texts {
  text: string;
  starts: Uint32Array;
  lengths: Uint32Array;
}

/** One list of an account file, its columns decoded as they are first needed. */
export class ListColumns {
  readonly count: number;
  /** The ghost follows by row. */
  readonly ghosts: ReadonlyMap<number, Ghost>;
  private readonly list: ListName;
  private readonly body: Buffer;
  private readonly layout: ListLayout;
  private readonly texts = new Map<TextField, Texts>();
  private readonly checked = new Set<string>();
  private idList: readonly string[] | null = null;
  private dates: Float64Array | null = null;

  constructor(list: ListName, body: Buffer, layout: ListLayout) {
    this.list = list;
    this.body = body;
    this.layout = layout;
    this.count = layout.count;
    this.ghosts = new Map(layout.ghosts);
    for (const [row] of this.ghosts) if (row >= this.count) throw new Unusable('a ghost follow is not in its list');
    for (const [field] of fieldsOf[list]) this.column(field);
  }

  /** A column where the header says it is, checked once to fit the list's length (its texts' lengths summed). */
  private column(field: string): { column: Column; bytes: Buffer } {
    const column = this.layout.columns.find((c) => c.field === field);
    if (!column) throw new Unusable(`its ${this.list} have no ${field} column`);
    const bytes = this.body.subarray(column.at, column.at + column.bytes);
    const kind = fieldsOf[this.list].find(([name]) => name === field)![1];
    const fits = () => {
      if (kind === 'number') return bytes.length === this.count * 8;
      if (bytes.length < this.count * 4 || column.chars === undefined) return false;
      let chars = 0;
      for (const length of new Uint32Array(own(bytes.subarray(0, this.count * 4))))
        if (length !== NONE) chars += length;
      return chars === column.chars;
    };
    if (!this.checked.has(field) && !fits()) throw new Unusable(`its ${field} column does not add up`);
    this.checked.add(field);
    return { column, bytes };
  }

  private decoded(field: TextField): Texts {
    const known = this.texts.get(field);
    if (known) return known;
    const { column, bytes } = this.column(field);
    const lengths = new Uint32Array(own(bytes.subarray(0, this.count * 4)));
    const text = bytes.toString(column.encoding ?? 'utf8', this.count * 4);
    const starts = new Uint32Array(this.count);
    let start = 0;
    for (let i = 0; i < this.count; i++) {
      starts[i] = start;
      if (lengths[i] !== NONE) start += lengths[i]!;
    }
    if (start !== text.length) throw new Unusable(`its ${field} text is not what its lengths say`);
    const texts = { text, starts, lengths };
    this.texts.set(field, texts);
    return texts;
  }

  /** The text of one row (null for none). */
  private value(field: TextField, row: number): string | null {
    const { text, starts, lengths } = this.decoded(field);
    const length = lengths[row]!;
    return length === NONE ? null : text.slice(starts[row]!, starts[row]! + length);
  }

  /** Every id, in row order: sorted, as the list is. */
  ids(): readonly string[] {
    this.idList ??= Array.from({ length: this.count }, (_, row) => this.value('id', row)!);
    return this.idList;
  }

  /** The follow dates, by row (following only). */
  followedAt(): Float64Array {
    this.dates ??= new Float64Array(own(this.column('followedAt').bytes));
    return this.dates;
  }

  /** The person in `row`, as a list of objects holds them. */
  person(row: number): Person {
    const person: Person = {
      id: this.ids()[row]!,
      handle: this.value('handle', row)!,
      displayName: this.value('displayName', row)!,
    };
    const host = this.value('profileHost', row);
    if (host !== null) person.profileHost = host;
    if (this.list === 'followers') return person;
    const followed = person as Followed;
    followed.followedAt = this.followedAt()[row]!;
    followed.ref = this.value('ref', row);
    const ghost = this.ghosts.get(row);
    if (ghost) followed.ghost = ghost;
    return followed;
  }

  /** The whole list as objects. */
  all(): Person[] {
    return Array.from({ length: this.count }, (_, row) => this.person(row));
  }
}
