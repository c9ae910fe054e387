// What the rows show of people, read from a local server speaking Mastodon's documented API: the account entity's
// note, counts, last_status_at and avatar_static, read for the rows asked about, again only a day later; the
// picture fetched by main; a client an outcome names is left out of an unfollow until the user confirms it.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { NotFollowingBackRow } from '../../src/shared/contract.ts';
import type { PersonFacts } from '../../src/shared/personDetails.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { pixelPng, startPictureServer } from '../support/pictureServer.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

const start = Date.UTC(2026, 10, 25, 12);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setUp() {
  const s = servicesAt(start, { warp: true });
  const server = await startMastodonServer({ now: () => s.clock.now() });
  const pictures = await startPictureServer();
  closers.push(server.close, pictures.close);
  const { state } = server;
  const me = state.addAccount({ username: 'me' });
  const ana = state.addAccount({
    username: 'ana',
    displayName: 'Ana Data',
    note: 'Data & dashboards\u202e\nSecond line',
    avatar: `${pictures.url}/ana/ok.png`,
  });
  const ben = state.addAccount({ username: 'ben', displayName: 'Ben' });
  const cem = state.addAccount({ username: 'cem', displayName: 'Cem Client' });
  for (const other of [ana, ben, cem]) state.follow(me.id, other.id);
  for (const follower of ['f1', 'f2', 'f3']) state.follow(state.addAccount({ username: follower }).id, ana.id);
  state.post(ana.id, 'Last words for a while', { at: start - 240 * DAY });
  state.addToken('people-token', me.id);
  const added = await s.dispatch('addAccount', {
    network: 'mastodon',
    instanceUrl: server.url,
    handle: '@me',
    token: 'people-token',
  });
  expect(added).toMatchObject({ ok: true });
  await settled(s.services);
  const accountId = (added as { ok: true; value: AccountBalance }).value.account.id;
  const rows = async () =>
    (
      (await s.dispatch('listNotFollowingBack', { accountId, filter: 'all' })) as {
        ok: true;
        value: { rows: NotFollowingBackRow[] };
      }
    ).value.rows;
  const idOf = async (username: string) => (await rows()).find((r) => r.person.handle.startsWith(`@${username}@`))!;
  const details = async (personId: string) =>
    ((await s.dispatch('getPersonDetails', { accountId, personId })) as { ok: true; value: PersonFacts }).value;
  const accountReads = () => state.requests.filter((r) => /^\/api\/v1\/accounts\/\d+$/.test(r.path)).length;
  return { s, server, state, accountId, rows, idOf, details, accountReads, ana, cem, pictures };
}

describe('people details on Mastodon', () => {
  it('reads the bio’s first line as text, the counts, the day of the last post and the picture', async () => {
    const { s, accountId, idOf, details, accountReads, pictures } = await setUp();
    const ana = await idOf('ana');
    expect(ana).toMatchObject({ detailsAt: null, bio: null, lastPostAt: null });
    const before = accountReads();
    const facts = await details(ana.person.id);
    expect(facts).toMatchObject({
      bio: 'Data & dashboards',
      // Three followers and the user.
      followersCount: 4,
      followingCount: 0,
      hasAvatar: true,
    });
    expect(facts.detailsAt).toBeGreaterThanOrEqual(start);
    // Mastodon says the day: noon of it, 240 days back.
    expect(Math.abs(facts.lastPostAt! - (start - 240 * DAY))).toBeLessThan(DAY);
    expect(accountReads()).toBe(before + 1);
    // The list carries them from now on, so it can sort on them.
    expect(await idOf('ana')).toMatchObject({ bio: 'Data & dashboards', followersCount: 4 });

    const ben = await details((await idOf('ben')).person.id);
    expect(ben).toMatchObject({ bio: null, lastPostAt: null, hasAvatar: false, followersCount: 1 });

    const picture = await s.dispatch('getAvatar', { accountId, personId: ana.person.id });
    expect(picture).toEqual({ ok: true, value: `data:image/png;base64,${pixelPng.toString('base64')}` });
    expect(pictures.hits('/ana/ok.png')).toBe(1);
    expect(await s.dispatch('getAvatar', { accountId, personId: (await idOf('ben')).person.id })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('an entity that lies about its fields shows nothing false; an entity of someone else is not taken', async () => {
    const { server, idOf, details, ana } = await setUp();
    server.faults.push({
      path: `/api/v1/accounts/${ana.id}`,
      entryPatch: {
        note: { html: '<b>x</b>' },
        followers_count: 'lots',
        following_count: -3,
        last_status_at: 12,
        avatar_static: 'javascript:alert(1)',
        avatar: 'http://10.0.0.1/a.png',
      },
    });
    const facts = await details((await idOf('ana')).person.id);
    expect(facts).toMatchObject({
      bio: null,
      followersCount: null,
      followingCount: null,
      lastPostAt: null,
      hasAvatar: false,
    });
    const ben = (await idOf('ben')).person.id;
    server.faults.push({ path: `/api/v1/accounts/${ben}`, entryPatch: { id: ana.id, note: 'Not Ben' } });
    expect(await details(ben)).toMatchObject({ bio: null, detailsAt: null });
  });

  it('asks again only once a profile is a day old', async () => {
    const { s, idOf, details, accountReads, state, ana } = await setUp();
    const id = (await idOf('ana')).person.id;
    await details(id);
    const after = accountReads();
    await details(id);
    s.clock.advance(DAY - 60_000);
    await details(id);
    expect(accountReads()).toBe(after);
    state.post(ana.id, 'Back again');
    s.clock.advance(60_000);
    const fresh = await details(id);
    expect(accountReads()).toBe(after + 1);
    expect(fresh.lastPostAt).toBeGreaterThan(start);
  });

  it('a client named by handle in an outcome is protected: left out of an unfollow until confirmed', async () => {
    const { s, state, accountId, idOf, cem } = await setUp();
    const client = await idOf('cem');
    await s.dispatch('addOutcome', {
      date: '2026-11-12',
      type: 'client',
      channel: 'mastodon',
      value: null,
      currency: null,
      person: client.person.handle,
      note: '',
    });
    expect(await idOf('cem')).toMatchObject({ protected: true, outcome: { type: 'client', date: '2026-11-12' } });
    const due = (await s.dispatch('listDue', { accountId, search: '' })) as {
      ok: true;
      value: { person: { id: string } }[];
    };
    expect(due.value.map((d) => d.person.id)).not.toContain(client.person.id);
    const everyone = (await idOf('ana')).person.id;
    const queued = await s.dispatch('enqueue', {
      accountId,
      action: 'unfollow',
      personIds: [everyone, client.person.id],
    });
    expect(queued).toMatchObject({ ok: true });
    await settled(s.services);
    const me = [...state.accounts.values()].find((a) => a.username === 'me')!;
    expect(state.isFollowing(me.id, cem.id)).toBe(true);

    expect(await s.dispatch('enqueue', { accountId, action: 'unfollow', personIds: [client.person.id] })).toMatchObject(
      { ok: false, error: { code: 'conflict' } },
    );
    const confirmed = await s.dispatch('enqueue', {
      accountId,
      action: 'unfollow',
      personIds: [client.person.id],
      includeProtected: true,
    });
    expect(confirmed).toMatchObject({ ok: true });
    await settled(s.services);
    expect(state.isFollowing(me.id, cem.id)).toBe(false);
  });
});
