// Faults on the wire between Twoway and the X API, injected by the local server: after each the known accounts
// and their lists are intact, the account says what went wrong, and the next sync recovers.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountBalance } from '../../src/shared/types.ts';
import type { Fault } from '../servers/faults.ts';
import { startXServer } from '../servers/x.ts';
import { servicesAt } from '../support/services.ts';
import { seedFollowers } from '../support/seedFollowers.ts';
import { settled } from '../support/settled.ts';
import { syncFaultCases } from '../support/syncFaults.ts';

type Server = Awaited<ReturnType<typeof startXServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 12);

/** The user has 1,500 followers (two pages of up to 1,000) and follows 300, 100 of whom do not follow back. */
async function synced() {
  const s = servicesAt(start, { warp: true, requestTimeoutMs: 300 });
  server = await startXServer({ now: () => s.clock.now(), rateLimit: { limit: 10_000, windowSeconds: 900 } });
  const me = server.state.addAccount({ id: '1700000000000000001', username: 'alexmorgan_biz' });
  const { fans, quiet } = seedFollowers(server.state, me, { followers: 1500, followedBack: 200, quiet: 100 });
  server.state.addToken('x-user-token-1', me.id);
  const reply = await s.dispatch('addAccount', {
    network: 'x',
    handle: '@alexmorgan_biz',
    token: 'x-user-token-1',
    apiUrl: server.url,
  });
  await settled(s.services);
  const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
  const balance = () => s.services.accounts.balances().find((b) => b.account.id === id)!;
  expect(balance()).toMatchObject({ problem: null, history: [{ followers: 1500, following: 300 }] });
  s.services.settings.update({ syncEveryHours: 0 });
  return { ...s, id, me, fans, quiet, balance, followers: `/2/users/${me.id}/followers` };
}
type World = Awaited<ReturnType<typeof synced>>;

const kept = 'The last data is kept\\.';
const failures: [string, (w: World) => Fault, RegExp][] = [
  [
    'a 429 whose reset is 15 minutes away',
    (w) => ({ path: w.followers, status: 429, resetInSeconds: 900 }),
    /^X is limiting requests until \d\d:\d\d; the last data is kept\.$/,
  ],
  [
    'a 503 on every attempt',
    (w) => ({ path: w.followers, status: 503, times: 10 }),
    /^X kept answering with errors \(HTTP 503\); the last data is kept\.$/,
  ],
  [
    'a 504 page from the proxy on every attempt',
    (w) => ({ path: w.followers, status: 504, times: 10 }),
    /^X kept answering with errors \(HTTP 504\); the last data is kept\.$/,
  ],
  [
    'no answer in time',
    (w) => ({ path: w.followers, delayMs: 3000, times: 10 }),
    /^X could not be reached; the last data is kept\.$/,
  ],
  [
    'a connection reset mid-page',
    (w) => ({ path: w.followers, resetConnection: true, times: 10 }),
    /^X could not be reached; the last data is kept\.$/,
  ],
  [
    'malformed JSON on the second page',
    (w) => ({ path: w.followers, malformedJson: true, after: 1 }),
    new RegExp(`^X answered with something that is not JSON \\(HTTP 200\\)\\. ${kept}$`),
  ],
  [
    'a truncated second page',
    (w) => ({ path: w.followers, truncatedPage: true, after: 1 }),
    new RegExp(`^X sent a followers page with accounts missing; the sync stopped rather than drop them\\. ${kept}$`),
  ],
  [
    'a cursor that repeats',
    (w) => ({ path: w.followers, repeatCursor: true, after: 1 }),
    new RegExp(`^The server repeated a page; the sync stopped rather than loop\\. ${kept}$`),
  ],
];

describe('X API faults', { timeout: 20_000 }, () => {
  syncFaultCases({
    synced,
    server: () => server!,
    followersAfterOneMore: 1501,
    failures,
    riddenOut: [
      [
        'a 429 that resets in 30 seconds',
        (w: World): Fault => ({ path: w.followers, status: 429, resetInSeconds: 30 }),
      ],
      ['a 500 once', (w: World): Fault => ({ path: w.followers, status: 500 })],
      ['one dropped connection', (w: World): Fault => ({ path: w.followers, resetConnection: true })],
    ],
  });

  it('loses only the follower whose account is deleted mid-sync', async () => {
    const w = await synced();
    const gone = w.fans[100]!; // not followed by the user, on the second page: read after the deletion
    server!.state.follow(w.quiet[5]!.id, w.me.id);
    server!.faults.push({ path: w.followers, after: 1, run: () => server!.state.deleteAccount(gone.id) });
    expect(await w.services.syncing.sync(w.id)).not.toBeNull();
    const data = w.services.accounts.data(w.id);
    expect(data.followers).toHaveLength(1500);
    expect(data.events.map((e) => `${e.type}:${e.person.handle}`)).toEqual([
      'gained-follower:@quiet5',
      'lost-follower:@fan100',
    ]);
  });

  it('keeps everything when the user’s own account is deleted mid-sync, and says so on every later sync', async () => {
    const w = await synced();
    const before = w.services.accounts.data(w.id);
    server!.faults.push({ path: w.followers, after: 1, run: () => server!.state.deleteAccount(w.me.id) });
    const message =
      /^X refused this account’s token: it was revoked, or the account was deleted; add the account again with a new token\. The last data is kept\.$/;
    for (const full of [true, false]) {
      expect(await w.services.syncing.sync(w.id, full)).toBeNull();
      expect(w.balance().problem).toMatch(message);
      expect(w.services.accounts.data(w.id)).toEqual(before);
    }
  });
});
