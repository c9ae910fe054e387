// The balance a newcomer watches, right after the queue's writes on the real Bluesky reference stack (PLC + PDS +
// AppView from @atproto/dev-env on 127.0.0.1): 203 followers, 243 following, 30 due — as the seed's account.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import { countsDisagreement } from '../../src/shared/countCheck.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { addBlueskyAccount, blueskyServerForTests } from '../support/blueskyServer.ts';
import { settled } from '../support/settled.ts';

let me: { did: string };
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

const server = blueskyServerForTests(async () => {
  me = await server.createAccount('newcomer.test', 'newcomer-pass');
  // 203 followers, 200 of them followed back; 43 followed who never followed: 30 ten days ago (due), 13 yesterday.
  await server.seedFollowers(me.did, 203, { prefix: 'fan', createdAt: iso(now - 20 * DAY) });
  for (let i = 1; i <= 200; i++)
    await server.follow(me.did, `fan${String(i).padStart(4, '0')}.test`, iso(now - 15 * DAY + i * 1000));
  await server.seedFollowing(me.did, 30, { prefix: 'old', createdAt: iso(now - 10 * DAY) });
  await server.seedFollowing(me.did, 13, { prefix: 'new', createdAt: iso(now - DAY) });
  await server.processAll();
}, 300_000);

async function addMe() {
  const s = await addBlueskyAccount(server, { handle: 'newcomer.test', appPassword: 'newcomer-pass', at: now });
  const { id } = s;
  /** What the renderer reads: the balances, and how many are due. */
  const balance = async () => {
    const balances = (await s.dispatch('listBalances', {})) as { ok: true; value: AccountBalance[] };
    return balances.value[0]!;
  };
  const due = async () => {
    const list = await s.dispatch('listNotFollowingBack', { accountId: id, filter: 'due', limit: 100 });
    return (list as { ok: true; value: { due: number; rows: { person: { id: string; handle: string } }[] } }).value;
  };
  return { ...s, id, balance, due };
}

const counts = ({ history }: AccountBalance) => {
  const latest = history.at(-1)!;
  return { followers: latest.followers, following: latest.following, difference: latest.followers - latest.following };
};

describe('the balance right after the queue, on the Bluesky reference server', () => {
  it('unfollowing 3 shows 240 following and the new difference at once, without a sync; the next sync agrees', async () => {
    const twoway = await addMe();
    expect(counts(await twoway.balance())).toEqual({ followers: 203, following: 243, difference: -40 });
    const due = await twoway.due();
    expect(due.due).toBe(30);
    const three = due.rows.slice(0, 3).map((r) => r.person.id);
    await twoway.dispatch('enqueue', { accountId: twoway.id, action: 'unfollow', personIds: three });
    await settled(twoway.services);

    const after = await twoway.balance();
    expect(counts(after)).toEqual({ followers: 203, following: 240, difference: -37 });
    expect(after.history.at(-1)).toMatchObject({ mutuals: 200, source: 'write' });
    expect(after.syncedAt).toBe(now);
    expect((await twoway.due()).due).toBe(27);

    await server.processAll();
    await twoway.services.syncing.sync(twoway.id);
    const synced = await twoway.balance();
    expect(counts(synced)).toEqual({ followers: 203, following: 240, difference: -37 });
    expect(synced.history.at(-1)!.source).toBeUndefined();
    expect(countsDisagreement(synced.history, 'bluesky', 'en-GB')).toBeNull();
  });

  it('someone who followed back meanwhile is kept, and counts as a follower and a mutual at once', async () => {
    const twoway = await addMe();
    const before = counts(await twoway.balance());
    const [back, gone] = (await twoway.due()).rows;
    await server.follow(back!.person.handle, me.did); // after the sync, before the write
    await server.processAll();
    await twoway.dispatch('enqueue', {
      accountId: twoway.id,
      action: 'unfollow',
      personIds: [back!.person.id, gone!.person.id],
    });
    await settled(twoway.services);

    const items = twoway.services.queue.view().items;
    expect(items.find((i) => i.person.id === back!.person.id)).toMatchObject({
      state: 'skipped',
      note: 'Followed you back meanwhile: kept.',
    });
    expect(items.find((i) => i.person.id === gone!.person.id)).toMatchObject({ state: 'done' });
    const after = await twoway.balance();
    expect(counts(after)).toEqual({
      followers: before.followers + 1,
      following: before.following - 1,
      difference: before.difference + 2,
    });
    expect(after.history.at(-1)!.mutuals).toBe(201);
    expect(after.week.gained).toBe(1);
    const left = (await twoway.due()).rows.map((r) => r.person.id);
    expect(left).not.toContain(back!.person.id);
    expect(left).not.toContain(gone!.person.id);
  });
});
