// Faults on the wire between Twoway and a Mastodon instance, injected by the local server: after each the
// known accounts and their lists are intact, the account says what went wrong, and the next sync recovers.
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountBalance } from '../../src/shared/types.ts';
import type { Fault } from '../servers/faults.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from '../support/services.ts';
import { seedFollowers } from '../support/seedFollowers.ts';
import { settled } from '../support/settled.ts';
import { syncFaultCases } from '../support/syncFaults.ts';

type Server = Awaited<ReturnType<typeof startMastodonServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 12);

/** "me" has 250 followers and follows 130, 30 of whom do not follow back; synced once, all well. */
async function synced(withToken = true) {
  const s = servicesAt(start, { warp: true, requestTimeoutMs: 300 });
  server = await startMastodonServer({ now: () => s.clock.now(), rateLimit: { limit: 10_000, windowSeconds: 300 } });
  const me = server.state.addAccount({ username: 'me' });
  const { fans, quiet } = seedFollowers(server.state, me, { followers: 250, followedBack: 100, quiet: 30 });
  server.state.addToken('secret-token-1', me.id);
  const reply = await s.dispatch('addAccount', {
    network: 'mastodon',
    instanceUrl: server.url,
    handle: '@me',
    ...(withToken && { token: 'secret-token-1' }),
  });
  await settled(s.services);
  const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
  const balance = () => s.services.accounts.balances().find((b) => b.account.id === id)!;
  expect(balance()).toMatchObject({ problem: null, history: [{ followers: 250, following: 130 }] });
  return { ...s, id, me, fans, quiet, balance, followers: `/api/v1/accounts/${me.id}/followers` };
}
type World = Awaited<ReturnType<typeof synced>>;

const kept = 'The last data is kept\\.';
const failures: [string, (w: World) => Fault, RegExp][] = [
  [
    'a 429 whose reset is 10 minutes away',
    (w) => ({ path: w.followers, status: 429, resetInSeconds: 600 }),
    /^Mastodon is limiting requests until \d\d:\d\d; the last data is kept\.$/,
  ],
  [
    'a 500 on every attempt',
    (w) => ({ path: w.followers, status: 500, times: 10 }),
    /^Mastodon kept answering with errors \(HTTP 500\); the last data is kept\.$/,
  ],
  [
    'a 502 page from the proxy on every attempt',
    (w) => ({ path: w.followers, status: 502, times: 10 }),
    /^Mastodon kept answering with errors \(HTTP 502\); the last data is kept\.$/,
  ],
  [
    'no answer in time',
    (w) => ({ path: w.followers, delayMs: 3000, times: 10 }),
    /^Mastodon could not be reached; the last data is kept\.$/,
  ],
  [
    'a connection reset mid-page',
    (w) => ({ path: w.followers, resetConnection: true, times: 10 }),
    /^Mastodon could not be reached; the last data is kept\.$/,
  ],
  [
    'a connection closed before any answer',
    (w) => ({ path: w.followers, resetConnection: true, beforeHandler: true, times: 10 }),
    /^Mastodon could not be reached; the last data is kept\.$/,
  ],
  [
    'malformed JSON on the second page',
    (w) => ({ path: w.followers, malformedJson: true, after: 1 }),
    new RegExp(
      `^Mastodon answered /api/v1/accounts/\\d+/followers with something that is not JSON \\(HTTP 200\\)\\. ${kept}$`,
    ),
  ],
  [
    'a truncated second page',
    (w) => ({ path: w.followers, truncatedPage: true, after: 1 }),
    new RegExp(
      `^Mastodon sent a followers page with accounts missing; the sync stopped rather than drop them\\. ${kept}$`,
    ),
  ],
  [
    'a cursor that repeats',
    (w) => ({ path: w.followers, repeatCursor: true, after: 1 }),
    new RegExp(`^The server repeated a page; the sync stopped rather than loop\\. ${kept}$`),
  ],
];

describe('Mastodon faults', { timeout: 20_000 }, () => {
  syncFaultCases({
    synced,
    server: () => server!,
    followersAfterOneMore: 251,
    failures,
    riddenOut: [
      [
        'a 429 that resets in 40 seconds',
        (w: World): Fault => ({ path: w.followers, status: 429, resetInSeconds: 40 }),
      ],
      ['a 503 once', (w: World): Fault => ({ path: w.followers, status: 503 })],
      ['one dropped connection', (w: World): Fault => ({ path: w.followers, resetConnection: true })],
    ],
  });

  it('loses only the follower whose account is deleted mid-sync', async () => {
    const w = await synced();
    const gone = w.fans[150]!; // a follower the user does not follow, on the second page: read after the deletion
    server!.state.follow(w.quiet[5]!.id, w.me.id);
    server!.faults.push({ path: w.followers, after: 1, run: () => server!.state.deleteAccount(gone.id) });
    expect(await w.services.syncing.sync(w.id)).not.toBeNull();
    const data = w.services.accounts.data(w.id);
    expect(data.followers).toHaveLength(250);
    expect(data.events.map((e) => `${e.type}:${e.person.handle.split('@')[1]}`)).toEqual([
      'gained-follower:quiet5',
      'lost-follower:fan150',
    ]);
  });

  it.each([
    [
      'with a token',
      /^Mastodon refused this account’s access token: it was revoked, or the account was deleted; add the account again with a new token\. The last data is kept\.$/,
    ],
    ['without a token', /^Mastodon no longer has this account: it was deleted or moved\. The last data is kept\.$/],
  ])(
    'keeps everything when the user’s own account, added %s, is deleted mid-sync, and says so on every later sync',
    async (how, message) => {
      const w = await synced(how === 'with a token');
      const before = w.services.accounts.data(w.id);
      server!.faults.push({ path: w.followers, after: 1, run: () => server!.state.deleteAccount(w.me.id) });
      expect(await w.services.syncing.sync(w.id, true)).toBeNull();
      expect(w.balance().problem).toMatch(message);
      expect(w.services.accounts.data(w.id)).toEqual(before);
      expect(await w.services.syncing.sync(w.id)).toBeNull();
      expect(w.balance().problem).toMatch(message);
      expect(w.services.accounts.data(w.id)).toEqual(before);
    },
  );
});
