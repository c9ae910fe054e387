// The real Bluesky reference server (PLC + PDS + AppView from @atproto/dev-env) behind a lying proxy: replies of
// the wrong shape, answers without end. After each the account says what happened, the last good data is kept,
// nothing outside the data folder changed, and the next start reads every file.
import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/shared/calendar.ts';
import { memoryVault } from '../../src/main/services/secrets.ts';
import type { Fault } from '../servers/faults.ts';
import { addBlueskyAccount, followersBehindFaultProxies } from '../support/blueskyServer.ts';
import type { FaultProxy } from '../support/faultProxy.ts';
import { dataDirAmongOthers } from '../support/outside.ts';
import { servicesAt } from '../support/services.ts';

const now = Date.now();
const { server, appview, pds, plc, gainFollower } = followersBehindFaultProxies(now);

async function synced() {
  const place = dataDirAmongOthers();
  const vault = memoryVault();
  const s = await addBlueskyAccount(server, {
    handle: 'consultant.test',
    at: now,
    addresses: { appviewUrl: appview.url, plcUrl: plc.url },
    services: { dataDir: place.dataDir, vault },
  });
  s.services.settings.update({ syncEveryHours: 0 });
  const { id } = s;
  const balance = () => s.services.accounts.balances().find((b) => b.account.id === id)!;
  expect(balance().problem).toBeNull();
  const restarted = async () => {
    s.services.close();
    const again = servicesAt(now + HOUR, { dataDir: place.dataDir, vault, warp: true });
    await again.services.start();
    return again;
  };
  return { ...s, balance, place, before: place.outside(), restarted };
}

const getProfile = '/xrpc/app.bsky.actor.getProfile';
const getFollowers = '/xrpc/app.bsky.graph.getFollowers';
const listRecords = '/xrpc/com.atproto.repo.listRecords';
const kept = ' The last data is kept.';

describe('a lying proxy in front of the Bluesky reference server', { timeout: 60_000 }, () => {
  it('reads an object as a name as no name, leaves out entries it cannot read, says how many, keeps it all across a restart', async () => {
    const w = await synced();
    const newcomer = await gainFollower();
    appview.faults.push(
      { path: getFollowers, entryPatch: { displayName: { html: '<b>New</b>' } } },
      { path: getFollowers, entryPatch: { did: 'not a DID' } },
    );
    pds.faults.push({ path: listRecords, entryPatch: { value: { subject: 42 } }, entry: 2 });

    expect(await w.services.syncing.sync(w.id)).not.toBeNull();
    expect(w.balance()).toMatchObject({
      problem: null,
      leftOut: 'Bluesky sent 2 accounts Twoway could not read; they were left out.',
    });
    const data = w.services.accounts.data(w.id);
    expect(data.followers.find((p) => p.handle === newcomer)).toMatchObject({ displayName: '' });
    expect(data.followers).toHaveLength(150);
    expect(data.following).toHaveLength(19);

    const again = await w.restarted();
    expect(again.services.status().notices).toEqual([]);
    expect(again.services.accounts.data(w.id)).toEqual(data);
    expect(w.place.outside()).toEqual(w.before);
  });

  it.each<[string, () => FaultProxy, Fault, string]>([
    [
      'a followers page that is not a page',
      () => appview,
      { path: getFollowers, replaceWith: { followers: 'everyone' } },
      `Bluesky sent a followers page Twoway cannot read (followers: expected array, received string).${kept}`,
    ],
    [
      'a profile whose counts are not numbers',
      () => appview,
      { path: getProfile, entryPatch: { followersCount: 'many' } },
      `Bluesky sent a profile Twoway cannot read (followersCount: expected number, received string).${kept}`,
    ],
    [
      'a 300 MB answer (reading stops at 20 MB)',
      () => appview,
      { path: getFollowers, oversized: 300 * 1024 * 1024 },
      `127.0.0.1:${'PORT'} sent an answer over 20 MB; Twoway stopped reading it.${kept}`,
    ],
    [
      'pages without end (reading stops far past the profile’s count)',
      () => appview,
      { path: getFollowers, endlessPages: true, times: 1000 },
      `The server kept sending pages of followers far past the COUNT its profile counts (14 pages); the sync stopped there.${kept}`,
    ],
  ])('after %s the sync fails, saying why, and keeps the last data', async (_, proxy, fault, message) => {
    const w = await synced();
    const before = w.services.accounts.data(w.id);
    await gainFollower();
    proxy().faults.push(fault);

    expect(await w.services.syncing.sync(w.id)).toBeNull();
    const count = String(before.history.at(-1)!.followers + 1);
    expect(w.balance().problem).toBe(message.replace('PORT', new URL(proxy().url).port).replace('COUNT', count));
    expect(w.services.accounts.data(w.id)).toEqual(before);
    if ('oversized' in fault) {
      expect(proxy().requests.find((r) => r.fault === 'oversized')!.bytesSent).toBeLessThan(40 * 1024 * 1024);
    }
    if ('endlessPages' in fault) {
      expect(proxy().requests.filter((r) => r.path === getFollowers && r.fault === 'endlessPages')).toHaveLength(14);
    }

    const again = await w.restarted();
    expect(again.services.status().notices).toEqual([]);
    expect(again.services.accounts.data(w.id)).toEqual(before);
    expect(w.place.outside()).toEqual(w.before);
  });
});
