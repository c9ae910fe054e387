// What Mastodon's REST API answers, as Twoway reads it (docs.joinmastodon.org: Account, Relationship, Status,
// Notification): only the fields used, each checked, the harmless ones coerced.
import { z } from 'zod';
import { count, idText, nameText, readEntries } from '../replies.ts';

const acct = z.string().min(1).max(400);
export const mastodonEntity = z.object({
  id: idText,
  acct,
  display_name: nameText,
  /** The profile page, on the server the account lives on. */
  url: z.string().nullable().catch(null),
  /** The account it moved to, where it did. */
  moved: z.object({ acct }).nullish().catch(null),
  suspended: z.boolean().optional().catch(undefined),
});
export type MastodonEntity = z.output<typeof mastodonEntity>;

export const mastodonProfile = mastodonEntity.extend({
  followers_count: count,
  following_count: count,
  statuses_count: count.optional().catch(undefined),
});

/** Asked right before a write: a relationship Twoway cannot read stops the write rather than guess. */
export const mastodonRelationships = z.array(
  z.object({ id: idText, following: z.boolean(), followed_by: z.boolean() }),
);

const mention = z.object({ id: idText, acct: z.string().min(1).max(400) });
const optionalId = idText.nullable().catch(null);
const someCount = count.catch(0);

export const mastodonStatus = z.object({
  id: idText,
  created_at: z.string().refine((at) => !Number.isNaN(Date.parse(at)), 'not a time'),
  content: z.string().catch(''),
  spoiler_text: z.string().catch(''),
  url: z.string().nullable().catch(null),
  uri: z.string().nullable().catch(null),
  account: mastodonEntity,
  in_reply_to_id: optionalId,
  in_reply_to_account_id: optionalId,
  /** Only whether it is a boost is used. */
  reblog: z.unknown().transform((reblog) => reblog !== null && reblog !== undefined),
  mentions: z
    .array(z.unknown())
    .catch([])
    .transform((list) => readEntries(mention, list).items),
  replies_count: someCount,
  reblogs_count: someCount,
  favourites_count: someCount,
  quote: z
    .object({ quoted_status: z.object({ id: idText }).nullable().catch(null) })
    .nullable()
    .catch(null),
});
export type MastodonStatus = z.output<typeof mastodonStatus>;

export const mastodonNotification = z.object({ type: z.string(), status: mastodonStatus.nullish() });
