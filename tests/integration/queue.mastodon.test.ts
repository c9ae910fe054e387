// The queue against a local server speaking Mastodon's documented API: the balance follows each write at once, and
// no write goes silent — a wait the server asks for shows, a write without an answer is checked before any new try,
// and a cancel during a write records what the server did.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countsDisagreement } from '../../src/shared/countCheck.ts';
import type { QueueItem } from '../../src/shared/people.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { queueBatches } from '../../src/main/core/desktop/trayView.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { memoryVault, type SecretVault } from '../../src/main/services/secrets.ts';
import { servicesAt } from '../support/services.ts';
import { seedFollowers } from '../support/seedFollowers.ts';
import { settled } from '../support/settled.ts';

type Server = Awaited<ReturnType<typeof startMastodonServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = Date.UTC(2026, 10, 25, 12);

/** "me" has 120 followers and follows 130: 100 of them back, and 30 quiet people who do not follow back. */
async function world(options: { warp?: boolean; requestTimeoutMs?: number; vault?: SecretVault } = {}) {
  const { warp = true, requestTimeoutMs, vault } = options;
  const s = servicesAt(start, { warp, requestTimeoutMs, vault });
  server = await startMastodonServer({ now: () => s.clock.now(), rateLimit: { limit: 1000, windowSeconds: 300 } });
  const me = server.state.addAccount({ username: 'me', displayName: 'Me' });
  const { fans, quiet } = seedFollowers(server.state, me, { followers: 120, followedBack: 100, quiet: 30 });
  server.state.addToken('secret-token-1', me.id);
  const reply = await s.dispatch('addAccount', {
    network: 'mastodon',
    instanceUrl: server.url,
    handle: '@me',
    token: 'secret-token-1',
  });
  expect(reply).toMatchObject({ ok: true });
  await settled(s.services);
  const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
  const balance = async () => {
    const balances = (await s.dispatch('listBalances', {})) as { ok: true; value: AccountBalance[] };
    return balances.value[0]!;
  };
  const item = () => s.services.queue.view().items[0]!;
  const requests = (method: string, path: string) =>
    server!.state.requests.filter((r) => r.method === method && r.path === path);
  return { ...s, me, fans, quiet, id, balance, item, requests };
}

/** Resolves once `condition` holds, checking as the app works; fails after 10 s of real time. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const unfollowPath = (id: string) => `/api/v1/accounts/${id}/unfollow`;

describe('the balance after the queue', () => {
  it('changes with every write, before any sync: counts, difference, who is left, the follower who came back', async () => {
    const w = await world();
    const before = (await w.balance()).history.at(-1)!;
    expect(before).toMatchObject({ followers: 120, following: 130, mutuals: 100 });
    const [a, b, c, back] = w.quiet;
    server!.state.follow(back!.id, w.me.id); // follows back after the sync, before the write
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [a!.id, b!.id, c!.id, back!.id] });
    await settled(w.services);

    const after = await w.balance();
    expect(after.history.at(-1)).toMatchObject({ followers: 121, following: 127, mutuals: 101, source: 'write' });
    expect(after.history.at(-1)!.followers - after.history.at(-1)!.following).toBe(-6);
    expect(after.syncedAt).toBe(before.at);
    expect(after.week.gained).toBe(1);
    const left = await w.dispatch('listNotFollowingBack', { accountId: w.id, filter: 'all', limit: 100 });
    expect(left).toMatchObject({ ok: true, value: { total: 26 } });
    const kept = w.services.queue.view().items.find((i) => i.person.id === back!.id)!;
    expect(kept).toMatchObject({ state: 'skipped', note: 'Followed you back meanwhile: kept.' });

    // The next sync counts again: its figures replace the estimate, and they agree.
    await w.services.syncing.sync(w.id, true);
    const synced = (await w.balance()).history.at(-1)!;
    expect(synced).toEqual({ at: w.clock.now(), followers: 121, following: 127, mutuals: 101, posts: 0 });
  });

  it('says when the next sync counts other follows than Twoway expected', async () => {
    const w = await world();
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [w.quiet[0]!.id] });
    await settled(w.services);
    server!.state.follow(w.me.id, w.fans[110]!.id); // followed in another app meanwhile
    await w.services.syncing.sync(w.id);
    expect(countsDisagreement((await w.balance()).history, 'mastodon', 'en-GB')).toBe(
      'Mastodon counts 130 following; Twoway expected 129.',
    );
  });
});

describe('a write without an answer', () => {
  it('is checked on the server before anything else: one that went through is done, never sent twice', async () => {
    const w = await world();
    const them = w.quiet[0]!;
    // The server makes the unfollow, then the connection drops before its answer is through.
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), resetConnection: true });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await settled(w.services);
    expect(w.item()).toMatchObject({
      state: 'done',
      note: 'Mastodon made the change; its answer was lost on the way.',
    });
    expect(w.requests('POST', unfollowPath(them.id))).toHaveLength(1);
    expect(server!.state.isFollowing(w.me.id, them.id)).toBe(false);
    expect((await w.balance()).history.at(-1)).toMatchObject({ following: 129 });
  });

  it('times out, is found not made, and is sent again after that check', async () => {
    const w = await world({ requestTimeoutMs: 400 });
    const them = w.quiet[1]!;
    // The first unfollow is held far past the time limit (the server never gets to it).
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), delayMs: 60_000 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await settled(w.services);
    expect(w.item()).toMatchObject({ state: 'done', note: null, waitingUntil: null });
    const forThem = server!.state.requests
      .filter((r) => r.path === unfollowPath(them.id) || r.path === '/api/v1/accounts/relationships')
      .map((r) => (r.method === 'POST' ? 'unfollow' : 'check'));
    expect(forThem).toEqual(['check', 'unfollow', 'check', 'unfollow']);
    expect(server!.state.isFollowing(w.me.id, them.id)).toBe(false);
  });

  it('fails after three tries the server never answered, saying nothing changed there', async () => {
    const w = await world({ requestTimeoutMs: 400 });
    const them = w.quiet[2]!;
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), delayMs: 60_000, times: 3 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await settled(w.services, 15_000);
    expect(w.item()).toMatchObject({
      state: 'failed',
      note: 'Mastodon did not answer within 400 ms. Checked after 3 tries: nothing changed.',
    });
    expect(w.requests('POST', unfollowPath(them.id))).toHaveLength(3);
    expect((await w.balance()).history.at(-1)).toMatchObject({ following: 130 });
  });
});

describe('a wait the server asks for', () => {
  it('shows on the item and in the tray until it is over, then the write goes', async () => {
    const w = await world({ warp: false });
    const them = w.quiet[3]!;
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), status: 429, resetInSeconds: 60 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await until(() => w.item().waitingUntil !== null, 'the wait shows');
    expect(w.item()).toMatchObject({
      state: 'working',
      waitingUntil: start + 60_000,
      note: 'Mastodon asked us to slow down',
    });
    expect(queueBatches(w.services.queue.view().items)).toEqual([
      { action: 'unfollow', done: 0, total: 1, waitingUntil: start + 60_000 },
    ]);
    w.timers.advance(60_000);
    await settled(w.services);
    expect(w.item()).toMatchObject({ state: 'done', waitingUntil: null, note: null });
  });

  it('longer than a request holds out: the item waits until then, and the queue says when and why', async () => {
    const w = await world({ warp: false });
    const them = w.quiet[4]!;
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), status: 429, resetInSeconds: 600 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await until(() => w.item().state === 'waiting' && w.item().waitingUntil !== null, 'the item waits');
    const view = w.services.queue.view();
    expect(view).toMatchObject({ nextAt: start + 600_000, nextBecause: 'Mastodon asked us to slow down' });
    w.timers.advance(600_000);
    await settled(w.services);
    expect(w.item()).toMatchObject({ state: 'done', waitingUntil: null });
  });

  it('can be cancelled: the item is cancelled, and the server was asked whether anything changed', async () => {
    const w = await world({ warp: false });
    const them = w.quiet[5]!;
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), status: 429, resetInSeconds: 60 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await until(() => w.item().waitingUntil !== null, 'the wait shows');
    const checks = w.requests('GET', '/api/v1/accounts/relationships').length;
    await w.dispatch('cancelQueued', { itemId: w.item().id });
    await settled(w.services);
    expect(w.item()).toMatchObject({ state: 'cancelled', note: 'Cancelled; Mastodon did not make the change.' });
    expect(w.requests('GET', '/api/v1/accounts/relationships')).toHaveLength(checks + 1);
    expect(server!.state.isFollowing(w.me.id, them.id)).toBe(true);
  });
});

describe('a cancel while the write is under way', () => {
  async function underWay() {
    const w = await world({ warp: false });
    const them = w.quiet[6]!;
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), delayMs: 60_000 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await until(() => w.requests('POST', unfollowPath(them.id)).length === 1, 'the unfollow reaches the server');
    expect(w.item().state).toBe('working');
    return { ...w, them };
  }
  const cancel = async (w: Awaited<ReturnType<typeof underWay>>) => {
    await w.dispatch('cancelQueued', { itemId: w.item().id });
    await settled(w.services);
    return w.item() as QueueItem;
  };

  it('stops the request; the server had not made the change, so the item is cancelled', async () => {
    const w = await underWay();
    expect(await cancel(w)).toMatchObject({ state: 'cancelled', note: 'Cancelled; Mastodon did not make the change.' });
    expect((await w.balance()).history.at(-1)).toMatchObject({ following: 130 });
  });

  it('records the truth when the server had made the change already: done, and the balance follows', async () => {
    const w = await underWay();
    server!.state.unfollow(w.me.id, w.them.id);
    expect(await cancel(w)).toMatchObject({
      state: 'done',
      note: 'Cancelled too late: Mastodon had made the change already.',
    });
    expect((await w.balance()).history.at(-1)).toMatchObject({ following: 129, source: 'write' });
    expect(w.item().undoUntil).not.toBeNull();
  });
});

describe('a write cut short by a quit', () => {
  async function quitDuringWrite(serverMadeIt: boolean) {
    const vault = memoryVault();
    const w = await world({ vault });
    const them = w.quiet[7]!;
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), delayMs: 60_000 });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [them.id] });
    await until(() => w.requests('POST', unfollowPath(them.id)).length === 1, 'the unfollow reaches the server');
    if (serverMadeIt) server!.state.unfollow(w.me.id, them.id);
    w.services.close();
    const again = servicesAt(w.clock.now(), { dataDir: w.dataDir, vault, warp: true, idPrefix: 'again' });
    await again.services.start();
    await settled(again.services);
    const item = again.services.queue.view().items[0]!;
    const following = again.services.accounts.balances()[0]!.history.at(-1)!.following;
    return { item, following, posts: w.requests('POST', unfollowPath(them.id)).length };
  }

  it('is checked first at the next start: made before the quit, it is done and counted, never sent again', async () => {
    expect(await quitDuringWrite(true)).toMatchObject({
      item: { state: 'done', note: 'Mastodon made the change before Twoway closed.' },
      following: 129,
      posts: 1,
    });
  });

  it('not made, it is sent once that check says so', async () => {
    expect(await quitDuringWrite(false)).toMatchObject({
      item: { state: 'done', note: null },
      following: 129,
      posts: 2,
    });
  });
});

describe('someone who became protected while their unfollow waited', () => {
  const clientOutcome = (person: string) => ({
    date: '2026-11-24',
    type: 'client' as const,
    channel: 'mastodon' as const,
    value: null,
    currency: null,
    person,
    note: '',
  });

  it('is kept: a client outcome logged mid-way stops the second of three, and the log says why', async () => {
    const w = await world();
    const [a, b, c] = w.quiet;
    w.services.events.listen((event) => {
      // The first unfollow is made; the user logs the second person as a client before that one's turn.
      const first = w.services.queue.view().items.find((i) => i.person.id === a!.id);
      const handle = w.services.queue.view().items.find((i) => i.person.id === b!.id)?.person.handle;
      if (event === 'queueChanged' && first?.state === 'done' && handle && w.services.outcomes.list().length === 0) {
        w.services.outcomes.add(clientOutcome(handle));
      }
    });
    await w.dispatch('enqueue', { accountId: w.id, action: 'unfollow', personIds: [a!.id, b!.id, c!.id] });
    await settled(w.services);

    const byPerson = (id: string) => w.services.queue.view().items.find((i) => i.person.id === id)!;
    expect(byPerson(a!.id)).toMatchObject({ state: 'done' });
    expect(byPerson(b!.id)).toMatchObject({
      state: 'skipped',
      note: `Kept @quiet1@${new URL(server!.url).host}: protected — client outcome on 24 Nov.`,
    });
    expect(byPerson(c!.id)).toMatchObject({ state: 'done' });
    expect(server!.state.isFollowing(w.me.id, b!.id)).toBe(true);
    expect(w.requests('POST', unfollowPath(b!.id))).toHaveLength(0);
    expect(server!.state.isFollowing(w.me.id, c!.id)).toBe(false);
  });

  /** A confirmed unfollow of a client, cut short by a quit; the next start runs it from the queue file. */
  async function confirmedThenRestarted(edit: (file: { data: { items: Record<string, unknown>[] } }) => void) {
    const vault = memoryVault();
    const w = await world({ vault });
    const them = w.quiet[3]!;
    const handle = w.services.accounts.data(w.id).following.find((p) => p.id === them.id)!.handle;
    w.services.outcomes.add(clientOutcome(handle));
    const asked = { accountId: w.id, action: 'unfollow', personIds: [them.id] };
    expect(await w.dispatch('enqueue', asked)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    server!.faults.push({ method: 'POST', path: unfollowPath(them.id), delayMs: 60_000 });
    expect(await w.dispatch('enqueue', { ...asked, includeProtected: true })).toMatchObject({ ok: true });
    expect(w.item()).toMatchObject({ unfollowAnyway: true });
    await until(() => w.requests('POST', unfollowPath(them.id)).length === 1, 'the unfollow reaches the server');
    w.services.close();
    const file = path.join(w.dataDir, 'action-queue.json');
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { data: { items: Record<string, unknown>[] } };
    edit(content);
    fs.writeFileSync(file, JSON.stringify(content));
    const again = servicesAt(w.clock.now(), { dataDir: w.dataDir, vault, warp: true, idPrefix: 'again' });
    await again.services.start();
    await settled(again.services);
    return { item: again.services.queue.view().items[0]!, following: server!.state.isFollowing(w.me.id, them.id) };
  }

  it('still goes when the user confirmed that very unfollow ("Unfollow anyway…"), also after a restart', async () => {
    const { item, following } = await confirmedThenRestarted(() => {});
    expect(item).toMatchObject({ state: 'done', unfollowAnyway: true });
    expect(following).toBe(false);
  });

  it('is kept when the unfollow comes from an older queue file, which stored no confirmation', async () => {
    const { item, following } = await confirmedThenRestarted((file) => {
      for (const entry of file.data.items) delete entry.unfollowAnyway;
    });
    expect(item).toMatchObject({
      state: 'skipped',
      note: expect.stringMatching(/^Kept @.+: protected — client outcome on 24 Nov\.$/),
    });
    expect(following).toBe(true);
  });
});
