// A list the person's devices share (time entries, outcomes), kept in the shared document as one record per item:
// the service reads and writes the whole list as before, the document keeps each item's edits apart. What comes
// from another device is checked against the item's schema; an item that fails is left out and the user told.
import fs from 'node:fs';
import type { z } from 'zod';
import type { Fields } from '../../core/devices/sharedRecord.ts';
import { createListeners, type Listener } from '../listeners.ts';
import { fileOf, firstIssue, readStoreFile, refusal, type StoreContext, type StoreSpec } from '../store.ts';
import type { Section, SharedDoc } from './sharedDoc.ts';

export interface SharedListSpec<T extends { id: string }> {
  /** The JSON file the list lived in before it was shared: read once into the document, then moved aside. */
  before: StoreSpec<T[]>;
  section: Section;
  item: z.ZodType<T>;
  order: (a: T, b: T) => number;
  /** What an item of the earlier file becomes as it joins the document. */
  imported?: (item: T) => T;
  /** What the user is told an item is when one from another device cannot be read: "time entry". */
  itemName: string;
}

export interface SharedList<T> {
  read(): T[];
  /** Saves `next` as this device's edit: only the items and fields that differ reach the document. */
  write(next: T[]): void;
  /** Hears the list change after another device's edits were merged. */
  onMerge(listener: Listener<T[]>): () => void;
}

const fieldsOf = <T extends { id: string }>({ id: _id, ...fields }: T): Fields => fields as unknown as Fields;

export function openSharedList<T extends { id: string }>(
  spec: SharedListSpec<T>,
  context: StoreContext,
  doc: SharedDoc,
): SharedList<T> {
  const merges = createListeners<T[]>();
  /** Items already checked, by the fields they came from: a merge checks only the records it changed. */
  const checked = new WeakMap<object, T>();
  const records = doc.records(spec.section);
  /** The list's own order, and where that ties, the order the items were first made in. */
  const inOrder = (a: T, b: T) =>
    spec.order(a, b) || (records.get(a.id)?.created.at ?? 0) - (records.get(b.id)?.created.at ?? 0);
  let list = readDocument();
  importBefore();
  doc.onMerge(({ sections }) => {
    if (!sections.has(spec.section)) return;
    list = readDocument();
    merges.tell(list);
  });

  function readDocument(): T[] {
    const items: T[] = [];
    let unreadable = 0;
    let issue = '';
    for (const [id, fields] of doc.fields(spec.section)) {
      const known = checked.get(fields);
      if (known) {
        items.push(known);
        continue;
      }
      const parsed = spec.item.safeParse({ ...fields, id });
      if (parsed.success) {
        checked.set(fields, parsed.data);
        items.push(parsed.data);
      } else {
        unreadable++;
        issue ||= firstIssue(parsed.error);
      }
    }
    if (unreadable > 0) {
      context.onNotice({
        id: `${spec.section}-unreadable`,
        store: spec.before.name,
        reason: `${unreadable} ${spec.itemName}${unreadable === 1 ? '' : 's'} from another device could not be read and ${unreadable === 1 ? 'is' : 'are'} left out (${issue})`,
        movedTo: null,
        at: context.clock.now(),
      });
    }
    return items.sort(inOrder);
  }

  /** The list as the file of an earlier Twoway held it joins the document once; the file is kept aside. */
  function importBefore() {
    const file = fileOf(context.dataDir, spec.before.name);
    if (!fs.existsSync(file)) return;
    const found = readStoreFile(spec.before, context, file);
    if (found) {
      const held = new Set(list.map((item) => item.id));
      const joining = found.data.filter((item) => !held.has(item.id)).map(spec.imported ?? ((item) => item));
      write([...list, ...joining]);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.moved-to-shared`);
  }

  function write(next: T[]) {
    const held = new Map(list.map((item) => [item.id, item]));
    const kept: T[] = [];
    const changes: [string, Fields | null][] = [];
    const ids = new Set<string>();
    for (const item of next) {
      ids.add(item.id);
      // The items a save passes on untouched are the ones it read: only the others are checked and compared.
      if (held.get(item.id) === item) {
        kept.push(item);
        continue;
      }
      const parsed = spec.item.safeParse(item);
      if (!parsed.success) throw refusal(spec.before.name, firstIssue(parsed.error));
      kept.push(parsed.data);
      changes.push([item.id, fieldsOf(parsed.data)]);
    }
    for (const id of held.keys()) if (!ids.has(id)) changes.push([id, null]);
    doc.set(spec.section, changes, context.clock.now());
    list = kept.sort(inOrder);
  }

  return { read: () => list, write, onMerge: (listener) => merges.add(listener) };
}
