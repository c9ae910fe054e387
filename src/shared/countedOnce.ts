// Minutes two devices both timed count once: entries of the same kind that overlap across devices become spans
// that do not, each minute kept by the entry that started first.
import type { TimeEntry } from './types.ts';

/** What counting once needs of an entry; the device and id only break ties between entries starting together. */
export type Timed = Pick<TimeEntry, 'kind' | 'start' | 'end'> & { device?: string; id?: string };

const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Who started first; at the same start the smaller device id, then the smaller entry id. */
function firstStarted(a: Timed, b: Timed): number {
  return a.start - b.start || textOrder(a.device ?? '', b.device ?? '') || textOrder(a.id ?? '', b.id ?? '');
}

function inOrder(entries: readonly Timed[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    const a = entries[i - 1]!;
    const b = entries[i]!;
    if (b.start < a.start || (b.start === a.start && firstStarted(a, b) > 0)) return false;
  }
  return true;
}

/**
 * The entries as spans that never overlap within a kind (online and offline apart). Where entries of a kind
 * overlap, the overlap belongs to the one that started first, with its activity and device; the others keep
 * only what lies past it. Each entry gives at most one span, so an entry is returned as it is, shortened at its
 * start, or left out (wholly covered, or of no length). Entries that overlap nothing come back as the same
 * objects; the spans are in start order. O(n log n); O(n) for a ledger already in order, as it is kept.
 */
export function countedOnce<T extends Timed>(entries: readonly T[]): T[] {
  const ordered = inOrder(entries) ? entries : [...entries].sort(firstStarted);
  // Everything before these instants is already counted: the entries of the kind starting earlier end there at most.
  let onlineUntil = -Infinity;
  let offlineUntil = -Infinity;
  let shortened = false;
  const spans: T[] = [];
  for (const entry of ordered) {
    const online = entry.kind === 'online';
    const until = online ? onlineUntil : offlineUntil;
    if (entry.end > until && entry.end > entry.start) {
      if (entry.start >= until) spans.push(entry);
      else {
        spans.push({ ...entry, start: until });
        shortened = true;
      }
    }
    if (online) onlineUntil = Math.max(until, entry.end);
    else offlineUntil = Math.max(until, entry.end);
  }
  // A span shortened at its start may now start after entries that started later.
  return shortened ? spans.sort(firstStarted) : spans;
}
