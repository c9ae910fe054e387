// The queue's own file: its items and the writes made per account (for pacing and the daily cap). It survives a
// restart; version 2 dates each item and keeps what each write was, since a follow costs more than an unfollow.
import { z } from 'zod';
import { openStore, type Store, type StoreContext } from '../store.ts';

const person = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });
const action = z.enum(['unfollow', 'follow']);
const queueSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      accountId: z.string(),
      action,
      person,
      state: z.enum(['waiting', 'working', 'needs-you', 'done', 'skipped', 'failed', 'cancelled']),
      note: z.string().nullable(),
      doneAt: z.number().nullable(),
      undoUntil: z.number().nullable(),
      undoes: z.string().nullable(),
      queuedAt: z.number(),
      waitingUntil: z.number().nullable(),
      // Files written before protection have none: their unfollows are checked like any other.
      unfollowAnyway: z.boolean().optional(),
    }),
  ),
  /** Writes made per account in the last day, oldest first. */
  writes: z.record(z.string(), z.array(z.object({ at: z.number(), action }))),
});
export type QueueFile = z.infer<typeof queueSchema>;

const unfinished = ['waiting', 'working', 'needs-you'];

/**
 * Version 1 knew neither when an item was queued nor what each write was. Finished items date from when they
 * ended, unfinished ones from just after the last of those (a batch of their own); every old write counts as a
 * follow, the dearer kind.
 */
function dated(old: unknown): unknown {
  const file = old as { items?: Record<string, unknown>[]; writes?: Record<string, unknown[]> };
  if (!Array.isArray(file?.items)) return old;
  const ended = (item: Record<string, unknown>) => (typeof item.doneAt === 'number' ? item.doneAt : 0);
  const last = Math.max(0, ...file.items.map(ended));
  const items = file.items.map((item) => ({
    ...item,
    queuedAt: unfinished.includes(String(item.state)) ? last + 1 : ended(item),
    waitingUntil: null,
  }));
  const writes = Object.fromEntries(
    Object.entries(file.writes ?? {}).map(([id, times]) => [
      id,
      (Array.isArray(times) ? times : []).map((at) => ({ at, action: 'follow' })),
    ]),
  );
  return { ...file, items, writes };
}

export function openQueueFile(context: StoreContext): Store<QueueFile> {
  return openStore<QueueFile>(
    {
      name: 'action-queue',
      version: 2,
      schema: queueSchema,
      initial: () => ({ items: [], writes: {} }),
      migrations: { 2: dated },
    },
    context,
  );
}

/** Items a quit cut short while working go back to waiting; returns their ids, for the re-check before a retry. */
export function reopenCutShort(store: Store<QueueFile>): Set<string> {
  const cutShort = new Set(
    store
      .read()
      .items.filter((i) => i.state === 'working')
      .map((i) => i.id),
  );
  if (cutShort.size === 0) return cutShort;
  const items = store
    .read()
    .items.map((i) => (i.state === 'working' ? { ...i, state: 'waiting' as const, waitingUntil: null } : i));
  store.keep({ ...store.read(), items });
  return cutShort;
}
