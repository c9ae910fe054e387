// Ghost follows on a local server speaking Mastodon's documented API: followed accounts that move or are
// suspended carry `moved` and `suspended: true` in the following list.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { GhostRow } from '../../src/shared/contract.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

let server: Awaited<ReturnType<typeof startMastodonServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 12);

describe('ghost follows on Mastodon', () => {
  it('a moved and a suspended account are listed apart a day on, and unfollowed through the queue', async () => {
    const s = servicesAt(start, { warp: true });
    server = await startMastodonServer({ now: () => s.clock.now() });
    const state = server.state;
    const me = state.addAccount({ username: 'me' });
    const pal = state.addAccount({ username: 'pal' });
    state.follow(pal.id, me.id);
    state.follow(me.id, pal.id);
    const [mover, banned, quiet] = ['mover', 'banned', 'quiet'].map((username) => state.addAccount({ username }));
    const newHome = state.addAccount({ username: 'mover', domain: 'elsewhere.example' });
    for (const other of [mover!, banned!, quiet!]) state.follow(me.id, other.id);
    state.addToken('ghost-token-1', me.id);
    const reply = await s.dispatch('addAccount', {
      network: 'mastodon',
      instanceUrl: server.url,
      handle: '@me',
      token: 'ghost-token-1',
    });
    expect(reply).toMatchObject({ ok: true });
    await settled(s.services);
    const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
    const ghosts = async () =>
      ((await s.dispatch('listGhosts', { accountId: id })) as { ok: true; value: { total: number; rows: GhostRow[] } })
        .value;
    const notFollowingBack = async () =>
      (
        (await s.dispatch('listNotFollowingBack', { accountId: id })) as {
          ok: true;
          value: { total: number; ghosts: number };
        }
      ).value;
    expect(await notFollowingBack()).toMatchObject({ total: 3, ghosts: 0 });

    state.move(mover!.id, newHome.id);
    state.suspend(banned!.id);
    s.clock.advance(DAY);
    await s.services.syncing.sync(id);
    const found = await ghosts();
    expect(found.rows.map((r) => [r.person.handle.replace(/@127\.0\.0\.1:\d+$/, ''), r.ghost])).toEqual([
      ['@mover', { reason: 'moved', movedTo: '@mover@elsewhere.example' }],
      ['@banned', { reason: 'suspended' }],
    ]);
    expect(await notFollowingBack()).toMatchObject({ total: 1, ghosts: 2 });

    await s.dispatch('enqueue', { accountId: id, action: 'unfollow', personIds: found.rows.map((r) => r.person.id) });
    await settled(s.services);
    // Mastodon leaves suspended accounts out of relationships unless asked: Twoway asks, so the check sees the follow.
    expect(s.services.queue.view().items.map((i) => i.state)).toEqual(['done', 'done']);
    expect(state.isFollowing(me.id, mover!.id)).toBe(false);
    expect(state.isFollowing(me.id, banned!.id)).toBe(false);
    expect(state.isFollowing(me.id, quiet!.id)).toBe(true);
    expect((await ghosts()).total).toBe(0);
  });
});
