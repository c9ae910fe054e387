import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { Followed, Person } from '../../src/shared/people.ts';
import { servicesAt } from '../support/services.ts';

const now = Date.UTC(2026, 11, 2, 10);
const person = (i: number): Person => ({
  id: `did:plc:${String(i).padStart(4, '0')}`,
  handle: `p${i}.bsky.social`,
  displayName: `P ${i}`,
});
const follow = (i: number): Followed => ({ ...person(i), followedAt: now - (i % 7) * DAY, ref: `r${i}` });

// 60 follows, the first 20 followers too; 5 of the other 40 on the keep-list.
function account() {
  const app = servicesAt(now);
  app.services.accounts.put(
    { id: 'big', network: 'bluesky', handle: 'big.bsky.social', displayName: '', connection: { network: 'demo' } },
    {
      followers: Array.from({ length: 20 }, (_, i) => person(i)),
      following: Array.from({ length: 60 }, (_, i) => follow(i)),
      heads: { followers: [], following: [] },
      history: [],
      events: [],
      keep: [person(21).id, person(30).id, person(40).id, person(41).id, person(59).id],
      syncedAt: now,
    },
  );
  return async (query: Record<string, unknown>) => {
    const reply = await app.dispatch('listNotFollowingBack', { accountId: 'big', ...query });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  };
}

describe('a window of the people who do not follow back, oldest follow first', () => {
  it('shows the rows, count and due count the whole list has, page by page', async () => {
    const list = account();
    const whole = await list({ limit: 500 });
    expect(whole.total).toBe(40);
    // Sorted by newest and turned around, equal dates in id order: the same people in the same order.
    const newest = await list({ limit: 500, sort: 'newest' });
    const byDate = [...newest.rows].sort((a, b) => a.followedAt - b.followedAt || (a.person.id < b.person.id ? -1 : 1));
    expect(whole.rows).toEqual(byDate);
    expect(whole.due).toBe(newest.due);
    expect(whole.due).toBe((await list({ filter: 'due', limit: 500 })).total);
    expect(
      whole.rows
        .filter((r) => r.kept)
        .map((r) => r.person.id)
        .sort(),
    ).toEqual([21, 30, 40, 41, 59].map((i) => person(i).id));
    const page = await list({ offset: 35, limit: 10 });
    expect(page).toEqual({ ...whole, rows: whole.rows.slice(35) });
    expect((await list({ offset: 50, limit: 10 })).rows).toEqual([]);
  });
});
