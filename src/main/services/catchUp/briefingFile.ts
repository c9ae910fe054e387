// catch-up.json: what the briefing keeps per account — followers' posts with their scanned marks, mentions and
// their answers, the user's own replies and mentioning posts, and whose feeds were read when.
import { z } from 'zod';
import { emptyCatchUp, type AccountCatchUp } from '../../core/catchUp/read.ts';
import { openStore, type Store, type StoreContext } from '../store.ts';

const person = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });
const counts = z.object({ replies: z.number(), reposts: z.number(), likes: z.number() });
const post = z.object({
  id: z.string(),
  author: person,
  text: z.string(),
  createdAt: z.number(),
  url: z.string().nullable(),
  kind: z.enum(['post', 'reply', 'quote']),
  counts,
  scanned: z.boolean(),
});
const mention = z.object({
  id: z.string(),
  author: person,
  text: z.string(),
  createdAt: z.number(),
  url: z.string().nullable(),
  reason: z.enum(['mention', 'reply', 'quote']),
  state: z.enum(['waiting', 'answered', 'ignored']),
  answeredAt: z.number().nullable(),
});
export const accountCatchUp = z.object({
  lastCatchUpAt: z.number().nullable(),
  since: z.number().nullable(),
  posts: z.array(post),
  mentions: z.array(mention),
  replies: z.array(z.object({ postId: z.string(), at: z.number() })),
  asked: z.array(z.object({ postId: z.string(), at: z.number(), mentioned: z.array(person) })),
  answers: z.array(z.object({ postId: z.string(), personId: z.string(), at: z.number() })),
  othersReadAt: z.record(z.string(), z.number()),
  readOthers: z.object({ read: z.number(), of: z.number() }).nullable(),
  cutShort: z.boolean(),
  requests: z.number().nullable(),
});

export interface CatchUpFile {
  accounts: Record<string, AccountCatchUp>;
}

export function openCatchUpFile(context: StoreContext): Store<CatchUpFile> {
  return openStore<CatchUpFile>(
    {
      name: 'catch-up',
      version: 1,
      schema: z.object({ accounts: z.record(z.string(), accountCatchUp) }),
      initial: () => ({ accounts: {} }),
    },
    context,
  );
}

export const keptFor = (file: CatchUpFile, accountId: string): AccountCatchUp =>
  file.accounts[accountId] ?? emptyCatchUp();
