// One record the person's devices share (a time entry, an outcome, a setting, a keep): its fields, when and
// where each field was last set, and its history. Automerge carries the records and tells which ones two devices
// changed concurrently; this decides what such a record reads as: per field the later edit, so edits of different
// fields both stay and the same field ends with the later one, on every device alike.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Fields = Record<string, Json>;

/** When and on which device a field was set; the device id breaks a tie of equal times. */
export interface Stamp {
  at: number;
  device: string;
}

/** One edit as the history shows it: what changed, where, when. */
export interface Edit extends Stamp {
  /** The fields this edit set, with their new values; `null` when the edit removed the record. */
  set: Fields | null;
}

export interface SharedRecord {
  /** When and where it was first made: lists keep the order things were logged in. */
  created: Stamp;
  fields: Fields;
  stamps: Record<string, Stamp>;
  /** Set when the record was removed; a field set later than this brings it back. */
  removed: Stamp | null;
  history: Edit[];
}

/** The edits a record remembers; older ones fall off. */
export const historyKept = 20;

const later = (a: Stamp, b: Stamp) => a.at > b.at || (a.at === b.at && a.device > b.device);
const sameStamp = (a: Stamp, b: Stamp) => a.at === b.at && a.device === b.device;
const equal = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the record reads as there: never removed, or set again after its removal. */
export function present(record: SharedRecord): boolean {
  if (!record.removed) return true;
  return Object.values(record.stamps).some((stamp) => later(stamp, record.removed!));
}

/**
 * The record after this device sets `next` (or removes it, with null) at `stamp`: only the fields that change get
 * the new stamp. Null when nothing changes, so an unchanged save adds nothing to the document.
 */
export function edited(previous: SharedRecord | null, next: Fields | null, stamp: Stamp): SharedRecord | null {
  const before = previous && present(previous) ? previous.fields : null;
  if (next === null) {
    if (before === null) return null;
    return { ...previous!, removed: stamp, history: remember(previous!.history, { ...stamp, set: null }) };
  }
  const changed: Fields = {};
  for (const [name, value] of Object.entries(next)) {
    if (before === null || !equal(before[name], value)) changed[name] = value;
  }
  const dropped = before ? Object.keys(before).filter((name) => !(name in next)) : [];
  if (Object.keys(changed).length === 0 && dropped.length === 0) return null;
  const stamps = { ...(before ? previous!.stamps : {}) };
  for (const name of Object.keys(changed)) stamps[name] = stamp;
  for (const name of dropped) delete stamps[name];
  return {
    created: previous?.created ?? stamp,
    fields: before ? { ...Object.fromEntries(Object.entries(before).filter(([n]) => n in next)), ...changed } : next,
    stamps: before ? stamps : Object.fromEntries(Object.keys(next).map((name) => [name, stamp])),
    removed: previous?.removed ?? null,
    history: remember(previous?.history ?? [], { ...stamp, set: changed }),
  };
}

function remember(history: readonly Edit[], edit: Edit): Edit[] {
  return [...history, edit].slice(-historyKept);
}

/**
 * What records that two or more devices wrote concurrently read as: each field from the record that set it last,
 * the later removal, and both histories. The order the candidates come in does not matter.
 */
export function merged(candidates: readonly SharedRecord[]): SharedRecord {
  if (candidates.length === 1) return candidates[0]!;
  const fields: Fields = {};
  const stamps: Record<string, Stamp> = {};
  let removed: Stamp | null = null;
  let created = candidates[0]!.created;
  const history = new Map<string, Edit>();
  for (const candidate of candidates) {
    for (const [name, stamp] of Object.entries(candidate.stamps)) {
      if (!stamps[name] || later(stamp, stamps[name])) {
        stamps[name] = stamp;
        fields[name] = candidate.fields[name]!;
      }
    }
    if (later(created, candidate.created)) created = candidate.created;
    if (candidate.removed && (!removed || later(candidate.removed, removed))) removed = candidate.removed;
    for (const edit of candidate.history) history.set(`${edit.at}|${edit.device}|${JSON.stringify(edit.set)}`, edit);
  }
  const ordered = [...history.values()].sort((a, b) => (sameStamp(a, b) ? 0 : later(a, b) ? 1 : -1));
  return { created, fields, stamps, removed, history: ordered.slice(-historyKept) };
}
