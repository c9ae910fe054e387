import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { startXServer } from '../servers/x.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const start = Date.UTC(2026, 10, 25, 12);

describe('X through the paid API with the user’s token', () => {
  async function world() {
    const s = servicesAt(start, { warp: true });
    const server = await startXServer({ now: () => s.clock.now() });
    closers.push(server.close);
    const me = server.state.addAccount({ id: '1700000000000000001', username: 'alexmorgan_biz', name: 'Alex' });
    const fans = Array.from({ length: 2300 }, (_, i) => server.state.addAccount({ username: `fan${i}` }));
    fans.forEach((fan) => server.state.follow(fan.id, me.id));
    fans.slice(0, 1500).forEach((fan) => server.state.follow(me.id, fan.id));
    const quiet = server.state.addAccount({ username: 'quiet' });
    server.state.follow(me.id, quiet.id);
    server.state.addToken('x-user-token-1', me.id);
    return { ...s, server, me, quiet };
  }

  it('pages 1,000 at a time, keeps 19-digit ids as text, and queues unfollows for the user to do on X', async () => {
    const w = await world();
    const reply = await w.dispatch('addAccount', {
      network: 'x',
      handle: '@alexmorgan_biz',
      token: 'x-user-token-1',
      apiUrl: w.server.url,
    });
    expect(reply).toMatchObject({ ok: true, value: { account: { id: 'x-1700000000000000001' } } });
    await settled(w.services);
    const id = (reply as { ok: true; value: AccountBalance }).value.account.id;
    expect(w.services.accounts.balances()[0]!.history.at(-1)).toMatchObject({
      followers: 2300,
      following: 1501,
      mutuals: 1500,
    });
    expect(w.server.state.requests.filter((r) => r.path.endsWith('/followers'))).toHaveLength(3);

    await w.dispatch('enqueue', { accountId: id, action: 'unfollow', personIds: [w.quiet.id] });
    const [item] = w.services.queue.view().items;
    expect(item).toMatchObject({ state: 'needs-you', person: { handle: '@quiet' } });
    await w.dispatch('markQueuedDone', { itemId: item!.id });
    expect(w.services.accounts.data(id).following.some((f) => f.id === w.quiet.id)).toBe(false);
  });

  it('refuses a token that belongs to someone else', async () => {
    const w = await world();
    const reply = await w.dispatch('addAccount', {
      network: 'x',
      handle: '@someone_else',
      token: 'x-user-token-1',
      apiUrl: w.server.url,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { fields: { token: 'This token belongs to @alexmorgan_biz, not @someone_else.' } },
    });
  });
});

describe('automatic syncs', () => {
  it('sync each account again after the chosen number of hours, and never a sample account', async () => {
    const s = servicesAt(start);
    const server = await startMastodonServer({ now: () => s.clock.now() });
    closers.push(server.close);
    const me = server.state.addAccount({ username: 'me' });
    server.state.follow(server.state.addAccount({ username: 'fan' }).id, me.id);
    s.services.settings.update({ syncEveryHours: 6 });
    await s.dispatch('addAccount', { network: 'mastodon', instanceUrl: server.url, handle: '@me' });
    await settled(s.services);
    const syncs = () => s.services.accounts.balances()[0]!.history.length;
    expect(syncs()).toBe(1);
    s.timers.advance(6 * HOUR - MINUTE);
    await settled(s.services);
    expect(syncs()).toBe(1);
    s.timers.advance(MINUTE);
    await settled(s.services);
    expect(syncs()).toBe(2);
  });
});
