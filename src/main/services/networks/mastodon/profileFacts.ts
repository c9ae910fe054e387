// What a people row shows of Mastodon profiles: each account's entity (docs.joinmastodon.org/entities/Account)
// gives the bio (HTML, read as text), the counts, the day of the last post and a still picture. A few at a time;
// an account the instance no longer shows is left out.
import { z } from 'zod';
import { avatarUrlProblem } from '../../../core/balance/avatarCheck.ts';
import { bioFirstLine } from '../../../core/balance/profileText.ts';
import type { ProfileFacts } from '../provider.ts';
import { count, idText, readReply } from '../replies.ts';
import { NetworkFailure } from '../resilientFetch.ts';

const accountsAtOnce = 4;

/** `last_status_at` is a day ('2026-11-30') on recent servers, a time on older ones. */
const lastStatus = z
  .string()
  .max(100)
  .nullable()
  .catch(null)
  .optional()
  .transform((at) => {
    if (!at) return null;
    const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00Z` : at);
    return Number.isNaN(parsed) ? null : parsed;
  });
const someCount = count.nullable().catch(null).optional();
const mastodonProfileFacts = z.object({
  id: idText,
  note: z.string().max(50_000).nullable().catch(null).optional(),
  followers_count: someCount,
  following_count: someCount,
  last_status_at: lastStatus,
  avatar_static: z.string().max(2000).nullable().catch(null).optional(),
  avatar: z.string().max(2000).nullable().catch(null).optional(),
});

/** Mastodon names a stock picture for people without one: that is no picture of them. */
const isStockPicture = (url: string) =>
  URL.canParse(url) && /\/avatars\/original\/missing\.png$/.test(new URL(url).pathname);

export type MastodonRequest = (path: string) => Promise<{ body: unknown }>;

export async function readMastodonProfileFacts(request: MastodonRequest, ids: string[]): Promise<ProfileFacts[]> {
  const found: ProfileFacts[] = [];
  for (let i = 0; i < ids.length; i += accountsAtOnce) {
    const group = ids.slice(i, i + accountsAtOnce);
    const read = await Promise.all(
      group.map(async (id) => {
        try {
          const { body } = await request(`/api/v1/accounts/${encodeURIComponent(id)}`);
          return readReply(mastodonProfileFacts, body, 'Mastodon sent an account');
        } catch (error) {
          // Gone from the instance (404) is an answer; being limited or out of reach stops the batch.
          if (error instanceof NetworkFailure && error.reason === 'refused' && error.status === 404) return null;
          throw error;
        }
      }),
    );
    for (const account of read) {
      if (!account || !group.includes(account.id)) continue;
      const picture = account.avatar_static ?? account.avatar ?? null;
      found.push({
        id: account.id,
        bio: bioFirstLine(account.note, 'html'),
        followersCount: account.followers_count ?? null,
        followingCount: account.following_count ?? null,
        lastPostAt: account.last_status_at,
        avatarUrl: picture && !isStockPicture(picture) && avatarUrlProblem(picture) === null ? picture : null,
      });
    }
  }
  return found;
}
