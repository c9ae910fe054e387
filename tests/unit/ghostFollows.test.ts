// Ghost follows: accounts followed that are gone, moved or blocking the user, kept apart from "not following back".
import { describe, expect, it } from 'vitest';
import { dueCounts, notFollowingBack, unansweredFollows } from '../../src/main/core/balance/followGraph.ts';
import { ghostFollows, withGhosts } from '../../src/main/core/balance/ghostFollows.ts';
import { mastodonPerson } from '../../src/main/services/networks/mastodon/client.ts';
import { DAY } from '../../src/shared/calendar.ts';
import type { Followed, Ghost, Person } from '../../src/shared/people.ts';

const now = Date.UTC(2026, 10, 25, 12);
const p = (id: string): Person => ({ id, handle: `${id}.test`, displayName: id.toUpperCase() });
const f = (id: string, daysAgo: number, ghost?: Ghost): Followed => ({
  ...p(id),
  followedAt: now - daysAgo * DAY,
  ref: `rk-${id}`,
  ...(ghost && { ghost }),
});

describe('ghost follows', () => {
  const graph = {
    followers: [p('ana')],
    following: [
      f('ana', 40),
      f('ben', 9, { reason: 'deleted' }),
      f('cem', 20, { reason: 'moved', movedTo: '@cem@new.example' }),
      f('dia', 5),
      f('eli', 1),
    ],
  };

  it('are listed apart, oldest follow first, and never among who is not following back or due', () => {
    expect(ghostFollows(graph.following, now).map((r) => [r.person.id, r.days, r.ghost.reason])).toEqual([
      ['cem', 20, 'moved'],
      ['ben', 9, 'deleted'],
    ]);
    expect(notFollowingBack(graph, new Set(), now, 3).map((r) => r.person.id)).toEqual(['dia', 'eli']);
    expect(unansweredFollows(graph).map((x) => x.id)).toEqual(['ben', 'cem', 'dia', 'eli']);
  });

  it('count who would be due under several grace periods at once, leaving out the kept', () => {
    expect(dueCounts(graph, new Set(), now, [0, 3, 7])).toEqual([2, 1, 0]);
    expect(dueCounts(graph, new Set(['dia']), now, [3, 0])).toEqual([0, 1]);
  });

  it('take the last check’s word: found ones get their reason, others lose the one they had', () => {
    const checked = withGhosts(graph.following, new Map([['dia', { reason: 'blocks-you' as const }]]));
    expect(checked.filter((x) => x.ghost).map((x) => `${x.id}:${x.ghost!.reason}`)).toEqual(['dia:blocks-you']);
    expect(checked[0]).toBe(graph.following[0]);
    expect(checked.find((x) => x.id === 'ben')).toEqual({ ...p('ben'), followedAt: now - 9 * DAY, ref: 'rk-ben' });
  });
});

describe('a Mastodon person', () => {
  const instance = 'https://mastodon.social';

  it('marks a profile that lives on another server than its handle names', () => {
    const elsewhere = mastodonPerson(
      { id: '1', acct: 'ana@example.com', display_name: 'Ana', url: 'https://social.example.com/@ana' },
      instance,
    );
    expect(elsewhere).toEqual({
      id: '1',
      handle: '@ana@example.com',
      displayName: 'Ana',
      profileHost: 'social.example.com',
    });
  });

  it('marks nothing where the profile is where the handle says, or where no profile address came', () => {
    const local = mastodonPerson({ id: '2', acct: 'ben', url: 'https://mastodon.social/@ben' }, instance);
    expect(local).toEqual({ id: '2', handle: '@ben@mastodon.social', displayName: '' });
    expect(mastodonPerson({ id: '3', acct: 'cem@a.example', url: null }, instance)).not.toHaveProperty('profileHost');
    expect(mastodonPerson({ id: '4', acct: 'dia@a.example', url: 'not an address' }, instance)).not.toHaveProperty(
      'profileHost',
    );
  });
});
