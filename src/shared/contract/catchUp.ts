// The contract's methods for catching up: the briefing of followers' posts and mentions, reading the feeds again,
// and marking what the user has seen or answered.
import { z } from 'zod';
import type { CatchUpBriefing, CatchUpSummary } from '../catchUp.ts';
import { accountRef } from './accounts.ts';
import { method } from './method.ts';

export const catchUpMethods = {
  /** Posts already marked scanned are left out unless `withScanned`. */
  getCatchUp: method<CatchUpBriefing>().takes(
    z
      .object({ withScanned: z.boolean().default(false) })
      .strict()
      .default({ withScanned: false }),
  ),
  refreshCatchUp: method<null>().takes(
    z.object({ accountId: z.string().min(1).nullable().default(null), onlyStale: z.boolean().default(false) }).strict(),
  ),
  cancelCatchUp: method<null>().takes(z.object({ accountId: z.string().min(1).nullable().default(null) }).strict()),
  markScanned: method<CatchUpSummary>().takes(
    z
      .object({
        target: z.union([
          z.object({ accountId: z.string().min(1), post: z.string().min(1) }).strict(),
          z.object({ accountId: z.string().min(1), person: z.string().min(1) }).strict(),
          z.object({ everything: z.literal(true) }).strict(),
        ]),
        /** false takes the mark off again. */
        scanned: z.boolean().default(true),
      })
      .strict(),
  ),
  markMention: method<CatchUpSummary>().takes(
    accountRef.extend({ mentionId: z.string().min(1), state: z.enum(['waiting', 'answered', 'ignored']) }),
  ),
} as const;
