// Ghost follows: accounts the user follows that are gone from their network (deleted, deactivated, suspended),
// moved elsewhere, or that block the user. They can never follow back, so they are listed apart with the reason,
// never counted as due, and can be unfollowed like anyone else to clean up the following count.
import { DAY } from '../../../shared/calendar.ts';
import type { Followed, Ghost, GhostFollow } from '../../../shared/people.ts';

/** The ghost follows, oldest follow first. */
export function ghostFollows(following: readonly Followed[], now: number): GhostFollow[] {
  const rows: GhostFollow[] = [];
  for (const followed of following) {
    if (!followed.ghost) continue;
    const days = Math.floor(Math.max(0, now - followed.followedAt) / DAY);
    rows.push({ person: followed, followedAt: followed.followedAt, days, ghost: followed.ghost });
  }
  return rows.sort((a, b) => a.followedAt - b.followedAt);
}

/** Follows after a ghost check: the ones found carry their reason, every other loses the one it had. */
export function withGhosts(following: readonly Followed[], found: ReadonlyMap<string, Ghost>): Followed[] {
  return following.map((followed) => {
    const ghost = found.get(followed.id);
    if (ghost) return { ...followed, ghost };
    if (!followed.ghost) return followed;
    const alive = { ...followed };
    delete alive.ghost;
    return alive;
  });
}
