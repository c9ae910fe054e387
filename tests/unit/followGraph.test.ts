import { describe, expect, it } from 'vitest';
import type { Followed, Person } from '../../src/shared/people.ts';
import { DAY } from '../../src/shared/calendar.ts';
import {
  changes,
  datedFollows,
  mutualCount,
  notFollowedBack,
  notFollowingBack,
} from '../../src/main/core/balance/followGraph.ts';
import { afterAttempt, resetAt } from '../../src/main/core/networks/retryPolicy.ts';

const now = Date.UTC(2026, 10, 25, 12);
const p = (id: string): Person => ({ id, handle: `${id}.test`, displayName: id.toUpperCase() });
const f = (id: string, daysAgo: number): Followed => ({ ...p(id), followedAt: now - daysAgo * DAY, ref: `rk-${id}` });

describe('the follow graph', () => {
  const graph = {
    followers: [p('ana'), p('ben'), p('cem')],
    following: [f('ana', 40), f('dia', 5), f('eli', 2), f('fay', 3)],
  };

  it('finds who does not follow back, with days since the follow and the grace period', () => {
    const rows = notFollowingBack(graph, new Set(['fay']), now, 3);
    expect(rows.map((r) => [r.person.handle, r.days, r.due, r.kept])).toEqual([
      ['dia.test', 5, true, false],
      ['fay.test', 3, true, true],
      ['eli.test', 2, false, false],
    ]);
  });

  it('finds followers you do not follow back, and mutuals', () => {
    expect(notFollowedBack(graph).map((x) => x.id)).toEqual(['ben', 'cem']);
    expect(mutualCount(graph)).toBe(1);
  });

  it('dates each change at the scan that saw it', () => {
    const after = { followers: [p('ana'), p('cem'), p('gus')], following: [f('ana', 40), f('dia', 5)] };
    expect(changes(graph, after, now).map((e) => `${e.type}:${e.person.id}`)).toEqual([
      'gained-follower:gus',
      'lost-follower:ben',
      'unfollowed:eli',
      'unfollowed:fay',
    ]);
  });

  it('keeps the first-seen date of a follow where the network gives none', () => {
    const earlier = [f('ana', 10)];
    const scanned = [
      { ...p('ana'), followedAt: Number.NaN, ref: null },
      { ...p('new'), followedAt: Number.NaN, ref: null },
    ];
    expect(datedFollows(earlier, scanned, now).map((x) => x.followedAt)).toEqual([now - 10 * DAY, now]);
  });
});

describe('retries', () => {
  it('reads every network’s rate-limit reset header', () => {
    expect(resetAt(new Headers({ 'retry-after': '30' }), now)).toBe(now + 30_000);
    expect(resetAt(new Headers({ 'x-ratelimit-reset': new Date(now + 60_000).toISOString() }), now)).toBe(now + 60_000);
    expect(resetAt(new Headers({ 'x-rate-limit-reset': String((now + 90_000) / 1000) }), now)).toBe(now + 90_000);
    expect(resetAt(new Headers({ 'ratelimit-reset': String((now + 5_000) / 1000) }), now)).toBe(now + 5_000);
  });

  it('waits for the reset on 429, backs off on 5xx and silence, and gives up in time', () => {
    const reset = new Headers({ 'retry-after': '20' });
    expect(afterAttempt(429, reset, 1, now)).toEqual({ kind: 'retry', afterMs: 20_000 });
    expect(afterAttempt(429, new Headers({ 'retry-after': '900' }), 1, now)).toMatchObject({
      kind: 'give-up',
      reason: 'rate-limited',
      retryAt: now + 900_000,
    });
    expect(afterAttempt(503, new Headers(), 2, now)).toEqual({ kind: 'retry', afterMs: 2000 });
    expect(afterAttempt(0, new Headers(), 4, now)).toMatchObject({ kind: 'give-up', reason: 'offline' });
    expect(afterAttempt(404, new Headers(), 1, now)).toEqual({ kind: 'ok' });
  });
});
