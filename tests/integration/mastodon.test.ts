import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { QueueView } from '../../src/shared/people.ts';
import { writeBudgets, writeSpacingMs } from '../../src/shared/networkFacts.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from '../support/services.ts';
import { seedFollowers } from '../support/seedFollowers.ts';
import { settled } from '../support/settled.ts';

type Server = Awaited<ReturnType<typeof startMastodonServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 12);

/** A Mastodon instance where "me" has 250 followers and follows 130 people, 30 of whom do not follow back. */
async function world() {
  const s = servicesAt(start, { warp: true });
  server = await startMastodonServer({ now: () => s.clock.now(), rateLimit: { limit: 1000, windowSeconds: 300 } });
  const me = server.state.addAccount({ username: 'me', displayName: 'Me' });
  const { fans, quiet } = seedFollowers(server.state, me, { followers: 250, followedBack: 100, quiet: 30 });
  server.state.addToken('secret-token-1', me.id);
  return { ...s, me, fans, quiet, url: server.url };
}

async function addMe(w: Awaited<ReturnType<typeof world>>) {
  const reply = await w.dispatch('addAccount', {
    network: 'mastodon',
    instanceUrl: w.url,
    handle: '@me',
    token: 'secret-token-1',
  });
  expect(reply).toMatchObject({ ok: true });
  await settled(w.services);
  return (reply as { ok: true; value: AccountBalance }).value.account.id;
}

describe('a Mastodon account against a local server speaking the documented API', () => {
  it('syncs both lists through Link paging and shows the balance', async () => {
    const w = await world();
    const id = await addMe(w);
    const [balance] = w.services.accounts.balances();
    expect(balance!.history.at(-1)).toMatchObject({ followers: 250, following: 130, mutuals: 100 });
    expect(balance!.canWrite).toBe(true);
    const pages = server!.state.requests.filter((r) => r.path.endsWith('/followers')).length;
    expect(pages).toBe(Math.ceil(250 / 80));
    const list = w.services.accounts.notFollowingBack(id, {
      search: '',
      filter: 'all',
      sort: 'oldest',
      offset: 0,
      limit: 100,
    });
    expect(list.total).toBe(30);
    expect(list.rows[0]!.person.handle).toMatch(/^@quiet\d+@127\.0\.0\.1/);
  });

  it('re-syncs an unchanged account with three requests', async () => {
    const w = await world();
    const id = await addMe(w);
    const before = server!.state.requests.length;
    await w.services.syncing.sync(id);
    expect(server!.state.requests.length - before).toBe(3);
    expect(w.services.accounts.balances()[0]!.history).toHaveLength(2);
  });

  it('counts the grace period from when a follow was first seen, and records who came and went', async () => {
    const w = await world();
    const id = await addMe(w);
    const due = () =>
      w.services.accounts.notFollowingBack(id, { search: '', filter: 'due', sort: 'oldest', offset: 0, limit: 10 });
    expect(due().total).toBe(0);
    w.clock.advance(3 * DAY + 1);
    expect(due().total).toBe(30);
    server!.state.follow(w.quiet[0]!.id, w.me.id);
    server!.state.unfollow(w.fans[200]!.id, w.me.id);
    await w.services.syncing.sync(id);
    expect(due().total).toBe(29);
    expect(w.services.accounts.data(id).events.map((e) => `${e.type}:${e.person.handle.split('@')[1]}`)).toEqual([
      'gained-follower:quiet0',
      'lost-follower:fan200',
    ]);
    expect(w.services.accounts.balances()[0]!.week).toEqual({ gained: 1, lost: 1 });
  });

  it('waits out a 429 until the reset the server names, and finishes', async () => {
    const w = await world();
    server!.faults.push({ path: '/api/v1/accounts/', status: 429, resetInSeconds: 40 });
    await addMe(w);
    expect(w.waits).toContain(40_000);
    expect(w.services.accounts.balances()[0]!.history.at(-1)?.followers).toBe(250);
  });

  const faults = [
    ['a server that keeps failing', { status: 503, times: 10 }, /kept answering with errors \(HTTP 503\)/],
    ['a malformed page', { malformedJson: true }, /not JSON/],
    ['a cursor that repeats', { repeatCursor: true }, /repeated a page/],
    ['a connection reset mid-page', { resetConnection: true, times: 10 }, /could not be reached/],
  ] as const;
  it.each(faults)(
    'keeps every known account after %s, says why, and recovers on the next sync',
    async (_, fault, message) => {
      const w = await world();
      const id = await addMe(w);
      const before = w.services.accounts.data(id);
      server!.state.follow(w.quiet[5]!.id, w.me.id); // a real change, so the sync must read every page
      server!.faults.push({ path: `/api/v1/accounts/${w.me.id}/followers`, ...fault });
      await w.services.syncing.sync(id);
      const [balance] = w.services.accounts.balances();
      expect(balance!.problem).toMatch(message);
      expect(w.services.accounts.data(id).followers).toEqual(before.followers);
      server!.faults.clear();
      await w.services.syncing.sync(id);
      expect(w.services.accounts.balances()[0]!.problem).toBeNull();
      expect(w.services.accounts.data(id).followers).toHaveLength(251);
    },
  );

  it('unfollows through the paced queue, skips who followed back meanwhile, and undoes', async () => {
    const w = await world();
    const id = await addMe(w);
    const [first, second] = w.quiet;
    server!.state.follow(second!.id, w.me.id); // follows back after the sync, before the write
    await w.dispatch('enqueue', { accountId: id, action: 'unfollow', personIds: [first!.id, second!.id] });
    await settled(w.services);
    const view = w.services.queue.view();
    expect(view.items.map((i) => [i.person.handle.split('@')[1], i.state, i.note])).toEqual([
      ['quiet1', 'skipped', 'Followed you back meanwhile: kept.'],
      ['quiet0', 'done', null],
    ]);
    expect(server!.state.isFollowing(w.me.id, first!.id)).toBe(false);
    expect(server!.state.isFollowing(w.me.id, second!.id)).toBe(true);
    const relationshipChecks = server!.state.requests.filter((r) => r.path === '/api/v1/accounts/relationships').length;
    expect(relationshipChecks).toBe(2);

    const done = view.items.find((i) => i.state === 'done')!;
    const undone = (await w.dispatch('undoQueued', { itemId: done.id })) as { ok: true; value: QueueView };
    expect(undone.ok).toBe(true);
    await settled(w.services);
    expect(server!.state.isFollowing(w.me.id, first!.id)).toBe(true);
    expect(w.services.queue.view().items[0]).toMatchObject({ action: 'follow', state: 'done', undoes: done.id });
  });

  it('paces writes per network and refuses to undo after 24 hours', async () => {
    const w = await world();
    const id = await addMe(w);
    await w.dispatch('enqueue', { accountId: id, action: 'unfollow', personIds: w.quiet.slice(0, 3).map((q) => q.id) });
    await settled(w.services);
    const doneAt = w.services.queue
      .view()
      .items.map((i) => i.doneAt!)
      .sort();
    // A quarter of Mastodon's 300 requests per 5 minutes, two per write: one every 8 s.
    expect(doneAt[1]! - doneAt[0]!).toBe(writeSpacingMs(writeBudgets.mastodon, 'unfollow'));
    expect(doneAt[2]! - doneAt[1]!).toBe(8_000);
    w.clock.advance(DAY + 1);
    const late = await w.dispatch('undoQueued', { itemId: w.services.queue.view().items[0]!.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a wrong token or an unknown account with a message for that field, and adds nothing', async () => {
    const w = await world();
    const badToken = await w.dispatch('addAccount', {
      network: 'mastodon',
      instanceUrl: w.url,
      handle: '@me',
      token: 'not-the-token',
    });
    expect(badToken).toMatchObject({
      ok: false,
      error: { fields: { token: expect.stringContaining('refused this access token') } },
    });
    const nobody = await w.dispatch('addAccount', { network: 'mastodon', instanceUrl: w.url, handle: '@nobody' });
    expect(nobody).toMatchObject({
      ok: false,
      error: { fields: { handle: expect.stringContaining('has no account called @nobody') } },
    });
    const plainHttp = await w.dispatch('addAccount', {
      network: 'mastodon',
      instanceUrl: 'http://mastodon.example',
      handle: '@me',
    });
    expect(plainHttp).toMatchObject({
      ok: false,
      error: { fields: { instanceUrl: expect.stringContaining('https') } },
    });
    expect(w.services.accounts.list()).toEqual([]);
  });
});
