// A hostile X API, from the local server's hostile modes: an account id that is a path, replies of the wrong
// shape, answers without end. After each the account says what happened, nothing outside the data folder
// changed, and nothing reached the disk that the next start could not read.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/shared/calendar.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { memoryVault } from '../../src/main/services/secrets.ts';
import { startXServer, type XServer } from '../servers/x.ts';
import { dataDirAmongOthers } from '../support/outside.ts';
import { servicesAt } from '../support/services.ts';
import { seedFollowers } from '../support/seedFollowers.ts';
import { settled } from '../support/settled.ts';

let server: XServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 12);
const token = 'x-user-token-1';
const kept = ' The last data is kept.';

/** The user has 1,200 followers (two pages of up to 1,000) and follows 300 of them. */
async function world() {
  const place = dataDirAmongOthers();
  const vault = memoryVault();
  const s = servicesAt(start, { dataDir: place.dataDir, vault, warp: true });
  server = await startXServer({ now: () => s.clock.now(), rateLimit: { limit: 10_000, windowSeconds: 900 } });
  const me = server.state.addAccount({ id: '1700000000000000001', username: 'alexmorgan_biz' });
  const { fans } = seedFollowers(server.state, me, { followers: 1200, followedBack: 300 });
  server.state.addToken(token, me.id);
  const add = () => s.dispatch('addAccount', { network: 'x', handle: '@alexmorgan_biz', token, apiUrl: server!.url });
  return { ...s, place, vault, me, fans, add, before: place.outside() };
}
type World = Awaited<ReturnType<typeof world>>;

async function added(w: World) {
  const reply = await w.add();
  expect(reply).toMatchObject({ ok: true });
  await settled(w.services);
  w.services.settings.update({ syncEveryHours: 0 });
  const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
  const balance = () => w.services.accounts.balances().find((b) => b.account.id === id)!;
  expect(balance()).toMatchObject({ problem: null, history: [{ followers: 1200, following: 300 }] });
  return { id, balance };
}

async function restarted(w: World) {
  w.services.close();
  const again = servicesAt(w.clock.now() + HOUR, { dataDir: w.place.dataDir, vault: w.vault, warp: true });
  await again.services.start();
  return again;
}

describe('a hostile X API', { timeout: 30_000 }, () => {
  it('refuses an account whose id is a path, and writes nothing anywhere', async () => {
    const w = await world();
    server!.faults.push({ path: '/2/users/me', entryPatch: { id: '/../../victim-target' } });
    expect(await w.add()).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message:
          'The account could not be added: X sent an account Twoway cannot read (data.id: expected an X id, a number).',
      },
    });
    expect(w.services.accounts.list()).toEqual([]);
    expect(fs.readdirSync(w.place.dataDir).filter((name) => name.startsWith('account'))).toEqual([]);
    expect(w.place.outside()).toEqual(w.before);
  });

  it('reads an object as a name as no name, leaves out a follower whose id is not an X id, and says so', async () => {
    const w = await world();
    const { id, balance } = await added(w);
    const newcomer = server!.state.addAccount({ username: 'newcomer' });
    server!.state.follow(newcomer.id, w.me.id);
    const followers = `/2/users/${w.me.id}/followers`;
    server!.faults.push(
      { path: followers, entryPatch: { name: { first: 'New' } } },
      { path: followers, entryPatch: { id: '../../etc' }, entry: 5 },
    );

    expect(await w.services.syncing.sync(id)).not.toBeNull();
    expect(balance()).toMatchObject({
      problem: null,
      leftOut: 'X sent 1 account Twoway could not read; it was left out.',
    });
    const data = w.services.accounts.data(id);
    expect(data.followers.find((p) => p.id === newcomer.id)).toMatchObject({ handle: '@newcomer', displayName: '' });
    expect(data.followers).toHaveLength(1200);

    const again = await restarted(w);
    expect(again.services.status().notices).toEqual([]);
    expect(again.services.accounts.data(id)).toEqual(data);
    expect(w.place.outside()).toEqual(w.before);
  });

  it.each([
    [
      'a followers page whose list is not a list',
      (w: World) => ({ path: `/2/users/${w.me.id}/followers`, replaceWith: { data: 'everyone', meta: {} } }),
      `X sent a followers page Twoway cannot read (data: expected array, received string).${kept}`,
    ],
    [
      'a profile without its counts',
      (w: World) => ({ path: `/2/users/${w.me.id}`, entryPatch: { public_metrics: 'lots' } }),
      `X sent a profile Twoway cannot read (data.public_metrics: expected object, received string).${kept}`,
    ],
  ])('fails the sync on %s and keeps the last data', async (_, fault, message) => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    server!.faults.push(fault(w));
    expect(await w.services.syncing.sync(id, true)).toBeNull();
    expect(balance().problem).toBe(message);
    expect(w.services.accounts.data(id)).toEqual(before);
  });

  it('stops reading a 300 MB answer at 20 MB', async () => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    server!.faults.push({ path: `/2/users/${w.me.id}/followers`, oversized: 300 * 1024 * 1024 });
    expect(await w.services.syncing.sync(id, true)).toBeNull();
    expect(balance().problem).toBe(
      `127.0.0.1:${new URL(server!.url).port} sent an answer over 20 MB; Twoway stopped reading it.${kept}`,
    );
    expect(server!.state.requests.find((r) => r.fault === 'oversized')!.bytesSent).toBeLessThan(40 * 1024 * 1024);
    expect(w.services.accounts.data(id)).toEqual(before);
  });

  it('stops a scan that runs far past the profile’s count', async () => {
    const w = await world();
    const { id, balance } = await added(w);
    const before = w.services.accounts.data(id);
    const followers = `/2/users/${w.me.id}/followers`;
    server!.faults.push({ path: followers, endlessPages: true, times: 1000 });
    expect(await w.services.syncing.sync(id, true)).toBeNull();
    // 1,200 followers in pages of 1,000 need 2 pages: the scan gives up after 2 × 2 + 10.
    expect(balance().problem).toBe(
      `The server kept sending pages of followers far past the 1200 its profile counts (14 pages); the sync stopped there.${kept}`,
    );
    expect(server!.state.requests.filter((r) => r.path === followers && r.fault === 'endlessPages')).toHaveLength(14);
    expect(w.services.accounts.data(id)).toEqual(before);
  });
});
