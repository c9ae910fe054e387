// What the person authors on any of their devices, as one Automerge document saved in the data folder
// (`shared.automerge`): sections of records, each record a key holding its JSON (core/devices/sharedRecord.ts).
// Automerge keeps every device's changes and says which keys two devices set concurrently; those read as the
// merge of their candidates. A record is one value rather than a map of fields: loading and merging tens of
// thousands of small maps costs seconds, one value per record a fraction of that.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as Automerge from '@automerge/automerge';
import { merged, edited, present, type Fields, type SharedRecord } from '../../core/devices/sharedRecord.ts';
import { createListeners, type Listener } from '../listeners.ts';
import { fileOf, putAside, removeUnfinishedWrites, whyUnsaved, type StoreContext } from '../store.ts';
import { Failure } from '../failure.ts';

/** Every section the document has; each is created in the common first change, so no two devices create one apart. */
export const sections = [
  'devices',
  'entries',
  'outcomes',
  'settings',
  'keepReasons',
  'lifted',
  'keeps',
  'firstSeen',
  'scanned',
  'answered',
] as const;
export type Section = (typeof sections)[number];

type Doc = Record<Section, Record<string, Automerge.ImmutableString>>;

/** A peer's document larger than this is refused unread: no one person's choices come near it. */
export const largestDocument = 256 * 1024 * 1024;
/** A record's JSON larger than this is not read. */
const largestRecord = 64 * 1024;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStamp = (value: unknown) =>
  isObject(value) && typeof value.at === 'number' && typeof value.device === 'string' && value.device.length <= 64;

/**
 * Whether parsed JSON has a record's shape. What JSON.parse gives is JSON already, so only the structure is
 * checked, by hand: a schema library costs more than the merge itself on tens of thousands of records.
 */
function isRecord(value: unknown): value is SharedRecord {
  if (!isObject(value) || !isStamp(value.created) || !isObject(value.fields) || !isObject(value.stamps)) return false;
  if (!Object.values(value.stamps).every(isStamp)) return false;
  if (value.removed !== null && !isStamp(value.removed)) return false;
  const { history } = value;
  return (
    Array.isArray(history) &&
    history.length <= 100 &&
    history.every((edit) => isStamp(edit) && (edit.set === null || isObject(edit.set)))
  );
}

/**
 * The first change of every Twoway's document, the same bytes on every device (a fixed actor, time 0), so that
 * documents begun apart share their root and merge section by section.
 */
function common(): Automerge.Doc<Doc> {
  return Automerge.change(Automerge.init<Doc>({ actor: '00'.repeat(16) }), { time: 0, message: 'Twoway' }, (doc) => {
    for (const section of sections) doc[section] = {};
  });
}

/** A new actor each start: a data folder copied to another machine must never reuse one. */
const newActor = () => randomBytes(16).toString('hex');

function parseRecord(value: unknown): SharedRecord | null {
  const text = value instanceof Automerge.ImmutableString ? value.val : typeof value === 'string' ? value : null;
  if (text === null || text.length > largestRecord) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A document whose sections are not the common first change's maps would, once merged, hide this device's records
 * behind its own (a section set anew wins or loses as a whole): such a document is refused unmerged.
 */
function refuseForeign(theirs: Automerge.Doc<Doc>) {
  const root = common();
  for (const section of sections) {
    const conflicts = Automerge.getConflicts(theirs, section);
    if (
      Automerge.getObjectId(theirs, section) !== Automerge.getObjectId(root, section) ||
      (conflicts && Object.keys(conflicts).length > 1)
    ) {
      throw new Error(`its “${section}” is not the one every Twoway shares`);
    }
  }
}

export interface Merge {
  /** The sections whose records changed. */
  sections: Set<Section>;
}

export interface SharedDocOptions {
  context: StoreContext;
  /** This device's id: every edit made here is stamped with it. */
  device: string;
}

export function openSharedDoc({ context, device }: SharedDocOptions) {
  const file = fileOf(context.dataDir, 'shared', '.automerge');
  fs.mkdirSync(context.dataDir, { recursive: true });
  removeUnfinishedWrites(context.dataDir, 'shared.automerge');
  /** The bytes on disk, and of which document: a transport sends them without encoding again. */
  let saved: { doc: Automerge.Doc<Doc>; bytes: Uint8Array } | null = null;
  let doc = load();
  const cache = new Map<Section, Map<string, SharedRecord>>();
  const merges = createListeners<Merge>();
  /** Told after every saved change, this device's own and merged ones alike: what transports send on. */
  const changed = createListeners<void>();

  function load(): Automerge.Doc<Doc> {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Automerge.clone(common(), { actor: newActor() });
      throw error;
    }
    try {
      const loaded = Automerge.load<Doc>(bytes, { actor: newActor() });
      if (sections.every((section) => loaded[section] !== undefined)) {
        saved = { doc: loaded, bytes };
        return loaded;
      }
      throw new Error('it lacks sections');
    } catch {
      putAside(context, 'shared', file, 'it is not a Twoway document Automerge can read');
      return Automerge.clone(common(), { actor: newActor() });
    }
  }

  /** Atomically: a kill at any moment leaves the last saved document or this one, never a part. */
  function save() {
    const bytes = Automerge.save(doc);
    const temporary = `${file}.tmp-${process.pid}`;
    try {
      const handle = fs.openSync(temporary, 'w');
      try {
        fs.writeSync(handle, bytes);
        fs.fsyncSync(handle);
      } finally {
        fs.closeSync(handle);
      }
      fs.renameSync(temporary, file);
      saved = { doc, bytes };
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw new Failure('unavailable', `Twoway could not save this change: ${whyUnsaved(error)}. Nothing changed.`);
    }
  }

  /**
   * What a merge brought is saved just after it, off the merge's path: until then the peers still hold it, so a
   * crash meanwhile only means merging it again at the next start.
   */
  let saveDue: NodeJS.Immediate | null = null;
  function saveSoon() {
    saveDue ??= setImmediate(flush);
  }
  function flush() {
    if (saveDue) clearImmediate(saveDue);
    saveDue = null;
    if (saved?.doc === doc) return;
    try {
      save();
    } catch {
      // Kept in memory; the next change or merge saves it, and the peers still hold it meanwhile.
    }
  }

  /** The record under `key` as every device's edits make it, or null when there is none or it cannot be read. */
  function resolve(section: Section, key: string): SharedRecord | null {
    // Automerge names the candidates only where there are several.
    const conflicts = Automerge.getConflicts(doc[section], key);
    const values = conflicts ? Object.values(conflicts) : key in doc[section] ? [doc[section][key]] : [];
    const candidates = values.map(parseRecord).filter((r): r is SharedRecord => r !== null);
    return candidates.length === 0 ? null : merged(candidates);
  }

  function recordsOf(section: Section): Map<string, SharedRecord> {
    let records = cache.get(section);
    if (!records) {
      records = new Map();
      for (const key of Object.keys(doc[section])) {
        const record = resolve(section, key);
        if (record) records.set(key, record);
      }
      cache.set(section, records);
    }
    return records;
  }

  return {
    device,
    /** Every record of a section, removed ones included (their stamps decide against late edits). */
    records: (section: Section): ReadonlyMap<string, SharedRecord> => recordsOf(section),
    /** The fields of each record of the section that is there now. */
    fields(section: Section): Map<string, Fields> {
      const out = new Map<string, Fields>();
      for (const [key, record] of recordsOf(section)) if (present(record)) out.set(key, record.fields);
      return out;
    },
    /**
     * Sets records of one section as this device's edit at `at` (null removes one), in one change saved before
     * it returns; true when anything changed. A save the disk refuses throws and changes nothing.
     */
    set(section: Section, changes: Iterable<readonly [string, Fields | null]>, at: number): boolean {
      const records = recordsOf(section);
      const next = new Map<string, SharedRecord>();
      for (const [key, fields] of changes) {
        const record = edited(next.get(key) ?? records.get(key) ?? null, fields, { at, device });
        if (record) next.set(key, record);
      }
      if (next.size === 0) return false;
      // A change leaves the document before it unusable, so what a refused save goes back to is its bytes.
      const wasSaved = saved?.doc === doc;
      const before = wasSaved ? saved!.bytes : Automerge.save(doc);
      doc = Automerge.change(doc, { time: Math.floor(at / 1000) }, (draft) => {
        for (const [key, record] of next) draft[section][key] = new Automerge.ImmutableString(JSON.stringify(record));
      });
      try {
        save();
      } catch (error) {
        doc = Automerge.load<Doc>(before, { actor: newActor() });
        if (wasSaved) saved = { doc, bytes: before };
        else saveSoon();
        throw error;
      }
      for (const [key, record] of next) records.set(key, record);
      changed.tell();
      return true;
    },
    /** Merges a peer's saved document; says which sections changed. Throws when the bytes are not a document. */
    merge(bytes: Uint8Array): Merge {
      if (bytes.length > largestDocument) throw new Error(`it is larger than ${largestDocument / 2 ** 20} MB`);
      // A strict load: a file still being copied fails whole instead of merging the part that arrived.
      const theirs = Automerge.load<Doc>(bytes);
      refuseForeign(theirs);
      const before = Automerge.getHeads(doc);
      return taken(Automerge.merge(doc, theirs), before);
    },
    /** Takes a document that already holds this one's changes (the sync server's copy), as merged. */
    adopt(next: Automerge.Doc<Doc>): Merge {
      refuseForeign(next);
      const before = Automerge.getHeads(doc);
      return taken(Automerge.merge(doc, next), before);
    },
    /** What a peer needs: the whole document, as saved. */
    bytes: (): Uint8Array => (saved?.doc === doc ? saved.bytes : Automerge.save(doc)),
    /** The document itself, for a transport that syncs Automerge documents. */
    current: () => doc,
    /** Hears every merge that changed records (the file is saved just after). */
    onMerge: (listener: Listener<Merge>) => merges.add(listener),
    /** Saves now what a merge brought (on a normal quit). */
    flush,
    /** Hears every change, this device's and merged ones. */
    onChange: (listener: Listener<void>) => changed.add(listener),
  };

  function taken(next: Automerge.Doc<Doc>, before: Automerge.Heads): Merge {
    const changedSections = new Set<Section>();
    const after = Automerge.getHeads(next);
    doc = next;
    if (after.length === before.length && after.every((head) => before.includes(head))) {
      return { sections: changedSections };
    }
    const patches = Automerge.diff(next, before, after);
    const records = new Map<Section, Set<string>>();
    for (const patch of patches) {
      const [section, key] = patch.path as [Section, string | undefined];
      if (!sections.includes(section) || typeof key !== 'string') continue;
      changedSections.add(section);
      if (!records.has(section)) records.set(section, new Set());
      records.get(section)!.add(key);
    }
    for (const [section, keys] of records) {
      const cached = cache.get(section);
      if (!cached) continue;
      for (const key of keys) {
        const record = resolve(section, key);
        if (record) cached.set(key, record);
        else cached.delete(key);
      }
    }
    saveSoon();
    if (changedSections.size > 0) merges.tell({ sections: changedSections });
    changed.tell();
    return { sections: changedSections };
  }
}
export type SharedDoc = ReturnType<typeof openSharedDoc>;
