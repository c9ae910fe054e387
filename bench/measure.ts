import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manualClock } from '../src/main/core/clock.ts';
import { byId } from '../src/main/core/balance/followGraph.ts';
import { createServices, type Services } from '../src/main/services/app.ts';
import { openConfFile } from '../src/main/services/confFile.ts';
import { DAY } from '../src/shared/calendar.ts';
import type { AccountData, Followed, Person } from '../src/shared/people.ts';
import { manualScheduler } from '../tests/support/manualScheduler.ts';

const verdict = (holds: boolean) => ({ holds, result: holds ? 'held' : 'missed' });

/** One bench result: a JSON line, with the goal as the upper bound and whether it is held (none: no goal). */
export function line(name: string, value: number, unit: string, goal: number) {
  const bound = Number.isFinite(goal) ? { goal, ...verdict(value <= goal) } : {};
  console.log(JSON.stringify({ name, value: Number(value.toFixed(2)), unit, ...bound }));
}

/** A goal relative to another measurement of the same run: `value` over `reference`, at most `goal` times. */
export function ratio(name: string, value: number, reference: number, goal: number) {
  console.log(
    JSON.stringify({
      name,
      value: Number((value / reference).toFixed(2)),
      unit: '×',
      goal,
      ...verdict(value <= goal * reference),
    }),
  );
}

/** The median time of `runs` calls, in ms; `prepare` runs before each, untimed, and hands `work` its result. */
export function timed<T>(
  runs: number,
  work: (prepared: T) => void,
  prepare: (run: number) => T = () => undefined as T,
) {
  const samples = Array.from({ length: runs }, (_, run) => {
    const prepared = prepare(run);
    const t0 = performance.now();
    work(prepared);
    return performance.now() - t0;
  });
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Real services on a fresh temp folder, timers under the bench's control. */
export function benchServices(now: number, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'))) {
  const clock = manualClock(now);
  const timers = manualScheduler(clock);
  const app = createServices({
    dataDir,
    openFile: openConfFile,
    clock,
    host: 'browser-preview',
    locale: 'en-GB',
    scheduler: timers.scheduler,
  });
  return {
    app,
    timers,
    dataDir,
    done() {
      app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Real DIDs look random: 24 base32 characters.
const did = (i: number) =>
  `did:plc:${(Math.imul(i + 1, 2654435761) >>> 0).toString(32).padStart(7, 'a')}${i.toString(32).padStart(17, 'q')}`;

export const benchPerson = (i: number): Person => ({ id: did(i), handle: `p${i}.bsky.social`, displayName: `P ${i}` });

/** A follow of person `i`, made between 0 and 89 days before `now`. */
export const benchFollow = (i: number, now: number): Followed => ({
  ...benchPerson(i),
  followedAt: now - (i % 90) * DAY,
  ref: `3k${i}`,
});

/**
 * Seeds a (sample) Bluesky account "big" into the services' folder: `followers` people follow it, and it
 * follows `following` people, the first `mutual` of them followers too. Lists sorted as a sync stores them.
 */
export function seedLargeAccount(
  app: Services,
  now: number,
  sizes: { followers: number; following: number; mutual: number },
) {
  const followers = Array.from({ length: sizes.followers }, (_, i) => benchPerson(i)).sort(byId);
  const following = Array.from({ length: sizes.following }, (_, i) =>
    benchFollow(i < sizes.mutual ? i : sizes.followers + i, now),
  ).sort(byId);
  const data: AccountData = {
    followers,
    following,
    heads: { followers: [], following: [] },
    history: [{ at: now, followers: sizes.followers, following: sizes.following, mutuals: sizes.mutual }],
    events: [],
    keep: [],
    syncedAt: now,
  };
  const account = {
    id: 'big',
    network: 'bluesky',
    handle: 'big.bsky.social',
    displayName: '',
    connection: { network: 'demo' },
  } as const;
  app.accounts.put(account, data);
}
