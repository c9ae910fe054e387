import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTrayShows, statusNotifierWatcherOnBus } from '../../src/main/electron/trayHost.ts';
import { ownName, sessionBusMissing, startSessionBus } from '../support/sessionBus.ts';
import { tempDir } from '../support/tempDir.ts';

const missing = sessionBusMissing();
const busEnv = (address: string) => ({ ...process.env, DBUS_SESSION_BUS_ADDRESS: address });
// Where the answer is what is checked, gdbus gets time enough to start on a busy machine; the last case checks the
// app's own one-second limit.
const patient = { timeoutMs: 10_000 };

describe.skipIf(missing !== null)(`asking the session bus for a tray host${missing ? ` (${missing})` : ''}`, () => {
  it('finds none on a bus where no panel hosts StatusNotifier icons (stock GNOME)', async () => {
    const warnings: string[] = [];
    const env = busEnv(await startSessionBus());
    expect(await statusNotifierWatcherOnBus({ env, ...patient, warn: (m) => warnings.push(m) })).toBe(false);
    expect(await checkTrayShows('linux', { env, ...patient })).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('finds the host once something owns org.kde.StatusNotifierWatcher (KDE, AppIndicator)', async () => {
    const address = await startSessionBus();
    await ownName(address, 'org.kde.StatusNotifierWatcher');
    expect(await statusNotifierWatcherOnBus({ env: busEnv(address), ...patient })).toBe(true);
    expect(await checkTrayShows('linux', { env: busEnv(address), ...patient })).toBe(true);
  });

  it('says why, and counts on no tray, when there is no bus', async () => {
    const warnings: string[] = [];
    const env = busEnv(`unix:path=${path.join(tempDir(), 'no-bus')}`);
    expect(await statusNotifierWatcherOnBus({ env, warn: (m) => warnings.push(m) })).toBeNull();
    expect(await checkTrayShows('linux', { env, warn: () => {} })).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /could not ask the session bus for a tray \(gdbus: .+\); closing the window minimizes it/,
    );
  });

  it('gives up on a bus that never answers, within the time it was given', async () => {
    const socket = path.join(tempDir(), 'silent-bus');
    const silent = net.createServer(() => {}).listen(socket);
    try {
      const warnings: string[] = [];
      const started = performance.now();
      const answer = await statusNotifierWatcherOnBus({
        env: busEnv(`unix:path=${socket}`),
        timeoutMs: 300,
        warn: (m) => warnings.push(m),
      });
      expect(answer).toBeNull();
      expect(performance.now() - started).toBeLessThan(3000);
      expect(warnings[0]).toContain('no answer within 300 ms');
    } finally {
      silent.close();
    }
  });
});

describe('the tray on macOS and Windows', () => {
  it('is taken as shown without asking any bus', async () => {
    const warnings: string[] = [];
    const env = { PATH: '', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    expect(await checkTrayShows('darwin', { env, warn: (m) => warnings.push(m) })).toBe(true);
    expect(await checkTrayShows('win32', { env, warn: (m) => warnings.push(m) })).toBe(true);
    expect(warnings).toEqual([]);
  });
});
