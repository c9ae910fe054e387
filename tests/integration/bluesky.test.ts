// Against the real Bluesky reference stack (PLC + PDS + AppView from @atproto/dev-env) on 127.0.0.1.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import { addBlueskyAccount, blueskyAddresses, blueskyServerForTests } from '../support/blueskyServer.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

let me: { did: string };
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

const server = blueskyServerForTests(async () => {
  me = await server.createAccount('consultant.test', 'consultant-pass');
  // 230 followers, followed 20 days ago on; the consultant follows back the first 100 of them (10 days ago) and
  // 40 others who never followed: 20 ten days ago (due) and 20 yesterday (within the grace period).
  await server.seedFollowers(me.did, 230, { prefix: 'fan', createdAt: iso(now - 20 * DAY) });
  for (let i = 1; i <= 100; i++)
    await server.follow(me.did, `fan${String(i).padStart(4, '0')}.test`, iso(now - 10 * DAY + i * 1000));
  await server.seedFollowing(me.did, 20, { prefix: 'old', createdAt: iso(now - 10 * DAY - 60_000) });
  await server.seedFollowing(me.did, 20, { prefix: 'new', createdAt: iso(now - DAY - 60_000) });
  await server.processAll();
});

const addMe = () => addBlueskyAccount(server, { handle: '@Consultant.test', appPassword: 'consultant-pass', at: now });

describe('a Bluesky account on the reference server', () => {
  it('finds the account from its handle, syncs past 100 per page, and shows the balance', async () => {
    const { services } = await addMe();
    const [balance] = services.accounts.balances();
    expect(balance!.account).toMatchObject({ handle: 'consultant.test', connection: { did: me.did } });
    expect(balance!.history.at(-1)).toMatchObject({ followers: 230, following: 140, mutuals: 100 });
    expect(balance!.canWrite).toBe(true);
    expect(balance!.problem).toBeNull();
  });

  it('dates each follow from its record’s createdAt and applies the grace period', async () => {
    const { services, id } = await addMe();
    const list = (filter: 'due' | 'waiting') =>
      services.accounts.notFollowingBack(id, { search: '', filter, sort: 'oldest', offset: 0, limit: 100 });
    expect(list('due').total).toBe(20);
    expect(list('due').rows.every((r) => r.person.handle.startsWith('old') && r.days === 10)).toBe(true);
    expect(list('waiting').total).toBe(20);
    expect(list('waiting').rows[0]).toMatchObject({ days: 1, due: false });
    const suggestions = services.accounts.notFollowedBack(id, { search: '', offset: 0, limit: 500 });
    expect(suggestions.total).toBe(130);
  });

  it('re-syncs an unchanged account with three requests; a full sync costs the pages, three more and the ghost check', async () => {
    const { services, id, clock } = await addMe();
    expect(await services.syncing.sync(id)).toBe(3);
    const full = await services.syncing.sync(id, true);
    // ceil(230/100) follower pages + ceil(140/100) follow-record pages, plus the profile and at most a closing
    // empty page per list (names are known from the last sync), and the 40 not following back looked up for
    // ghost follows: ceil(40/25) profile pages and ceil(40/30) relationship pages.
    expect(full).toBeLessThanOrEqual(3 + 2 + 3 + 2 + 2);
    // A day after the last full read, an unchanged account is read whole again.
    clock.advance(DAY);
    expect(await services.syncing.sync(id)).toBe(full);
  });

  it('unfollows, skips who followed back meanwhile, follows back, and undoes — checked on the server', async () => {
    const { services, dispatch, id } = await addMe();
    const person = (handle: string) =>
      services.accounts.data(id).following.find((f) => f.handle === handle) ??
      services.accounts.data(id).followers.find((f) => f.handle === handle)!;
    const gone = person('old0001.test');
    const stays = person('old0002.test');
    await server.follow('old0002.test', me.did); // follows back after the sync, before the write
    await server.processAll();
    await dispatch('enqueue', { accountId: id, action: 'unfollow', personIds: [gone.id, stays.id] });
    await settled(services);
    await dispatch('enqueue', { accountId: id, action: 'follow', personIds: [person('fan0200.test').id] });
    await settled(services);
    await server.processAll();

    const records = await fetch(
      `${server.urls.pds}/xrpc/com.atproto.repo.listRecords?repo=${me.did}&collection=app.bsky.graph.follow&limit=100`,
    ).then((r) => r.json() as Promise<{ records: { value: { subject: string } }[] }>);
    const followsNow = new Set(records.records.map((r) => r.value.subject));
    const [follow, skipped, unfollowed] = services.queue.view().items;
    expect(unfollowed).toMatchObject({ action: 'unfollow', state: 'done' });
    expect(skipped).toMatchObject({ state: 'skipped', note: 'Followed you back meanwhile: kept.' });
    expect(follow).toMatchObject({ action: 'follow', state: 'done' });
    expect(followsNow.has(gone.id)).toBe(false);
    expect(followsNow.has(stays.id)).toBe(true);
    expect(followsNow.has(person('fan0200.test').id)).toBe(true);

    await dispatch('undoQueued', { itemId: unfollowed!.id });
    await settled(services);
    await server.processAll();
    const again = await fetch(
      `${server.urls.pds}/xrpc/com.atproto.repo.listRecords?repo=${me.did}&collection=app.bsky.graph.follow&limit=100`,
    ).then((r) => r.json() as Promise<{ records: { value: { subject: string } }[] }>);
    expect(again.records.some((r) => r.value.subject === gone.id)).toBe(true);
  });

  it('keeps every known account when a sync is cancelled, and notices an account deleted meanwhile', async () => {
    const { services, id } = await addMe();
    const before = services.accounts.data(id);
    const pending = services.syncing.sync(id, true);
    services.syncing.cancel(id);
    expect(await pending).toBeNull();
    expect(services.accounts.balances()[0]!.problem).toMatch(/cancelled/);
    expect(services.accounts.data(id)).toEqual(before);

    await server.deleteAccount('fan0150.test');
    await server.processAll();
    await services.syncing.sync(id);
    const data = services.accounts.data(id);
    expect(data.followers).toHaveLength(before.followers.length - 1);
    expect(data.events.at(-1)).toMatchObject({ type: 'lost-follower', person: { handle: 'fan0150.test' } });
  });

  it('refuses an unknown handle and a wrong app password, and adds nothing', async () => {
    const { dispatch, services } = servicesAt(now, { warp: true });
    const urls = blueskyAddresses(server);
    const unknown = await dispatch('addAccount', { network: 'bluesky', handle: 'nobody.test', ...urls });
    expect(unknown).toMatchObject({
      ok: false,
      error: { fields: { handle: 'No Bluesky account is called nobody.test.' } },
    });
    const wrong = await dispatch('addAccount', {
      network: 'bluesky',
      handle: 'consultant.test',
      appPassword: 'wrong-password',
      ...urls,
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { fields: { appPassword: expect.stringContaining('refused this app password') } },
    });
    expect(services.accounts.list()).toEqual([]);
  });
});
