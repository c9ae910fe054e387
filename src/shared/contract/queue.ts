// The contract's methods for the queue of follows and unfollows Twoway writes to the networks.
import { z } from 'zod';
import { none } from '../inputs.ts';
import type { QueueView } from '../people.ts';
import { accountRef } from './accounts.ts';
import { method } from './method.ts';

export const queueMethods = {
  getQueue: method<QueueView>().takes(none),
  enqueue: method<QueueView>().takes(
    accountRef.extend({
      action: z.enum(['unfollow', 'follow']),
      personIds: z.array(z.string().min(1)).min(1, 'Choose at least one person.').max(10_000),
      /** Unfollows people protected by an outcome too: only after the user confirmed it for them. */
      includeProtected: z.boolean().default(false),
    }),
  ),
  cancelQueued: method<QueueView>().takes(z.object({ itemId: z.string().min(1).nullable() }).strict()),
  undoQueued: method<QueueView>().takes(z.object({ itemId: z.string().min(1) }).strict()),
  markQueuedDone: method<QueueView>().takes(z.object({ itemId: z.string().min(1) }).strict()),
} as const;
