import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/shared/calendar.ts';
import type { UpdateStatus } from '../../src/shared/updates.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import type { UpdaterEvent } from '../../src/main/core/desktop/updatePolicy.ts';
import { createApi } from '../../src/main/services/api.ts';
import { createServices } from '../../src/main/services/app.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import type { Updater } from '../../src/main/services/updates.ts';
import { manualScheduler } from '../support/manualScheduler.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const start = Date.UTC(2026, 4, 4, 9, 0);

/** electron-updater's side as the shell adapts it: it counts what it is asked and reports what the test says. */
function scriptedUpdater() {
  let listener: (event: UpdaterEvent) => void = () => {};
  const asked = { checks: 0, restarts: 0 };
  const updater: Updater = {
    check: () => void asked.checks++,
    restart: () => void asked.restarts++,
    listen: (next) => void (listener = next),
  };
  return { updater, asked, report: (event: UpdaterEvent) => listener(event) };
}

function desktopApp() {
  const clock = manualClock(start);
  const timers = manualScheduler(clock);
  const script = scriptedUpdater();
  const services = createServices({
    dataDir: tempDir(),
    openFile: openConfFile,
    clock,
    host: 'electron',
    locale: 'en-GB',
    scheduler: timers.scheduler,
    updates: { source: 'desktop', currentVersion: '1.1.0', updater: script.updater },
  });
  const seen: UpdateStatus[] = [];
  services.events.listen((event, payload) => {
    if (event === 'updatesChanged') seen.push(payload as UpdateStatus);
  });
  const dispatch = createApi(services);
  return { clock, timers, services, dispatch, seen, ...script };
}

function downloadVersion(app: ReturnType<typeof desktopApp>, version = '1.2.0') {
  app.services.updates.begin();
  app.report({ type: 'checking' });
  app.report({ type: 'available', version });
  app.report({ type: 'downloaded', version });
}

describe('update checks in the desktop app', () => {
  it('checks once the window has shown, then every 6 hours, not before', () => {
    const app = desktopApp();
    app.timers.advance(HOUR);
    expect(app.asked.checks).toBe(0);
    app.services.updates.begin();
    expect(app.asked.checks).toBe(1);
    app.report({ type: 'not-available' });
    expect(app.services.updates.status()).toMatchObject({ phase: 'up-to-date', lastCheckAt: start + HOUR });
    app.timers.advance(6 * HOUR - MINUTE);
    expect(app.asked.checks).toBe(1);
    app.timers.advance(MINUTE);
    expect(app.asked.checks).toBe(2);
  });

  it('does not check on its own with the setting off, but does when asked, and again once it is on', async () => {
    const app = desktopApp();
    await app.dispatch('updateSettings', { checkForUpdates: false });
    app.services.updates.begin();
    app.timers.advance(24 * HOUR);
    expect(app.asked.checks).toBe(0);
    expect(app.services.updates.status().nextCheckAt).toBeNull();

    const reply = await app.dispatch('checkForUpdatesNow', undefined);
    expect(reply).toMatchObject({ ok: true, value: { phase: 'checking' } });
    expect(app.asked.checks).toBe(1);
    app.report({ type: 'not-available' });

    await app.dispatch('updateSettings', { checkForUpdates: true });
    expect(app.services.updates.status().nextCheckAt).toBe(app.clock.now() + 6 * HOUR);
  });

  it('says why a check failed, and tries again 15 minutes later', () => {
    const app = desktopApp();
    app.services.updates.begin();
    app.report({ type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(app.seen.at(-1)).toMatchObject({
      phase: 'failed',
      error: "Couldn't check for updates: no connection to GitHub (net::ERR_INTERNET_DISCONNECTED)",
      nextCheckAt: start + 15 * MINUTE,
    });
    app.timers.advance(15 * MINUTE);
    expect(app.asked.checks).toBe(2);
  });

  it('never doubles a check or a download under way, and stops checking once an update waits', async () => {
    const app = desktopApp();
    app.services.updates.begin();
    await app.dispatch('checkForUpdatesNow', undefined);
    expect(app.asked.checks).toBe(1);
    app.report({ type: 'available', version: '1.2.0' });
    await app.dispatch('checkForUpdatesNow', undefined);
    app.report({ type: 'downloaded', version: '1.2.0' });
    app.timers.advance(48 * HOUR);
    expect(app.asked.checks).toBe(1);
  });
});

describe('restarting to update', () => {
  it('restarts at once when no session runs', async () => {
    const app = desktopApp();
    downloadVersion(app);
    expect(app.services.updates.status()).toMatchObject({ restart: 'ready', newVersion: '1.2.0' });
    expect(await app.dispatch('restartToUpdate', { when: 'now' })).toMatchObject({ ok: true });
    expect(app.asked.restarts).toBe(1);
  });

  it('never restarts mid-session unasked; restarts once the session stops when the user chose that', async () => {
    const app = desktopApp();
    downloadVersion(app);
    await app.dispatch('startSession', { kind: 'online' });
    expect(app.seen.at(-1)?.restart).toBe('session-running');

    const refused = await app.dispatch('restartToUpdate', { when: 'now' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.asked.restarts).toBe(0);

    await app.dispatch('restartToUpdate', { when: 'when-session-stops' });
    expect(app.seen.at(-1)?.restart).toBe('after-session');
    app.timers.advance(3 * HOUR);
    expect(app.asked.restarts).toBe(0);

    await app.dispatch('stopSession', undefined);
    app.timers.advance(0);
    expect(app.asked.restarts).toBe(1);
    // The session was saved as an entry before the restart.
    expect(app.services.time.list(start, app.clock.now())).toHaveLength(1);
  });

  it('restarts mid-session when the user accepts that the session ends', async () => {
    const app = desktopApp();
    downloadVersion(app);
    await app.dispatch('startSession', { kind: 'offline' });
    await app.dispatch('restartToUpdate', { when: 'ending-session' });
    expect(app.asked.restarts).toBe(1);
  });

  it('does not restart after the session when the user took the request back', async () => {
    const app = desktopApp();
    downloadVersion(app);
    await app.dispatch('startSession', { kind: 'online' });
    await app.dispatch('restartToUpdate', { when: 'when-session-stops' });
    await app.dispatch('cancelRestartToUpdate', undefined);
    await app.dispatch('stopSession', undefined);
    app.timers.advance(0);
    expect(app.asked.restarts).toBe(0);
    expect(app.services.updates.status().restart).toBe('ready');
  });

  it('does not take the quit that ends the session for a stop that should restart', async () => {
    const app = desktopApp();
    downloadVersion(app);
    await app.dispatch('startSession', { kind: 'online' });
    await app.dispatch('restartToUpdate', { when: 'when-session-stops' });
    app.services.close();
    app.timers.advance(0);
    expect(app.asked.restarts).toBe(0);
  });
});

describe('updates in the browser preview', () => {
  it('are managed by the desktop app: nothing checks, and asking says so', async () => {
    const { dispatch } = servicesAt(start);
    expect(await dispatch('getUpdates', undefined)).toMatchObject({
      ok: true,
      value: { source: 'preview', nextCheckAt: null, restart: 'none' },
    });
    expect(await dispatch('checkForUpdatesNow', undefined)).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'Updates are managed by the desktop app: the browser preview does not update itself.',
      },
    });
  });
});
