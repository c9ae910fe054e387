// A hostile Mastodon instance, from the local server's hostile modes: account ids that are paths, next-page
// links to another host, replies of the wrong shape, answers without end. After each the account says what
// happened, nothing outside the data folder changed, and the token went to no other host.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { memoryVault } from '../../src/main/services/secrets.ts';
import { startMastodonServer, type MastodonServer } from '../servers/mastodon.ts';
import { dataDirAmongOthers } from '../support/outside.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

const servers: MastodonServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const start = Date.UTC(2026, 10, 25, 12);
const token = 'secret-token-1';
const kept = ' The last data is kept.';

/** "me" (with the id given) has 100 followers and follows 50 of them and 5 quiet people; nothing added yet. */
async function world(meId?: string) {
  const place = dataDirAmongOthers();
  const vault = memoryVault();
  const s = servicesAt(start, { dataDir: place.dataDir, vault, warp: true });
  const server = await startMastodonServer({
    now: () => s.clock.now(),
    rateLimit: { limit: 10_000, windowSeconds: 300 },
  });
  servers.push(server);
  const state = server.state;
  const me = state.addAccount({ id: meId, username: 'me', displayName: 'Me' });
  const fans = Array.from({ length: 100 }, (_, i) =>
    state.addAccount({ username: `fan${i}`, displayName: `Fan ${i}` }),
  );
  fans.forEach((fan) => state.follow(fan.id, me.id));
  const quiet = Array.from({ length: 5 }, (_, i) => state.addAccount({ username: `quiet${i}` }));
  [...fans.slice(0, 50), ...quiet].forEach((other) => state.follow(me.id, other.id));
  state.addToken(token, me.id);
  return { ...s, place, vault, server, me, fans, quiet, before: place.outside() };
}
type World = Awaited<ReturnType<typeof world>>;

async function added(w: World) {
  const reply = await w.dispatch('addAccount', {
    network: 'mastodon',
    instanceUrl: w.server.url,
    handle: '@me',
    token,
  });
  expect(reply).toMatchObject({ ok: true });
  await settled(w.services);
  w.services.settings.update({ syncEveryHours: 0 });
  const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
  const balance = () => w.services.accounts.balances().find((b) => b.account.id === id)!;
  return { id, balance };
}

/** The same data folder opened again, as after a restart. */
async function restarted(w: World) {
  w.services.close();
  const again = servicesAt(w.clock.now() + HOUR, { dataDir: w.place.dataDir, vault: w.vault, warp: true });
  await again.services.start();
  return again;
}

const port = (url: string) => new URL(url).port;

describe('account ids from a hostile Mastodon instance', { timeout: 30_000 }, () => {
  it('keeps an account whose instance gives it a path for an id inside the data folder, across a restart', async () => {
    const w = await world('/../../victim-target');
    const { id, balance } = await added(w);
    expect(id).toMatch(new RegExp(`^mastodon-127-0-0-1-${port(w.server.url)}-[a-z0-9]+$`));
    expect(balance()).toMatchObject({ problem: null, history: [{ followers: 100, following: 55 }] });
    expect(fs.readdirSync(w.place.dataDir)).toContain(`account-${id}.bin`);
    expect(w.place.outside()).toEqual(w.before);

    const data = w.services.accounts.data(id);
    const again = await restarted(w);
    expect(again.services.status().notices).toEqual([]);
    expect(again.services.accounts.list().map((a) => a.id)).toEqual([id]);
    expect(again.services.accounts.data(id)).toEqual(data);
    expect(await again.services.syncing.sync(id)).not.toBeNull();
    expect(w.place.outside()).toEqual(w.before);
  });

  it('names an account with a plain id as it always has, so existing data files stay in use', async () => {
    const w = await world();
    const { id } = await added(w);
    expect(id).toBe(`mastodon-127-0-0-1-${port(w.server.url)}-${w.me.id}`);
  });

  it('rescues a data folder an earlier Twoway filled from such an instance, and keeps the other account as it was', async () => {
    const w = await world();
    const dir = w.place.dataDir;
    const good = `mastodon-mastodon-example-${w.me.id}`;
    const hostile = `mastodon-evil-example-/../../victim-target`;
    const connection = (accountId: string, instanceUrl: string) => ({ network: 'mastodon', instanceUrl, accountId });
    const accounts = [
      {
        id: good,
        network: 'mastodon',
        handle: '@me@mastodon.example',
        displayName: 'Me',
        connection: connection(w.me.id, w.server.url),
      },
      {
        id: hostile,
        network: 'mastodon',
        handle: '@me@evil.example',
        displayName: { html: '<b>' },
        connection: connection('/../../victim-target', 'https://evil.example'),
      },
    ];
    const person = (p: { id: string; username: string }) => ({
      id: p.id,
      handle: `@${p.username}@127.0.0.1`,
      displayName: '',
    });
    const data = {
      followers: w.fans
        .slice(0, 3)
        .map(person)
        .sort((a, b) => a.id.localeCompare(b.id)),
      following: [{ ...person(w.quiet[0]!), followedAt: start - 40 * 24 * HOUR, ref: null }],
      history: [{ at: start - 24 * HOUR, followers: 3, following: 1, mutuals: 0 }],
      events: [{ at: start - 24 * HOUR, type: 'gained-follower', person: person(w.fans[0]!) }],
      heads: { followers: [], following: [] },
      keep: [w.quiet[0]!.id],
      syncedAt: start - 24 * HOUR,
    };
    fs.writeFileSync(path.join(dir, 'accounts.json'), JSON.stringify({ schemaVersion: 2, data: accounts }));
    fs.writeFileSync(path.join(dir, `account-${good}.json`), JSON.stringify({ schemaVersion: 3, data }));

    const again = await restarted(w);
    expect(again.services.status().notices).toEqual([]);
    const list = again.services.accounts.list();
    expect(list.map((a) => a.id)).toEqual([good, expect.stringMatching(/^mastodon-evil-example-[a-z0-9]+$/)]);
    expect(list[1]).toMatchObject({ handle: '@me@evil.example', displayName: '' });
    expect(again.services.accounts.data(good)).toEqual(data);
    expect(w.place.outside()).toEqual(w.before);

    // The next sync writes the account's file, keep-list and history kept; the JSON file of before is gone.
    expect(await again.services.syncing.sync(good)).not.toBeNull();
    const synced = again.services.accounts.data(good);
    expect(synced).toMatchObject({ keep: [w.quiet[0]!.id], history: [data.history[0], { followers: 100 }] });
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('account-'))).toEqual([`account-${good}.bin`]);
    expect(w.place.outside()).toEqual(w.before);
  });
});

describe('next-page links to another host', { timeout: 30_000 }, () => {
  /** A server that records what it is sent: the token must never reach it. */
  async function attacker() {
    const other = await startMastodonServer();
    servers.push(other);
    return other;
  }

  it.each([['followers'], ['following']])('stops the sync at a %s link to another host', async (list) => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    const other = await attacker();
    w.server.state.follow(w.quiet[0]!.id, w.me.id);
    w.server.faults.push({ path: `/api/v1/accounts/${w.me.id}/${list}`, foreignNextLink: other.url });

    expect(await w.services.syncing.sync(id)).toBeNull();
    expect(balance().problem).toBe(
      `Mastodon sent a link to its next page on another server (127.0.0.1:${port(other.url)}); Twoway stopped there rather than follow it.${kept}`,
    );
    expect(other.state.requests).toEqual([]);
    expect(w.services.accounts.data(id)).toEqual(before);
    expect(w.place.outside()).toEqual(w.before);
  });

  it.each([
    ['the home timeline', () => '/api/v1/timelines/home'],
    ['the mentions', () => '/api/v1/notifications'],
    ['your own posts', (w: World) => `/api/v1/accounts/${w.me.id}/statuses`],
  ])('stops the catch-up at a link from %s to another host', async (_, where) => {
    const w = await world();
    const { id } = await added(w);
    const other = await attacker();
    for (let i = 0; i < 45; i++) {
      w.server.state.post(w.fans[i]!.id, `Hello @me, post ${i}`, { at: start - HOUR + i * MINUTE });
      w.server.state.post(w.me.id, `My post ${i}`, { at: start - HOUR + i * MINUTE });
    }
    w.server.faults.push({ path: where(w), foreignNextLink: other.url });

    await w.services.catchUp.refresh(id);
    expect(w.services.catchUp.summary().accounts[0]!.problem).toBe(
      `Mastodon sent a link to its next page on another server (127.0.0.1:${port(other.url)}); Twoway stopped there rather than follow it. The last briefing is kept.`,
    );
    expect(other.state.requests).toEqual([]);
  });
});

describe('replies of the wrong shape', { timeout: 30_000 }, () => {
  it('reads an object as a name as no name, leaves out entries without an id, says how many, and keeps it all across a restart', async () => {
    const w = await world();
    const { id, balance } = await added(w);
    w.services.accounts.setKeep(id, w.quiet[1]!.id, true);
    w.server.state.follow(w.quiet[0]!.id, w.me.id);
    const followers = `/api/v1/accounts/${w.me.id}/followers`;
    const following = `/api/v1/accounts/${w.me.id}/following`;
    w.server.faults.push(
      { path: followers, entryPatch: { display_name: { html: '<b>Fan</b>' } } },
      { path: following, entryPatch: { id: { evil: true } }, entry: 3 },
    );

    expect(await w.services.syncing.sync(id)).not.toBeNull();
    expect(balance()).toMatchObject({
      problem: null,
      leftOut: 'Mastodon sent 1 account Twoway could not read; it was left out.',
    });
    const data = w.services.accounts.data(id);
    expect(data.followers.find((p) => p.id === w.quiet[0]!.id)).toMatchObject({ displayName: '' });
    expect(data.following).toHaveLength(54);
    const search = await w.dispatch('listNotFollowingBack', { accountId: id, search: 'quiet', limit: 20 });
    expect(search).toMatchObject({ ok: true, value: { total: 3 } });

    const again = await restarted(w);
    expect(again.services.status().notices).toEqual([]);
    expect(again.services.accounts.data(id)).toEqual(data);
    expect(again.services.accounts.data(id).keep).toEqual([w.quiet[1]!.id]);
  });

  it('reads a number for an id as the same id in text', async () => {
    const w = await world();
    const { id } = await added(w);
    w.server.state.follow(w.quiet[0]!.id, w.me.id);
    w.server.faults.push({ path: `/api/v1/accounts/${w.me.id}/followers`, entryPatch: { id: 4242 } });
    expect(await w.services.syncing.sync(id)).not.toBeNull();
    expect(w.services.accounts.data(id).followers.find((p) => p.id === '4242')).toMatchObject({
      handle: expect.stringMatching(/^@quiet0@/),
    });
  });

  it.each([
    [
      'a followers page that is not a list',
      (w: World) => ({ path: `/api/v1/accounts/${w.me.id}/followers`, replaceWith: { accounts: 'all of them' } }),
      `Mastodon sent a followers page that is not a list.${kept}`,
    ],
    [
      'a profile whose counts are not numbers',
      (w: World) => ({ path: `/api/v1/accounts/${w.me.id}`, entryPatch: { followers_count: { many: true } } }),
      `Mastodon sent a profile Twoway cannot read (followers_count: expected number, received object).${kept}`,
    ],
  ])('fails the sync on %s and keeps the last data', async (_, fault, message) => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    w.server.state.follow(w.quiet[0]!.id, w.me.id);
    w.server.faults.push(fault(w));
    expect(await w.services.syncing.sync(id)).toBeNull();
    expect(balance().problem).toBe(message);
    expect(w.services.accounts.data(id)).toEqual(before);
    const again = await restarted(w);
    expect(again.services.status().notices).toEqual([]);
    expect(again.services.accounts.data(id)).toEqual(before);
  });

  it('adds an account whose own name is an object, with no name', async () => {
    const w = await world();
    w.server.faults.push({ path: '/api/v1/accounts/lookup', entryPatch: { display_name: ['not', 'a', 'name'] } });
    const { balance } = await added(w);
    expect(balance()).toMatchObject({
      problem: null,
      account: { handle: expect.stringMatching(/^@me@/), displayName: '' },
    });
  });

  it('leaves out of the briefing the posts it cannot read', async () => {
    const w = await world();
    const { id } = await added(w);
    for (let i = 0; i < 3; i++) w.server.state.post(w.fans[i]!.id, `Update ${i}`, { at: start - HOUR + i * MINUTE });
    w.server.faults.push({ path: '/api/v1/timelines/home', entryPatch: { account: 'nobody', created_at: 12 } });
    await w.services.catchUp.refresh(id);
    const briefing = w.services.catchUp.briefing(false);
    expect(briefing.accounts[0]!.problem).toBeNull();
    expect(briefing.people.flatMap((p) => p.posts.map((post) => post.text)).sort()).toEqual(['Update 0', 'Update 1']);
  });
});

describe('answers without end', { timeout: 60_000 }, () => {
  it('stops reading a 300 MB answer at 20 MB and keeps the last data', async () => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    w.server.state.follow(w.quiet[0]!.id, w.me.id);
    const followers = `/api/v1/accounts/${w.me.id}/followers`;
    w.server.faults.push({ path: followers, oversized: 300 * 1024 * 1024 });

    expect(await w.services.syncing.sync(id)).toBeNull();
    expect(balance().problem).toBe(
      `127.0.0.1:${port(w.server.url)} sent an answer over 20 MB; Twoway stopped reading it.${kept}`,
    );
    const sent = w.server.state.requests.find((r) => r.fault === 'oversized')!.bytesSent!;
    expect(sent).toBeLessThan(40 * 1024 * 1024);
    expect(w.server.state.requests.filter((r) => r.path === followers && r.fault === 'oversized')).toHaveLength(1);
    expect(w.services.accounts.data(id)).toEqual(before);
  });

  it('stops a scan that runs far past the profile’s count', async () => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    for (const fan of w.fans.slice(2)) w.server.state.unfollow(fan.id, w.me.id);
    const followers = `/api/v1/accounts/${w.me.id}/followers`;
    w.server.faults.push({ path: followers, endlessPages: true, times: 1000 });

    expect(await w.services.syncing.sync(id)).toBeNull();
    expect(balance().problem).toBe(
      `The server kept sending pages of followers far past the 2 its profile counts (12 pages); the sync stopped there.${kept}`,
    );
    expect(w.server.state.requests.filter((r) => r.path === followers && r.fault === 'endlessPages')).toHaveLength(12);
    expect(w.services.accounts.data(id)).toEqual(before);
  });
});
