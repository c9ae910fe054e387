// What the rows show of people, read from the real Bluesky reference stack (PLC + PDS + AppView from
// @atproto/dev-env) on 127.0.0.1: getProfiles for the bio, the counts and the picture, one entry of each author's
// feed for the last post. Slow to start: run this file alone.
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { NotFollowingBackRow } from '../../src/shared/contract.ts';
import type { PersonFacts } from '../../src/shared/personDetails.ts';
import { addBlueskyAccount, blueskyServerForTests } from '../support/blueskyServer.ts';

const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();
const eightMonthsAgo = now - 243 * DAY;

async function addMe() {
  const s = await addBlueskyAccount(server, { handle: 'peoplewatch.test', appPassword: 'peoplewatch-pass', at: now });
  const { id: accountId } = s;
  const rows = async (search = '') =>
    (
      (await s.dispatch('listNotFollowingBack', { accountId, filter: 'all', search })) as {
        ok: true;
        value: { rows: NotFollowingBackRow[] };
      }
    ).value.rows;
  const person = async (handle: string) => (await rows()).find((r) => r.person.handle === handle)!;
  const details = async (handle: string) => {
    const reply = await s.dispatch('getPersonDetails', { accountId, personId: (await person(handle)).person.id });
    expect(reply).toMatchObject({ ok: true });
    return (reply as { ok: true; value: PersonFacts }).value;
  };
  return { ...s, accountId, rows, person, details };
}

const server = blueskyServerForTests(async () => {
  const me = await server.createAccount('peoplewatch.test', 'peoplewatch-pass');
  const ana = await server.createAccount('anadata.test', 'ana-pass');
  const ben = await server.createAccount('benquiet.test', 'ben-pass');
  const cem = await server.createAccount('cemclient.test', 'cem-pass');
  for (const other of [ana, ben, cem]) await server.follow(me.did, other.did, iso(now - 10 * DAY));
  await server.setProfile(ana.did, {
    displayName: 'Ana Data',
    description: '\n Data \u202e& dashboards\u200b for   small firms\nBased in Porto',
  });
  await server.seedFollowers(ana.did, 3, { prefix: 'anafan' });
  await server.post(ana.did, 'Going quiet for a while.', { createdAt: iso(eightMonthsAgo) });
  await server.post(cem.did, 'New case study is up.');
  await server.processAll();
});

describe('people details on the Bluesky reference server', () => {
  it('reads the bio’s first line, cleaned, the counts and the last post; "no posts" is known as such', async () => {
    const twoway = await addMe();
    expect(await twoway.person('anadata.test')).toMatchObject({ detailsAt: null, bio: null });
    const ana = await twoway.details('anadata.test');
    expect(ana).toMatchObject({
      bio: 'Data & dashboards for small firms',
      followersCount: 4, // three fans and the user
      followingCount: 0,
      hasAvatar: false,
    });
    expect(ana.detailsAt).not.toBeNull();
    expect(Math.abs(ana.lastPostAt! - eightMonthsAgo)).toBeLessThan(1000);

    const ben = await twoway.details('benquiet.test');
    expect(ben).toMatchObject({ bio: null, lastPostAt: null, followersCount: 1 });
    expect(ben.detailsAt).not.toBeNull();
    const cem = await twoway.details('cemclient.test');
    expect(Math.abs(cem.lastPostAt! - Date.now())).toBeLessThan(10 * 60_000);
    // The list carries what was read, so it can sort on it.
    expect(await twoway.person('anadata.test')).toMatchObject({ bio: ana.bio, lastPostAt: ana.lastPostAt });
    expect(
      await twoway.dispatch('getAvatar', {
        accountId: twoway.accountId,
        personId: (await twoway.person('anadata.test')).person.id,
      }),
    ).toEqual({ ok: true, value: null });
  });

  it('rows asked about at once are all read, and a profile read today is not read again', async () => {
    const twoway = await addMe();
    const ids = await Promise.all(['anadata.test', 'benquiet.test', 'cemclient.test'].map((h) => twoway.person(h)));
    const asked = ids.map((row) =>
      twoway.dispatch('getPersonDetails', { accountId: twoway.accountId, personId: row.person.id }),
    );
    const answers = await Promise.all(asked);
    expect(answers.every((a) => a.ok && a.value.detailsAt !== null)).toBe(true);
    const cached = await twoway.dispatch('getPersonDetails', {
      accountId: twoway.accountId,
      personId: ids[0]!.person.id,
    });
    expect(cached.ok && answers[0]!.ok && cached.value.detailsAt).toBe(answers[0]!.ok && answers[0]!.value.detailsAt);
  });

  it('a client named by handle in an outcome is protected and never due', async () => {
    const twoway = await addMe();
    await twoway.dispatch('addOutcome', {
      date: '2026-11-12',
      type: 'client',
      channel: 'bluesky',
      value: null,
      currency: null,
      person: 'Cem (@cemclient.test)',
      note: '',
    });
    expect(await twoway.person('cemclient.test')).toMatchObject({ due: true, protected: true });
    const due = (await twoway.dispatch('listDue', { accountId: twoway.accountId, search: '' })) as {
      ok: true;
      value: { person: { handle: string } }[];
    };
    expect(due.value.map((d) => d.person.handle).sort()).toEqual(['anadata.test', 'benquiet.test']);
  });
});
