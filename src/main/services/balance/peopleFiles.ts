// Two files of their own, apart from the account data: per account, the profile details read for people in view
// (a cache: bio line, counts, last post, picture address, when read), and once, the user's choices about people
// (why someone is kept, whose protection was lifted).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { keepReasonLimit } from '../../../shared/personDetails.ts';
import { bioLimit } from '../../core/balance/profileText.ts';
import { openStore, type Store, type StoreContext } from '../store.ts';

const figure = z.number().int().nonnegative().nullable();
export const cachedProfile = z.object({
  bio: z
    .string()
    .max(bioLimit + 1)
    .nullable(),
  followersCount: figure,
  followingCount: figure,
  lastPostAt: z.number().nullable(),
  avatarUrl: z.string().max(2000).nullable(),
  detailsAt: z.number(),
});
export type CachedProfile = z.output<typeof cachedProfile>;

/** The most people one account's cache holds: the longest unread leave first. */
export const profilesKept = 5000;

export type ProfileCache = Store<{ profiles: Record<string, CachedProfile> }>;

/** The account's cache file, named by a hash of its id. */
export function openProfileCache(accountId: string, context: StoreContext): ProfileCache {
  const name = `people-${createHash('sha256').update(accountId).digest('hex').slice(0, 20)}`;
  return openStore<{ profiles: Record<string, CachedProfile> }>(
    {
      name,
      version: 1,
      schema: z.object({ profiles: z.record(z.string(), cachedProfile) }),
      initial: () => ({ profiles: {} }),
    },
    context,
  );
}

export const peopleChoices = z.object({
  keepReasons: z.record(z.string(), z.string().max(keepReasonLimit)),
  /** People whose outcome no longer protects them: the user lifted it. */
  lifted: z.array(z.string()),
});
export type PeopleChoices = z.output<typeof peopleChoices>;

export const openPeopleChoices = (context: StoreContext) =>
  openStore<{ accounts: Record<string, PeopleChoices> }>(
    {
      name: 'people-choices',
      version: 1,
      schema: z.object({ accounts: z.record(z.string(), peopleChoices) }),
      initial: () => ({ accounts: {} }),
    },
    context,
  );

export const noChoices = (): PeopleChoices => ({ keepReasons: {}, lifted: [] });
