// The catch-up briefing against the real Bluesky reference stack: posts, replies, mentions and quotes are
// written by the test through the PDS, and Twoway reads them back through the AppView like the app would.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/shared/calendar.ts';
import { addBlueskyAccount, blueskyServerForTests } from '../support/blueskyServer.ts';

let me: { did: string };
const posts: Record<string, string> = {};
const iso = (ms: number) => new Date(ms).toISOString();

const server = blueskyServerForTests(async () => {
  me = await server.createAccount('catcher.test', 'catcher-pass');
  for (const name of ['ana', 'ben', 'cem', 'dan', 'eve']) await server.createAccount(`${name}.test`, `${name}-pass`);
  // ana, ben, dan and eve follow the user; the user follows ana, cem and dan back — not ben, not eve.
  for (const name of ['ana', 'ben', 'dan', 'eve']) await server.follow(`${name}.test`, me.did);
  for (const name of ['ana', 'cem', 'dan']) await server.follow(me.did, `${name}.test`);

  const now = Date.now();
  posts.anaOld = (await server.post('ana.test', 'Three days old', { createdAt: iso(now - 3 * DAY) })).uri;
  posts.ana1 = (await server.post('ana.test', 'Who knows a good bookkeeper?', { createdAt: iso(now - 2 * HOUR) })).uri;
  posts.ana2 = (await server.post('ana.test', 'Our study is out', { createdAt: iso(now - HOUR) })).uri;
  posts.cem = (await server.post('cem.test', 'cem does not follow the user', { createdAt: iso(now - HOUR) })).uri;
  posts.ben = (
    await server.post('ben.test', 'ben is followed by nobody here', { createdAt: iso(now - 30 * 60_000) })
  ).uri;
  posts.markup = (
    await server.post('dan.test', '<img src=x onerror=alert(1)> read <b>this</b>', {
      createdAt: iso(now - 20 * 60_000),
      links: [{ text: 'read', uri: 'javascript:alert(1)' }],
    })
  ).uri;

  // The user's posts that mention people: ana answers hers within the hour, eve never does.
  const toAna = await server.post('catcher.test', 'Hello @ana.test, what do you make of this?', {
    createdAt: iso(now - 5 * HOUR),
  });
  await server.post('catcher.test', '@eve.test and @ana.test: coffee next week?', { createdAt: iso(now - 4 * HOUR) });
  await server.post('catcher.test', 'Still keen, @eve.test?', { createdAt: iso(now - 3 * HOUR) });
  const mine = await server.post('catcher.test', 'A post of mine', { createdAt: iso(now - 6 * HOUR) });
  // Replies come after what they answer is indexed, as on the network: the AppView notifies no one of a reply
  // it indexed before its parent.
  await server.processAll();
  await server.reply('ana.test', toAna.uri, 'Gladly — it looks solid.', { createdAt: iso(now - 4.5 * HOUR) });

  // Asking the user: a mention, a reply to the user's post, a quote; the user answers the mention only.
  posts.mention = (
    await server.post('ben.test', 'What does @catcher.test think?', { createdAt: iso(now - 2 * HOUR) })
  ).uri;
  posts.reply = (
    await server.reply('dan.test', mine.uri, 'Interesting point', { createdAt: iso(now - 90 * 60_000) })
  ).uri;
  posts.quote = (await server.quote('eve.test', mine.uri, 'Worth reading', { createdAt: iso(now - 80 * 60_000) })).uri;
  await server.processAll();
  await server.reply('catcher.test', posts.mention, 'Happy to help', { createdAt: iso(now - 60 * 60_000) });
  await server.processAll();
  await notificationsIndexed(4);
});

/** Waits until the AppView lists the user's mention, reply and quote notifications, which it may index late. */
async function notificationsIndexed(count: number) {
  const xrpc = (method: string) => `${server.urls.pds}/xrpc/${method}`;
  const session = (await fetch(xrpc('com.atproto.server.createSession'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'catcher.test', password: 'catcher-pass' }),
  }).then((r) => r.json())) as { accessJwt: string };
  let seen = '';
  for (let tries = 0; tries < 50; tries++) {
    const listed = (await fetch(xrpc('app.bsky.notification.listNotifications?limit=100'), {
      headers: { authorization: `Bearer ${session.accessJwt}` },
    }).then((r) => r.json())) as { notifications: { reason: string; author: { handle: string } }[] };
    const asking = listed.notifications.filter((n) => n.reason !== 'follow');
    if (asking.length >= count) return;
    seen = asking.map((n) => `${n.reason} by ${n.author.handle}`).join(', ');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The AppView did not list ${count} notifications in 10 s, only: ${seen}.`);
}

const addMe = (appPassword?: string) => addBlueskyAccount(server, { handle: 'catcher.test', appPassword });

const handles = (people: { person: { handle: string } }[]) => people.map((p) => p.person.handle);

describe('the catch-up briefing on the Bluesky reference server', () => {
  it('shows followers’ posts since the last visit, newest person first, including followers the user does not follow', async () => {
    const { services } = await addMe('catcher-pass');
    await services.catchUp.refresh(null);
    const briefing = services.catchUp.briefing(false);
    expect(briefing.accounts[0]).toMatchObject({ reach: 'full', problem: null, note: null });
    // cem is followed but does not follow back; ben and eve are read from their own feeds.
    expect(handles(briefing.people)).toEqual(['dan.test', 'ben.test', 'ana.test', 'eve.test']);
    const ana = briefing.people.find((p) => p.person.handle === 'ana.test')!;
    // Her three-day-old post is before the window.
    expect(ana.posts.map((p) => p.text)).toEqual([
      'Our study is out',
      'Who knows a good bookkeeper?',
      'Gladly — it looks solid.',
    ]);
    expect(ana.posts[0]).toMatchObject({
      kind: 'post',
      scanned: false,
      url: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/ana\.test\/post\//),
    });
    expect(briefing.people.find((p) => p.person.handle === 'dan.test')!.posts.map((p) => p.kind)).toEqual([
      'post',
      'reply',
    ]);
    expect(briefing.people.find((p) => p.person.handle === 'eve.test')!.posts.map((p) => p.kind)).toEqual(['quote']);
    expect(briefing.unread).toBe(8);
  });

  it('keeps markup as text and gives no address but the post’s own https one', async () => {
    const { services } = await addMe('catcher-pass');
    await services.catchUp.refresh(null);
    const post = services.catchUp
      .briefing(false)
      .people.flatMap((p) => p.posts)
      .find((p) => p.id === posts.markup)!;
    expect(post.text).toBe('<img src=x onerror=alert(1)> read <b>this</b>');
    expect(post.url).toMatch(/^https:\/\/bsky\.app\/profile\/dan\.test\/post\/[a-z0-9]+$/);
    expect(JSON.stringify(services.catchUp.briefing(true))).not.toContain('javascript:');
  });

  it('lists what waits for an answer, oldest first, and sees the user’s own reply as the answer', async () => {
    const { services, dispatch, id } = await addMe('catcher-pass');
    await services.catchUp.refresh(null);
    const { mentions, waiting } = services.catchUp.briefing(false);
    expect(mentions.map((m) => [m.reason, m.author.handle, m.state])).toEqual([
      ['reply', 'ana.test', 'waiting'],
      ['reply', 'dan.test', 'waiting'],
      ['quote', 'eve.test', 'waiting'],
      ['mention', 'ben.test', 'answered'],
    ]);
    expect(waiting).toBe(3);
    const quote = mentions.find((m) => m.reason === 'quote')!;
    const marked = await dispatch('markMention', { accountId: id, mentionId: quote.id, state: 'ignored' });
    expect(marked).toMatchObject({ ok: true, value: { waiting: 2 } });
    expect(services.catchUp.briefing(false).mentions.at(-1)).toMatchObject({ reason: 'quote', state: 'ignored' });
  });

  it('counts who answers the user’s mentions and how fast', async () => {
    const { services } = await addMe('catcher-pass');
    await services.catchUp.refresh(null);
    const rates = services.catchUp.briefing(false).answerRates;
    expect(rates.map((r) => [r.person.handle, r.asked, r.answered])).toEqual([
      ['eve.test', 2, 0],
      ['ana.test', 2, 1],
    ]);
    expect(rates[1]!.medianMs).toBe(30 * 60_000);
  });

  it('marks a post, a person and everything scanned, and the unread count follows', async () => {
    const { services, dispatch, id } = await addMe('catcher-pass');
    await services.catchUp.refresh(null);
    const unread = () => services.catchUp.summary().unread;
    expect(unread()).toBe(8);
    await dispatch('markScanned', { target: { accountId: id, post: posts.ana2! } });
    expect(unread()).toBe(7);
    const ben = services.catchUp.briefing(false).people.find((p) => p.person.handle === 'ben.test')!;
    await dispatch('markScanned', { target: { accountId: id, person: ben.person.id } });
    expect(unread()).toBe(5);
    expect(handles(services.catchUp.briefing(false).people)).toEqual(['dan.test', 'eve.test', 'ana.test']);
    await dispatch('markScanned', { target: { everything: true } });
    expect(unread()).toBe(0);
    // A later catch-up reads the same posts again: they stay scanned.
    await services.catchUp.refresh(null);
    expect(unread()).toBe(0);
  });

  it('reads only what is new the next time, in a handful of requests, and shows a new post unread', async () => {
    const { services } = await addMe('catcher-pass');
    await services.catchUp.refresh(null);
    const first = services.catchUp.summary().accounts[0]!;
    expect(first.requests).toBeLessThanOrEqual(20);
    await services.catchUp.markScanned({ everything: true }, true);
    await server.post('ana.test', 'Fresh from the oven');
    await server.processAll();
    await services.catchUp.refresh(null);
    const next = services.catchUp.summary().accounts[0]!;
    // Resuming the session (a refresh and a check), mentions, own posts, one timeline page; ben's and eve's own
    // feeds were read minutes ago.
    expect(next.requests).toBe(5);
    expect(next.since).toBe(first.lastCatchUpAt);
    const unread = services.catchUp.briefing(false).people;
    expect(unread.map((p) => p.posts.map((post) => post.text))).toEqual([['Fresh from the oven']]);
  });

  it('without an app password reads followers’ own feeds only, and says what the password adds', async () => {
    const { services } = await addMe();
    await services.catchUp.refresh(null);
    const briefing = services.catchUp.briefing(false);
    expect(briefing.accounts[0]).toMatchObject({ reach: 'partial', note: expect.stringMatching(/app password/) });
    expect(handles(briefing.people).sort()).toEqual(['ana.test', 'ben.test', 'dan.test', 'eve.test']);
    expect(briefing.mentions).toEqual([]);
  });
});
