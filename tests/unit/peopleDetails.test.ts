import { describe, expect, it } from 'vitest';
import { servicesAt } from '../support/services.ts';

const now = new Date(2026, 11, 2, 10, 0).getTime();
const client = 'chloebrand222.bsky.social';

async function sample() {
  const app = servicesAt(now);
  expect((await app.dispatch('loadDemo', undefined)).ok).toBe(true);
  const rows = async (filter: string, search = '') => {
    const reply = await app.dispatch('listNotFollowingBack', { accountId: 'demo-bluesky', filter, search, limit: 500 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value;
  };
  return { ...app, rows };
}

describe('people an outcome protects, with the sample data', () => {
  it('a client who never followed back is listed as protected, with the outcome, and is never due', async () => {
    const { rows, dispatch } = await sample();
    const [row] = (await rows('all', client)).rows;
    expect(row).toMatchObject({ due: true, kept: false, protected: true, outcome: { type: 'client' } });
    expect((await rows('due')).rows.map((r) => r.person.handle)).not.toContain(client);
    expect((await rows('kept')).rows.map((r) => r.person.handle)).toContain(client);
    const due = await dispatch('listDue', { accountId: 'demo-bluesky', search: '' });
    expect(due.ok && due.value.map((d) => d.person.handle)).not.toContain(client);
    expect(due.ok && due.value).toHaveLength((await rows('due')).due);
  });

  it('the queue refuses to unfollow them unless confirmed for them (then the sample account refuses)', async () => {
    const { rows, dispatch } = await sample();
    const [row] = (await rows('all', client)).rows;
    const unfollow = (includeProtected?: boolean) =>
      dispatch('enqueue', {
        accountId: 'demo-bluesky',
        action: 'unfollow',
        personIds: [row!.person.id],
        ...(includeProtected !== undefined && { includeProtected }),
      });
    expect(await unfollow()).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('protected by an outcome') },
    });
    expect(await unfollow(true)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Sample accounts cannot follow or unfollow') },
    });
  });

  it('lifting the protection makes them due again, and the choice survives a restart', async () => {
    const { rows, dispatch, dataDir } = await sample();
    const before = (await rows('due')).due;
    const [row] = (await rows('all', client)).rows;
    await dispatch('setProtected', { accountId: 'demo-bluesky', personId: row!.person.id, protected: false });
    expect((await rows('all', client)).rows[0]).toMatchObject({ protected: false, outcome: { type: 'client' } });
    expect((await rows('due')).due).toBe(before + 1);
    const again = servicesAt(now, { dataDir });
    const reply = await again.dispatch('listNotFollowingBack', { accountId: 'demo-bluesky', search: client });
    expect(reply.ok && reply.value.rows[0]?.protected).toBe(false);
  });

  it('an outcome logged with a handle protects that person at once', async () => {
    const { rows, dispatch } = await sample();
    const target = (await rows('due')).rows[3]!;
    await dispatch('addOutcome', {
      date: '2026-12-01',
      type: 'lead',
      channel: 'bluesky',
      value: null,
      currency: null,
      person: `@${target.person.handle}`,
      note: '',
    });
    expect((await rows('all', target.person.handle)).rows[0]).toMatchObject({
      protected: true,
      outcome: { type: 'lead', date: '2026-12-01' },
    });
  });
});

describe('what the rows show of people, with the sample data', () => {
  it('profiles, exchanges, a keep reason, and a picture drawn for sample people', async () => {
    const { rows, dispatch } = await sample();
    const elif = (await rows('all', 'elifgrowth204')).rows[0]!;
    expect(elif.interactions).toMatchObject({ theyMentioned: 2, youAnswered: 2, youMentioned: 2, theyAnswered: 2 });
    expect(elif.outcome).toMatchObject({ type: 'conversation' });
    expect(elif.protected).toBe(false);
    const all = (await rows('all')).rows;
    expect(all.some((r) => r.lastPostAt !== null && now - r.lastPostAt > 90 * 24 * 3600_000)).toBe(true);
    expect(all.every((r) => r.detailsAt !== null && r.followersCount !== null)).toBe(true);

    await dispatch('setKeep', {
      accountId: 'demo-bluesky',
      personId: elif.person.id,
      keep: true,
      reason: ' Podcast host ',
    });
    expect((await rows('kept', 'elifgrowth204')).rows[0]).toMatchObject({ kept: true, keepReason: 'Podcast host' });
    const tooLong = await dispatch('setKeep', {
      accountId: 'demo-bluesky',
      personId: elif.person.id,
      keep: true,
      reason: 'x'.repeat(121),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await dispatch('setKeep', { accountId: 'demo-bluesky', personId: elif.person.id, keep: false });
    expect((await rows('all', 'elifgrowth204')).rows[0]).toMatchObject({ kept: false, keepReason: null });

    const withPicture = all.find((r) => r.hasAvatar)!;
    const picture = await dispatch('getAvatar', { accountId: 'demo-bluesky', personId: withPicture.person.id });
    expect(picture.ok && picture.value).toMatch(/^data:image\/svg\+xml;base64,/);
    const without = all.find((r) => !r.hasAvatar)!;
    expect(await dispatch('getAvatar', { accountId: 'demo-bluesky', personId: without.person.id })).toEqual({
      ok: true,
      value: null,
    });
    const details = await dispatch('getPersonDetails', { accountId: 'demo-bluesky', personId: elif.person.id });
    expect(details.ok && details.value.bio).toBe(elif.bio);
  });

  it('X archive people carry no profile, and nothing is made up for them', async () => {
    const { dispatch } = await sample();
    const reply = await dispatch('listNotFollowingBack', { accountId: 'demo-x', filter: 'all', limit: 50 });
    expect(
      reply.ok && reply.value.rows.every((r) => r.detailsAt === null && r.lastPostAt === null && !r.hasAvatar),
    ).toBe(true);
  });

  it('the outcome form is offered the people Twoway knows, by handle or name', async () => {
    const { dispatch } = await sample();
    const reply = await dispatch('suggestPeople', { search: 'chloebrand2' });
    expect(reply.ok && reply.value).toContainEqual({
      handle: client,
      displayName: 'Chloebrand222',
      network: 'bluesky',
    });
    expect(await dispatch('suggestPeople', { search: '' })).toEqual({ ok: true, value: [] });
  });
});
