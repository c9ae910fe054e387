// Ghost follows on the real Bluesky reference stack (PLC + PDS + AppView from @atproto/dev-env) on 127.0.0.1:
// accounts the user follows that deactivate, are deleted, are taken down or block the user.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { GhostRow, NotFollowingBackRow } from '../../src/shared/contract.ts';
import { addBlueskyAccount, blueskyServerForTests } from '../support/blueskyServer.ts';
import { settled } from '../support/settled.ts';

let me: { did: string };
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
/** A Twoway that synced before anyone left. */
let early: Awaited<ReturnType<typeof addMe>>;

async function addMe() {
  const s = await addBlueskyAccount(server, { handle: 'ghostwatch.test', appPassword: 'ghostwatch-pass', at: now });
  const { id } = s;
  const read = async <T>(method: string, input: object) => {
    const answer = await s.dispatch(method, { accountId: id, ...input });
    expect(answer).toMatchObject({ ok: true });
    return (answer as { ok: true; value: T }).value;
  };
  return {
    ...s,
    id,
    ghosts: () => read<{ total: number; rows: GhostRow[] }>('listGhosts', {}),
    notFollowingBack: () =>
      read<{ total: number; due: number; ghosts: number; rows: NotFollowingBackRow[] }>('listNotFollowingBack', {}),
  };
}

const reasons = (rows: GhostRow[]) => Object.fromEntries(rows.map((r) => [r.person.handle, r.ghost.reason]));

async function followRecordSubjects(): Promise<Set<string>> {
  const answer = await fetch(
    `${server.urls.pds}/xrpc/com.atproto.repo.listRecords?repo=${me.did}&collection=app.bsky.graph.follow&limit=100`,
  ).then((r) => r.json() as Promise<{ records: { value: { subject: string } }[] }>);
  return new Set(answer.records.map((r) => r.value.subject));
}

const server = blueskyServerForTests(async () => {
  me = await server.createAccount('ghostwatch.test', 'ghostwatch-pass');
  const pal = await server.createAccount('pal.test', 'pal-pass');
  await server.follow(pal.did, me.did, iso(now - 30 * DAY));
  await server.follow(me.did, pal.did, iso(now - 30 * DAY));
  // Six followed ten days ago who never followed back: all due with the 3 days' grace.
  await server.seedFollowing(me.did, 6, { prefix: 'gho', createdAt: iso(now - 10 * DAY) });
  await server.processAll();
  early = await addMe();

  await server.deactivateAccount('gho0001.test');
  await server.deleteAccount('gho0002.test');
  await server.takedownAccount('gho0003.test');
  await server.block('gho0004.test', me.did);
  await server.processAll();
});

describe('ghost follows on the Bluesky reference server', () => {
  it('a day on, who deactivated, was deleted, was suspended or blocks you is listed apart with the reason', async () => {
    expect(await early.notFollowingBack()).toMatchObject({ total: 6, due: 6, ghosts: 0 });
    // Leaving changes neither your counts nor your first page of follows: the cheap check cannot see it.
    expect(await early.services.syncing.sync(early.id)).toBe(3);
    expect((await early.ghosts()).total).toBe(0);

    early.clock.set(now + DAY + 60_000);
    await early.services.syncing.sync(early.id);
    expect(early.services.accounts.balances()[0]!.problem).toBeNull();
    const ghosts = await early.ghosts();
    expect(reasons(ghosts.rows)).toEqual({
      'gho0001.test': 'deactivated',
      // The deleted account keeps the handle it had when Twoway last saw it.
      'gho0002.test': 'deleted',
      'gho0003.test': 'suspended',
      'gho0004.test': 'blocks-you',
    });
    expect(ghosts.rows.every((r) => r.days === 11)).toBe(true);
    // Never among who is not following back, never due.
    const list = await early.notFollowingBack();
    expect(list).toMatchObject({ total: 2, due: 2, ghosts: 4 });
    expect(list.rows.map((r) => r.person.handle).sort()).toEqual(['gho0005.test', 'gho0006.test']);
    const due = await early.dispatch('countDue', { graceDays: [3, 30] });
    expect(due).toEqual({ ok: true, value: [{ accountId: early.id, due: [2, 0] }] });
  });

  it('cleans them up through the queue, profile or none: the follow records are gone on the server', async () => {
    const twoway = await addMe();
    const ghosts = await twoway.ghosts();
    expect(ghosts.total).toBe(4);
    const ids = ghosts.rows.map((r) => r.person.id);
    expect([...(await followRecordSubjects())].filter((s) => ids.includes(s))).toHaveLength(4);

    await twoway.dispatch('enqueue', { accountId: twoway.id, action: 'unfollow', personIds: ids });
    await settled(twoway.services);
    const items = twoway.services.queue.view().items;
    expect(items.map((i) => [i.person.handle, i.state, i.note])).toEqual(
      expect.arrayContaining(ghosts.rows.map((r) => [r.person.handle, 'done', null])),
    );
    const left = await followRecordSubjects();
    expect(ids.filter((id) => left.has(id))).toEqual([]);
    expect(left.size).toBe(3); // pal and the two who may still follow back
    expect((await twoway.ghosts()).total).toBe(0);
    expect(twoway.services.accounts.balances()[0]!.history.at(-1)).toMatchObject({ following: 3, source: 'write' });

    await server.processAll();
    await twoway.services.syncing.sync(twoway.id, true);
    expect(await twoway.notFollowingBack()).toMatchObject({ total: 2, ghosts: 0 });
    expect(twoway.services.accounts.balances()[0]!.history.at(-1)).toMatchObject({ following: 3 });
  });
});
