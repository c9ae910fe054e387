// The catch-up briefing against the local Mastodon server (written from the documented API): the home timeline
// and account statuses paged by Link, mention notifications, replies with in_reply_to_id, HTML content.
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { startMastodonServer, type MastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

let server: MastodonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 9);

/**
 * "me" has 60 followers and follows 45 of them back, plus quiet people who do not follow; each follower posted
 * once in the last hours, the quiet ones too, and one follower posted yesterday morning.
 */
async function world() {
  const s = servicesAt(start, { warp: true });
  server = await startMastodonServer({ now: () => s.clock.now() });
  const state = server.state;
  const me = state.addAccount({ username: 'me', displayName: 'Me' });
  const fans = Array.from({ length: 60 }, (_, i) => state.addAccount({ username: `fan${i}`, displayName: `Fan ${i}` }));
  const quiet = Array.from({ length: 3 }, (_, i) => state.addAccount({ username: `quiet${i}` }));
  for (const fan of fans) state.follow(fan.id, me.id, { at: start - 30 * 24 * HOUR });
  for (const person of [...fans.slice(0, 45), ...quiet]) state.follow(me.id, person.id, { at: start - 20 * 24 * HOUR });
  state.post(fans[0]!.id, 'Posted yesterday morning', { at: start - 26 * HOUR });
  fans.forEach((fan, i) => state.post(fan.id, `Update from fan ${i}`, { at: start - (3 * HOUR - i * MINUTE) }));
  quiet.forEach((person) => state.post(person.id, 'Not a follower', { at: start - HOUR }));
  state.addToken('token-of-me', me.id);
  return { ...s, me, fans, quiet, state };
}

async function addMe(w: Awaited<ReturnType<typeof world>>, token: string | null = 'token-of-me') {
  const reply = await w.dispatch('addAccount', {
    network: 'mastodon',
    instanceUrl: server!.url,
    handle: '@me',
    ...(token ? { token } : {}),
  });
  expect(reply).toMatchObject({ ok: true });
  await settled(w.services);
  return (reply as { ok: true; value: AccountBalance }).value.account.id;
}

const requestsTo = (path: string) => server!.state.requests.filter((r) => r.path === path).length;

describe('the catch-up briefing on a Mastodon server speaking the documented API', () => {
  it('pages the home timeline back to the window, filters it to followers and adds followers not followed', async () => {
    const w = await world();
    await addMe(w);
    const before = server!.state.requests.length;
    await w.services.catchUp.refresh(null);
    const briefing = w.services.catchUp.briefing(false);
    expect(briefing.accounts[0]).toMatchObject({ reach: 'full', problem: null, readOthers: { read: 10, of: 15 } });
    // 45 followed followers through the timeline (49 statuses over pages of 40), 10 of the 15 others one by one.
    expect(briefing.unread).toBe(45 + 10);
    expect(briefing.people[0]!.person).toMatchObject({
      handle: expect.stringMatching(/^@fan59@127\.0\.0\.1/),
      displayName: 'Fan 59',
    });
    expect(briefing.people.every((p) => !p.person.handle.startsWith('@quiet'))).toBe(true);
    expect(briefing.people.find((p) => p.person.handle.startsWith('@fan0@'))!.posts.map((p) => p.text)).toEqual([
      'Update from fan 0',
    ]);
    expect(requestsTo('/api/v1/timelines/home')).toBe(2);
    expect(server!.state.requests.length - before).toBe(briefing.accounts[0]!.requests);
    expect(briefing.accounts[0]!.requests).toBeLessThanOrEqual(15);

    // The next catch-up reads the others not read yet, newest followers first.
    w.clock.advance(20 * MINUTE);
    await w.services.catchUp.refresh(null);
    expect(w.services.catchUp.summary().unread).toBe(60);
    expect(requestsTo('/api/v1/timelines/home')).toBe(3);
  });

  it('shows HTML content as its text: escaped markup stays text, links are not kept', async () => {
    const w = await world();
    w.state.post(w.fans[1]!.id, 'Try <script>alert(1)</script> and <a href="javascript:alert(1)">this</a>\n\nSecond', {
      at: start - 10 * MINUTE,
      spoilerText: 'code',
    });
    await addMe(w);
    await w.services.catchUp.refresh(null);
    const post = w.services.catchUp.briefing(false).people[0]!.posts[0]!;
    expect(post.text).toBe(
      'Content warning: code\n\nTry <script>alert(1)</script> and <a href="javascript:alert(1)">this</a>\n\nSecond',
    );
    expect(post.url).toMatch(/^https:\/\/mastodon\.example\/@fan1\/\d+$/);
  });

  it('finds mentions waiting for an answer, sees the user’s reply, and counts who answers', async () => {
    const w = await world();
    const [ana, ben, cem] = w.fans;
    const asked = w.state.post(w.me.id, '@fan0 @fan1 what do you think?', { at: start - 5 * HOUR });
    w.state.post(ana!.id, '@me I think it is great', { at: start - 4 * HOUR, inReplyTo: asked.id });
    w.state.post(w.me.id, '@fan2 still keen?', { at: start - 4 * HOUR });
    const question = w.state.post(ben!.id, '@me quick question about pricing', { at: start - 2 * HOUR });
    w.state.post(cem!.id, '@me congrats on the launch', { at: start - HOUR });
    // A reply that does not mention "me" notifies no one, as on Mastodon.
    w.state.post(cem!.id, 'no mention here', { at: start - HOUR, inReplyTo: asked.id });
    w.state.post(w.me.id, '@fan1 sure, happy to explain', { at: start - 30 * MINUTE, inReplyTo: question.id });
    const id = await addMe(w);
    await w.services.catchUp.refresh(null);
    const briefing = w.services.catchUp.briefing(false);
    expect(briefing.mentions.map((m) => [m.reason, m.author.handle.split('@')[1], m.state, m.text])).toEqual([
      ['reply', 'fan0', 'waiting', '@me I think it is great'],
      ['mention', 'fan2', 'waiting', '@me congrats on the launch'],
      ['mention', 'fan1', 'answered', '@me quick question about pricing'],
    ]);
    expect(briefing.mentions[2]!.answeredAt).toBe(start - 30 * MINUTE);
    expect(briefing.answerRates.map((r) => [r.person.handle.split('@')[1], r.asked, r.answered, r.medianMs])).toEqual([
      // The user's reply to fan1 mentions fan1 too: two posts asked fan1.
      ['fan1', 2, 0, null],
      ['fan2', 1, 0, null],
      ['fan0', 1, 1, HOUR],
    ]);
    expect(briefing.people.find((p) => p.person.handle.startsWith('@fan0@'))!.answers).toMatchObject({
      asked: 1,
      answered: 1,
    });
    const reply = await w.dispatch('markMention', {
      accountId: id,
      mentionId: briefing.mentions[0]!.id,
      state: 'answered',
    });
    expect(reply).toMatchObject({ ok: true, value: { waiting: 1 } });
  });

  it('marks scanned and keeps the marks through the next catch-up', async () => {
    const w = await world();
    const id = await addMe(w);
    await w.services.catchUp.refresh(null);
    const [first, second] = w.services.catchUp.briefing(false).people;
    await w.dispatch('markScanned', { target: { accountId: id, post: first!.posts[0]!.id } });
    await w.dispatch('markScanned', { target: { accountId: id, person: second!.person.id } });
    expect(w.services.catchUp.summary().unread).toBe(53);
    w.clock.advance(20 * MINUTE);
    await w.services.catchUp.refresh(null);
    expect(w.services.catchUp.briefing(false).people.map((p) => p.person.id)).not.toContain(first!.person.id);
    await w.dispatch('markScanned', { target: { everything: true } });
    expect(w.services.catchUp.summary().unread).toBe(0);
    const undo = await w.dispatch('markScanned', {
      target: { accountId: id, post: first!.posts[0]!.id },
      scanned: false,
    });
    expect(undo).toMatchObject({ ok: true, value: { unread: 1 } });
  });

  it('without a token reads followers’ statuses only, and keeps the briefing when the server fails', async () => {
    const w = await world();
    await addMe(w, null);
    await w.services.catchUp.refresh(null);
    const briefing = w.services.catchUp.briefing(false);
    expect(briefing.accounts[0]).toMatchObject({ reach: 'partial', note: expect.stringMatching(/access token/) });
    expect(requestsTo('/api/v1/timelines/home')).toBe(0);
    expect(briefing.unread).toBe(briefing.accounts[0]!.readOthers!.read);

    server!.faults.push({ path: '/api/v1/accounts/', status: 503, times: 20 });
    w.clock.advance(20 * MINUTE);
    await w.services.catchUp.refresh(null);
    const after = w.services.catchUp.summary();
    expect(after.accounts[0]!.problem).toMatch(/kept answering with errors \(HTTP 503\); the last briefing is kept/);
    expect(after.unread).toBe(briefing.unread);
  });

  it('coming back online has the briefing read, and the welcome nudge opens it', async () => {
    const w = await world();
    await addMe(w);
    w.services.settings.update({ quietHours: null });
    await w.dispatch('startSession', { kind: 'online' });
    expect(w.services.reminders.current()).toMatchObject({
      cause: 'back-online',
      actions: ['open-catch-up', 'dismiss'],
      route: { view: 'catch-up' },
    });
    for (let tries = 0; w.services.catchUp.summary().accounts[0]!.lastCatchUpAt === null; tries++) {
      if (tries > 200) throw new Error('The briefing was not read after the welcome nudge.');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(w.services.catchUp.summary().unread).toBe(55);
  });

  it('refuses what cannot be read with a clear reason', async () => {
    const w = await world();
    await w.dispatch('loadDemo', undefined);
    const sample = await w.dispatch('refreshCatchUp', { accountId: 'demo-bluesky' });
    expect(sample).toMatchObject({ ok: false, error: { code: 'conflict', message: /Sample accounts cannot be read/ } });
    const x = await w.dispatch('refreshCatchUp', { accountId: 'demo-x' });
    expect(x).toMatchObject({ ok: false, error: { code: 'unavailable', message: /paid API/ } });
    const unknown = await w.dispatch('markMention', { accountId: 'demo-bluesky', mentionId: 'nope', state: 'ignored' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await w.dispatch('markScanned', { target: { post: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
