// The ties between services that app.ts makes, through the real services on temp files with a clock the test
// moves: the timer and Settings reach the reminders, a welcome-back reminder reaches the catch-up, and nothing
// of it depends on a window listening.
import { afterEach, describe, expect, it } from 'vitest';
import type { CatchUpSummary } from '../../src/shared/catchUp.ts';
import { HOUR } from '../../src/shared/calendar.ts';
import { startMastodonServer, type MastodonServer } from '../servers/mastodon.ts';
import { servicesAt } from '../support/services.ts';

let server: MastodonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// A Monday, so no nudge about the week's offline time comes first.
const morning = new Date(2026, 10, 23, 9, 0).getTime();
const lateEvening = new Date(2026, 10, 23, 23, 0).getTime();

describe('how the services hear each other', () => {
  it('a session started online raises the welcome-back reminder at once, and its stop closes it', async () => {
    const { dispatch, services } = servicesAt(morning);
    expect(services.reminders.current()).toBeNull();
    await dispatch('startSession', { kind: 'online' });
    expect(services.reminders.current()).toMatchObject({ cause: 'back-online', route: { view: 'catch-up' } });
    await dispatch('stopSession', undefined);
    expect(services.reminders.current()).toBeNull();
  });

  it('quiet hours lifted in Settings show at once the reminder they held', async () => {
    const { dispatch, services } = servicesAt(lateEvening);
    await dispatch('startSession', { kind: 'online' });
    expect(services.reminders.current()).toBeNull();
    expect(services.reminders.held()).toMatchObject({ cause: 'back-online' });
    await dispatch('updateSettings', { quietHours: null });
    expect(services.reminders.current()).toMatchObject({ cause: 'back-online' });
  });

  it('the welcome-back reminder has the catch-up read the briefing, with no window open', async () => {
    const w = servicesAt(morning, { warp: true });
    server = await startMastodonServer({ now: () => w.clock.now() });
    const me = server.state.addAccount({ username: 'me' });
    const fan = server.state.addAccount({ username: 'fan' });
    server.state.follow(fan.id, me.id, { at: morning - 30 * 24 * HOUR });
    server.state.follow(me.id, fan.id, { at: morning - 20 * 24 * HOUR });
    server.state.post(fan.id, 'News from a follower', { at: morning - HOUR });
    server.state.addToken('token-of-me', me.id);
    const synced = new Promise<void>((resolve) => {
      const stop = w.services.accounts.onChange((balances) => {
        if (balances[0]?.syncedAt == null) return;
        stop();
        resolve();
      });
    });
    const added = await w.dispatch('addAccount', {
      network: 'mastodon',
      instanceUrl: server.url,
      handle: '@me',
      token: 'token-of-me',
    });
    expect(added).toMatchObject({ ok: true });
    await synced;
    expect(w.services.catchUp.summary()).toMatchObject({ unread: 0, loading: [] });

    // Heard from the catch-up itself, as the bus to windows has no listener here.
    const read = new Promise<CatchUpSummary>((resolve) => {
      const stop = w.services.catchUp.onChange((summary) => {
        if (summary.loading.length > 0 || summary.accounts[0]!.lastCatchUpAt === null) return;
        stop();
        resolve(summary);
      });
    });
    await w.dispatch('startSession', { kind: 'online' });
    expect(w.services.reminders.current()).toMatchObject({ cause: 'back-online' });
    expect(w.services.catchUp.summary().loading).toHaveLength(1);
    const briefing = await read;
    expect(briefing).toMatchObject({ unread: 1, accounts: [{ problem: null }] });
    expect(briefing.accounts[0]!.lastCatchUpAt).toBeGreaterThanOrEqual(morning);
  });
});
