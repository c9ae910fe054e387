// What a people row shows of Bluesky profiles: getProfiles (25 at a time) gives the bio, the counts and the
// picture; the last post comes from each author's feed, one entry of it, a few authors at a time. Every answer is
// read through a schema; an entry that cannot be read is left out.
import type { Agent } from '@atproto/api';
import { z } from 'zod';
import { avatarUrlProblem } from '../../../core/balance/avatarCheck.ts';
import { bioFirstLine } from '../../../core/balance/profileText.ts';
import { blueskyFeedPage, blueskyProfiles, xrpcRead } from './replies.ts';
import type { ProfileFacts } from '../provider.ts';
import { count, readEntries, readReply } from '../replies.ts';

const profilesAtOnce = 25;
const feedsAtOnce = 4;

const did = z.string().regex(/^did:[a-z]+:[a-zA-Z0-9._:%-]{1,2000}$/);
const someCount = count.nullable().catch(null);
const blueskyProfileFacts = z.object({
  did,
  description: z.string().max(20_000).nullable().catch(null).optional(),
  followersCount: someCount.optional(),
  followsCount: someCount.optional(),
  avatar: z.string().max(2000).nullable().catch(null).optional(),
});

const time = z
  .string()
  .max(100)
  .transform((at) => Date.parse(at))
  .refine((at) => !Number.isNaN(at));
/** The newest entry of an author's feed: their post, or their repost (then the repost's own time). */
const feedEntry = z.object({
  post: z.object({
    indexedAt: time.optional().catch(undefined),
    record: z.object({ createdAt: time }).partial().catch({}),
  }),
  reason: z
    .object({ indexedAt: time.optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/** When someone last posted; null when their feed is empty, undefined when it cannot be read. */
async function lastPostAt(appview: Agent, actor: string): Promise<number | null | undefined> {
  try {
    const answer = await xrpcRead('app.bsky.feed.getAuthorFeed', () =>
      appview.app.bsky.feed.getAuthorFeed({ actor, limit: 1 }),
    );
    const page = readReply(blueskyFeedPage, answer, 'Bluesky sent an author feed');
    const [entry] = readEntries(feedEntry, page.feed.slice(0, 1)).items;
    if (!entry) return null;
    // A repost counts when it was made; a post when its record says, but never later than the AppView saw it.
    if (entry.reason?.indexedAt !== undefined) return entry.reason.indexedAt;
    const seen = entry.post.indexedAt;
    const claimed = entry.post.record.createdAt;
    if (claimed === undefined) return seen ?? null;
    return seen === undefined ? claimed : Math.min(claimed, seen);
  } catch {
    return undefined;
  }
}

export async function readBlueskyProfileFacts(appview: Agent, ids: string[]): Promise<ProfileFacts[]> {
  const found: ProfileFacts[] = [];
  for (let i = 0; i < ids.length; i += profilesAtOnce) {
    const batch = ids.slice(i, i + profilesAtOnce);
    const answer = await xrpcRead('app.bsky.actor.getProfiles', () =>
      appview.app.bsky.actor.getProfiles({ actors: batch }),
    );
    const profiles = readEntries(
      blueskyProfileFacts,
      readReply(blueskyProfiles, answer, 'Bluesky sent profiles').profiles,
    ).items.filter((p) => batch.includes(p.did));
    for (let j = 0; j < profiles.length; j += feedsAtOnce) {
      const group = profiles.slice(j, j + feedsAtOnce);
      const posted = await Promise.all(group.map((p) => lastPostAt(appview, p.did)));
      group.forEach((p, k) => {
        // A feed that could not be read says nothing of the last post: this profile is read again later.
        if (posted[k] === undefined) return;
        found.push({
          id: p.did,
          bio: bioFirstLine(p.description),
          followersCount: p.followersCount ?? null,
          followingCount: p.followsCount ?? null,
          lastPostAt: posted[k],
          avatarUrl: p.avatar && avatarUrlProblem(p.avatar) === null ? p.avatar : null,
        });
      });
    }
  }
  return found;
}
