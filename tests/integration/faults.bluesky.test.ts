// Faults between Twoway and the real Bluesky reference server (PLC + PDS + AppView from @atproto/dev-env),
// injected by a fault proxy in front of the AppView and the PDS: after each the known accounts and their lists
// are intact, the account says what went wrong, and the next sync recovers.
import { describe, expect, it } from 'vitest';
import type { Fault } from '../servers/faults.ts';
import { addBlueskyAccount, followersBehindFaultProxies } from '../support/blueskyServer.ts';
import type { FaultProxy } from '../support/faultProxy.ts';

const { server, appview, pds, plc, gainFollower } = followersBehindFaultProxies(Date.now());

async function synced(handle = 'consultant.test') {
  // The app's clock starts at the real time: the proxy dates its rate-limit resets by it.
  const s = await addBlueskyAccount(server, {
    handle,
    addresses: { appviewUrl: appview.url, plcUrl: plc.url },
    services: { requestTimeoutMs: 1000 },
  });
  s.services.settings.update({ syncEveryHours: 0 });
  const { id } = s;
  const balance = () => s.services.accounts.balances().find((b) => b.account.id === id)!;
  expect(balance().problem).toBeNull();
  return { ...s, balance };
}

const getFollowers = '/xrpc/app.bsky.graph.getFollowers';
const listRecords = '/xrpc/com.atproto.repo.listRecords';
const kept = 'The last data is kept\\.';
const cases: [string, () => FaultProxy, Fault, RegExp][] = [
  [
    'a 429 whose reset is 10 minutes away',
    () => appview,
    { path: getFollowers, status: 429, resetInSeconds: 600 },
    /^Bluesky is limiting requests until \d\d:\d\d; the last data is kept\.$/,
  ],
  [
    'a 500 from the PDS on every attempt',
    () => pds,
    { path: listRecords, status: 500, times: 10 },
    /^Bluesky kept answering with errors \(HTTP 500\); the last data is kept\.$/,
  ],
  [
    'a 502 page from the proxy on every attempt',
    () => appview,
    { path: getFollowers, status: 502, times: 10 },
    /^Bluesky kept answering with errors \(HTTP 502\); the last data is kept\.$/,
  ],
  [
    'no answer in time',
    () => appview,
    { path: getFollowers, delayMs: 4000, times: 10 },
    /^Bluesky could not be reached; the last data is kept\.$/,
  ],
  [
    'a connection reset mid-page',
    () => appview,
    { path: getFollowers, resetConnection: true, times: 10 },
    /^Bluesky could not be reached; the last data is kept\.$/,
  ],
  [
    'malformed JSON on the second page',
    () => appview,
    { path: getFollowers, malformedJson: true, after: 1 },
    new RegExp(`^Bluesky sent an answer that is not JSON \\(app\\.bsky\\.graph\\.getFollowers\\)\\. ${kept}$`),
  ],
  [
    'a cursor that repeats',
    () => appview,
    { path: getFollowers, repeatCursor: true, after: 1 },
    new RegExp(`^The server repeated a page; the sync stopped rather than loop\\. ${kept}$`),
  ],
];

describe('Bluesky faults, through a proxy in front of the reference server', { timeout: 30_000 }, () => {
  it.each(cases)(
    'after %s: lists intact, the reason shown, the next sync recovers',
    async (_, proxy, fault, message) => {
      const w = await synced();
      const before = w.services.accounts.data(w.id);
      await gainFollower();
      proxy().faults.push(fault);

      expect(await w.services.syncing.sync(w.id)).toBeNull();
      expect(w.balance().problem).toMatch(message);
      expect(w.services.accounts.list()).toHaveLength(1);
      expect(w.services.accounts.data(w.id)).toEqual(before);

      proxy().faults.clear();
      expect(await w.services.syncing.sync(w.id)).not.toBeNull();
      expect(w.balance().problem).toBeNull();
      expect(w.services.accounts.data(w.id).followers).toHaveLength(before.followers.length + 1);
    },
  );

  it.each([
    ['a 429 that resets in 20 seconds', { path: getFollowers, status: 429, resetInSeconds: 20 } as Fault],
    ['a 503 once', { path: getFollowers, status: 503 } as Fault],
    ['one dropped connection', { path: getFollowers, resetConnection: true } as Fault],
  ])('rides out %s within the same sync', async (_, fault) => {
    const w = await synced();
    const before = w.services.accounts.data(w.id);
    await gainFollower();
    appview.faults.push(fault);
    expect(await w.services.syncing.sync(w.id)).not.toBeNull();
    expect(w.balance().problem).toBeNull();
    expect(w.services.accounts.data(w.id).followers).toHaveLength(before.followers.length + 1);
    expect(appview.faults.pending).toEqual([]);
  });

  it('keeps everything when the user’s own account is deleted mid-sync, and says so on every later sync', async () => {
    const leaving = await server.createAccount('leaving.test', 'leaving-pass');
    for (const fan of ['fan0001.test', 'fan0002.test', 'fan0003.test']) await server.follow(fan, leaving.did);
    await server.follow('leaving.test', 'fan0004.test');
    await server.processAll();
    const w = await synced('leaving.test');
    const before = w.services.accounts.data(w.id);
    expect(before.followers).toHaveLength(3);
    pds.faults.push({
      path: listRecords,
      run: async () => {
        await server.deleteAccount('leaving.test');
        await server.processAll();
      },
    });
    const message = new RegExp(`^Bluesky no longer has this account: it was deleted or taken down\\. ${kept}$`);
    for (const full of [true, false]) {
      expect(await w.services.syncing.sync(w.id, full)).toBeNull();
      expect(w.balance().problem).toMatch(message);
      expect(w.services.accounts.data(w.id)).toEqual(before);
    }
  });
});
