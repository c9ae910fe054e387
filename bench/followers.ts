// The follower side: set differences at a million ids, and loading a large account from its file. Two goals
// are ratios to a measurement of the same run, so a busy machine slows both sides alike.
import fs from 'node:fs';
import path from 'node:path';
import {
  byId,
  changes,
  mutualCount,
  notFollowingBackOrder,
  notFollowingBackRow,
} from '../src/main/core/balance/followGraph.ts';
import type { Services } from '../src/main/services/app.ts';
import type { AccountData, Person } from '../src/shared/people.ts';
import { benchFollow, benchPerson, benchServices, line, ratio, seedLargeAccount, timed } from './measure.ts';

const now = Date.UTC(2026, 10, 25, 12);

// 1M followers against 1M follows, half of them mutual.
{
  // Sorted once, as a sync stores them, and read back from JSON, as the app loads them.
  const load = <T>(list: T[]): T[] => JSON.parse(JSON.stringify(list)) as T[];
  const followers = load(Array.from({ length: 1_000_000 }, (_, i) => benchPerson(i)).sort(byId));
  const following = load(Array.from({ length: 1_000_000 }, (_, i) => benchFollow(i + 500_000, now)).sort(byId));
  // The least any answer over both lists costs: one walk over the two sorted id arrays, counting what they share.
  const [a, b] = [followers.map((p) => p.id), following.map((p) => p.id)];
  const intersection = timed(5, () => {
    let [i, j, shared] = [0, 0, 0];
    while (i < a.length && j < b.length) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else [i, j, shared] = [i + 1, j + 1, shared + 1];
    }
    return shared;
  });
  line('sorted-merge intersection of the same 1M vs 1M ids', intersection, 'ms', 250);
  line(
    'diff of 1M vs 1M ids (mutuals)',
    timed(5, () => mutualCount({ followers, following })),
    'ms',
    250,
  );
  // The answer a view pages through: where the people are, in order, and the rows of the first window.
  const ms = timed(3, () => {
    const order = notFollowingBackOrder({ followers, following });
    for (let k = 0; k < Math.min(100, order.length); k++)
      notFollowingBackRow(following[order.at(k)]!, new Set(), now, 3);
  });
  line('not following back, 1M followers vs 1M follows', ms, 'ms', 250);
  ratio('not following back, 1M vs 1M, over the sorted-merge intersection', ms, intersection, 3);
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
  seedLargeAccount(bench.app, now, { followers: 100_000, following: 100_000, mutual: 80_000 });
  // What a plain electron-store does on open: parse the whole account as one JSON file, as Twoway kept it before.
  const json = path.join(bench.dataDir, 'account-as-json.json');
  fs.writeFileSync(json, JSON.stringify({ schemaVersion: 4, data: bench.app.accounts.data('big') }));
  bench.app.close();
  const baseline = timed(5, () => JSON.parse(fs.readFileSync(json, 'utf8')));
  line('baseline: parse the same account as one JSON file', baseline, 'ms', Infinity);
  const query = { search: '', filter: 'all', sort: 'oldest', offset: 0, limit: 100 } as const;
  // Closing the app is no part of opening the account: each run's services close before the next run, untimed.
  const opened: ReturnType<typeof benchServices>[] = [];
  const closeAll = () => opened.splice(0).forEach((o) => o.app.close());
  const open = () => opened[opened.push(benchServices(now, bench.dataDir)) - 1]!.app;
  const ms = timed(5, () => open().accounts.notFollowingBack('big', query), closeAll);
  line('open an account of 100k followers + 100k follows and list its first rows', ms, 'ms', 300);
  ratio('open 100k + 100k and list first rows, over the baseline', ms, baseline, 0.5);

  // Writing it: a sync's write, every person new, and an unfollow's, right after the account was opened.
  const synced = () => JSON.parse(JSON.stringify(bench.app.accounts.data('big'))) as AccountData;
  const full = timed<{ services: Services; data: AccountData }>(
    3,
    ({ services, data }) => services.accounts.commit('big', data),
    () => (closeAll(), { services: open(), data: synced() }),
  );
  line('write an account of 200k people (a sync)', full, 'ms', Infinity);
  const gone = bench.app.accounts.data('big').following.slice(-3);
  const unfollow = timed<{ services: Services; person: Person }>(
    3,
    ({ services, person }) => services.accounts.applyWrite('big', { person, youFollow: false }),
    (run) => (closeAll(), { services: open(), person: gone[run]! }),
  );
  closeAll();
  // A figure to watch, not a goal yet: an unfollow still decodes both lists of the account before it writes.
  line("write an unfollow's change to the same account", unfollow, 'ms', Infinity);
  bench.done();
}
