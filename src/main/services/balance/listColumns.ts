// One list of an account file, read in place: numbers are typed-array views over the file's own bytes (the
// writer lays every column out at a multiple of 8), and a text column is decoded only when first asked for.
// Ids of plain ASCII are compared as bytes where they lie, so who does not follow back needs no string per id.
import type { Followed, Ghost, Person } from '../../../shared/people.ts';
import type { IdBytes } from '../../core/balance/idBytes.ts';
import { Unusable } from '../store.ts';
import {
  fieldsOf,
  NONE,
  padding,
  rowsRead,
  type Column,
  type ListLayout,
  type ListName,
  type Reused,
} from './peopleColumns.ts';

type TextField = 'id' | 'handle' | 'displayName' | 'profileHost' | 'ref';

/** `count` numbers of `bytes`, read in place where they are aligned, else copied (files written before). */
function numbers<T extends Uint32Array | Float64Array>(
  Kind: { new (b: ArrayBuffer, at: number, n: number): T; new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  bytes: Uint8Array,
  count: number,
): T {
  if (bytes.byteOffset % Kind.BYTES_PER_ELEMENT === 0) {
    return new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset, count);
  }
  return new Kind(new Uint8Array(bytes.subarray(0, count * Kind.BYTES_PER_ELEMENT)).buffer);
}

/** A text column: its lengths, where each row's text starts, and the text, decoded when first read. */
interface Texts {
  column: Column;
  bytes: Uint8Array;
  lengths: Uint32Array;
  starts: Uint32Array;
  text: string | null;
}

/** The lists read from files, by the array of people made from them: an unchanged list is written as it was. */
const sources = new WeakMap<readonly Person[], ListColumns>();

/** The columns `people` were read from, while the list is the very one read. */
export const columnsBehind = (people: readonly Person[]): ListColumns | null => sources.get(people) ?? null;

export class ListColumns {
  readonly count: number;
  /** The ghost follows by row. */
  readonly ghosts: ReadonlyMap<number, Ghost>;
  private readonly list: ListName;
  private readonly body: Buffer;
  private readonly layout: ListLayout;
  private readonly texts = new Map<TextField, Texts>();
  private idList: readonly string[] | null = null;
  private dates: Float64Array | null = null;
  private made: readonly Person[] | null = null;

  constructor(list: ListName, body: Buffer, layout: ListLayout) {
    this.list = list;
    this.body = body;
    this.layout = layout;
    this.count = layout.count;
    this.ghosts = new Map(layout.ghosts);
    for (const [row] of this.ghosts) if (row >= this.count) throw new Unusable('a ghost follow is not in its list');
    // Every column is checked to fit the list's length (its texts' lengths summed) before any is read.
    for (const [field, kind] of fieldsOf[list]) {
      const column = this.column(field);
      const bytes = this.body.subarray(column.at, column.at + column.bytes);
      if (kind === 'number') {
        if (bytes.length !== this.count * 8) throw new Unusable(`its ${field} column does not add up`);
        continue;
      }
      if (bytes.length < this.count * 4 || column.chars === undefined) {
        throw new Unusable(`its ${field} column does not add up`);
      }
      const lengths = numbers(Uint32Array, bytes, this.count);
      const starts = new Uint32Array(this.count);
      let chars = 0;
      for (let i = 0; i < this.count; i++) {
        starts[i] = chars;
        const length = lengths[i]!;
        if (length !== NONE) chars += length;
      }
      if (chars !== column.chars) throw new Unusable(`its ${field} column does not add up`);
      this.texts.set(field as TextField, {
        column,
        bytes: bytes.subarray(this.count * 4),
        lengths,
        starts,
        text: null,
      });
    }
  }

  private column(field: string): Column {
    const column = this.layout.columns.find((c) => c.field === field);
    if (!column) throw new Unusable(`its ${this.list} have no ${field} column`);
    return column;
  }

  private decoded(field: TextField): Texts & { text: string } {
    const texts = this.texts.get(field)!;
    if (texts.text === null) {
      const { column, bytes } = texts;
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(column.encoding ?? 'utf8');
      if (text.length !== column.chars) throw new Unusable(`its ${field} text is not what its lengths say`);
      texts.text = text;
    }
    return texts as Texts & { text: string };
  }

  /** The text of one row (null for none). */
  private value(field: TextField, row: number): string | null {
    const { text, starts, lengths } = this.decoded(field);
    const length = lengths[row]!;
    return length === NONE ? null : text.slice(starts[row]!, starts[row]! + length);
  }

  /** The ids as bytes, when every one is plain ASCII (a byte per character, so bytes order as the strings). */
  idBytes(): IdBytes | null {
    const { column, bytes, lengths, starts } = this.texts.get('id')!;
    return (column.encoding ?? 'utf8') === 'utf8' && bytes.length === column.chars ? { bytes, starts, lengths } : null;
  }

  /** Every id, in row order: sorted, as the list is. */
  ids(): readonly string[] {
    this.idList ??= Array.from({ length: this.count }, (_, row) => this.value('id', row)!);
    return this.idList;
  }

  /** The follow dates, by row (following only). */
  followedAt(): Float64Array {
    const { at, bytes } = this.column('followedAt');
    this.dates ??= numbers(Float64Array, this.body.subarray(at, at + bytes), this.count);
    return this.dates;
  }

  /** The person in `row`, as a list of objects holds them. */
  person(row: number): Person {
    const person: Person = {
      id: this.value('id', row)!,
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

  /** The texts of a column, row by row: one decode, then a slice per row. */
  private valuesOf(field: TextField): (string | null)[] {
    const { text, starts, lengths } = this.decoded(field);
    const values = new Array<string | null>(this.count);
    for (let row = 0; row < this.count; row++) {
      const length = lengths[row]!;
      values[row] = length === NONE ? null : text.slice(starts[row]!, starts[row]! + length);
    }
    return values;
  }

  /** The whole list as objects, frozen: while it is the list as read, it is written back as these columns. */
  all(): Person[] {
    // Column by column, each read once, rather than person by person through every column.
    const [ids, handles, names, hosts] = (['id', 'handle', 'displayName', 'profileHost'] as const).map((f) =>
      this.valuesOf(f),
    ) as [string[], string[], string[], (string | null)[]];
    const list = new Array<Person>(this.count);
    const following = this.list === 'following';
    const dates = following ? this.followedAt() : null;
    const refs = following ? this.valuesOf('ref') : null;
    for (let row = 0; row < this.count; row++) {
      const person: Person = { id: ids[row]!, handle: handles[row]!, displayName: names[row]! };
      if (hosts[row] !== null) person.profileHost = hosts[row]!;
      if (following) {
        const followed = person as Followed;
        followed.followedAt = dates![row]!;
        followed.ref = refs![row]!;
        const ghost = this.ghosts.get(row);
        if (ghost) followed.ghost = ghost;
      }
      list[row] = person;
    }
    const people = Object.freeze(list);
    sources.set(people, this);
    this.made = people;
    return people as Person[];
  }

  /** What `people`, a changed copy of this list, can take from its texts as they are; null when nothing. */
  reusedBy(people: readonly Person[]): Reused | null {
    const rowOf = this.made && rowsRead(people, this.made);
    return rowOf ? { rowOf, texts: (field) => this.decoded(field as TextField) } : null;
  }

  /** The list's columns as they are, laid out from `at` in another file's body: nothing decoded or encoded. */
  copy(at: number) {
    const layout: ListLayout = { ...this.layout, columns: [] };
    const chunks: Buffer[] = [];
    for (const column of this.layout.columns) {
      const pad = padding(at);
      at += pad.length;
      layout.columns.push({ ...column, at });
      chunks.push(pad, this.body.subarray(column.at, column.at + column.bytes));
      at += column.bytes;
    }
    return { layout, chunks, end: at };
  }
}
