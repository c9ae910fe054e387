// The follower side: set differences at a million ids, and loading a large account from its file.
import { DAY } from '../src/main/core/calendar.ts';
import { byId, changes, mutualCount, notFollowingBack } from '../src/main/core/followGraph.ts';
import type { AccountData, Followed, Person } from '../src/shared/network.ts';
import { benchServices, line, timed } from './measure.ts';

const now = Date.UTC(2026, 10, 25, 12);
// Real DIDs look random: 24 base32 characters.
const did = (i: number) =>
  `did:plc:${(Math.imul(i + 1, 2654435761) >>> 0).toString(32).padStart(7, 'a')}${i.toString(32).padStart(17, 'q')}`;
const person = (i: number): Person => ({
  id: did(i),
  handle: `p${i}.bsky.social`,
  displayName: `P ${i}`,
});
const followed = (i: number): Followed => ({ ...person(i), followedAt: now - (i % 90) * DAY, ref: `3k${i}` });

// 1M followers against 1M follows, half of them mutual.
{
  // Sorted once, as a sync stores them, and read back from JSON, as the app loads them.
  const load = <T>(list: T[]): T[] => JSON.parse(JSON.stringify(list)) as T[];
  const followers = load(Array.from({ length: 1_000_000 }, (_, i) => person(i)).sort(byId));
  const following = load(Array.from({ length: 1_000_000 }, (_, i) => followed(i + 500_000)).sort(byId));
  line(
    'diff of 1M vs 1M ids (mutuals)',
    timed(5, () => mutualCount({ followers, following })),
    'ms',
    250,
  );
  const ms = timed(3, () => notFollowingBack({ followers, following }, new Set(), now, 3));
  line('not following back, 1M followers vs 1M follows', ms, 'ms', 250);
  const later = { followers: followers.slice(1000), following };
  line(
    'changes between two scans of 1M + 1M',
    timed(3, () => changes({ followers, following }, later, now)),
    'ms',
    250,
  );
}

// An account with 100k followers and 100k follows: open its file and show the first rows of its list.
{
  const bench = benchServices(now);
  const data: AccountData = {
    followers: Array.from({ length: 100_000 }, (_, i) => person(i)).sort(byId),
    following: Array.from({ length: 100_000 }, (_, i) => followed(i + 20_000)).sort(byId),
    heads: { followers: [], following: [] },
    history: [],
    events: [],
    keep: [],
    syncedAt: now,
  };
  bench.app.accounts.seed(
    { id: 'big', network: 'bluesky', handle: 'big.bsky.social', displayName: '', connection: { network: 'demo' } },
    data,
  );
  bench.app.close();
  const query = { search: '', filter: 'all', sort: 'oldest', offset: 0, limit: 100 } as const;
  const ms = timed(5, () => {
    const reopened = benchServices(now, bench.dataDir);
    reopened.app.accounts.notFollowingBack('big', query);
    reopened.app.close();
  });
  line('open an account of 100k followers + 100k follows and list its first rows', ms, 'ms', 300);
  bench.done();
}
