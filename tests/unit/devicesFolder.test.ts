// Two Twoways on two data folders, syncing through one shared folder on disk: what each records reaches the other,
// the report adds up the same on both, and the habits of sync providers (a file still copying, a conflicted copy,
// a folder that is gone for a while, a device's file deleted) lose nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openSharedDoc } from '../../src/main/services/devices/sharedDoc.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date(2026, 11, 2, 12).getTime();

type App = ReturnType<typeof servicesAt>;
const open: App[] = [];

async function device(name: string, idPrefix: string, dataDir?: string): Promise<App> {
  const app = servicesAt(start, { idPrefix, dataDir });
  open.push(app);
  await app.services.start();
  app.services.devices.rename(name);
  return app;
}

async function pair(folder = tempDir()) {
  const laptop = await device('Laptop', 'l');
  const desktop = await device('Desktop', 'd');
  await laptop.services.devices.syncThroughFolder(folder);
  await desktop.services.devices.syncThroughFolder(folder);
  return { laptop, desktop, folder };
}

/** Both look at the folder, the second one twice, so each has what the other wrote. */
function syncBoth(a: App, b: App) {
  a.services.devices.syncNow();
  b.services.devices.syncNow();
  a.services.devices.syncNow();
}

const entries = (app: App) => app.services.time.list(-Infinity, Infinity);
const entry = (kind: 'online' | 'offline', from: number, to: number, note = '') => ({
  kind,
  activity: kind === 'online' ? ('posting' as const) : ('meeting' as const),
  start: start - from,
  end: start - to,
  note,
});
const totals = (app: App) => {
  const today = new Date(start).toISOString().slice(0, 10);
  const { time } = app.services.reports.report(today, today);
  return time.totals;
};

afterEach(() => {
  for (const app of open.splice(0)) app.services.close();
});

describe('syncing through a shared folder', () => {
  it('brings entries, outcomes and settings made on each device to the other', async () => {
    const { laptop, desktop, folder } = await pair();
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR, 'posts'));
    desktop.services.outcomes.add({
      date: '2026-12-01',
      type: 'meeting',
      channel: 'bluesky',
      value: null,
      currency: null,
      person: 'Ada',
      note: 'coffee',
    });
    desktop.services.settings.update({ dailyOnlineBudgetMin: 25 });
    syncBoth(laptop, desktop);

    expect(entries(desktop).map((e) => e.note)).toEqual(['posts']);
    expect(laptop.services.outcomes.list().map((o) => o.person)).toEqual(['Ada']);
    expect(laptop.services.settings.get().dailyOnlineBudgetMin).toBe(25);
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.automerge'));
    expect(files.sort()).toEqual(
      [laptop.services.devices.view().device.id, desktop.services.devices.view().device.id]
        .map((id) => `${id}.automerge`)
        .sort(),
    );
    expect(desktop.services.devices.view().devices.map((d) => [d.name, d.thisDevice])).toEqual([
      ['Desktop', true],
      ['Laptop', false],
    ]);
  });

  it('counts minutes both devices timed once, on both, and shows them by device', async () => {
    const { laptop, desktop } = await pair();
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR));
    desktop.services.time.add(entry('online', 2.5 * HOUR, 1 * HOUR));
    syncBoth(laptop, desktop);
    for (const app of [laptop, desktop]) {
      expect(totals(app).onlineMs).toBe(2 * HOUR);
      const today = new Date(start).toISOString().slice(0, 10);
      const report = app.services.reports.report(today, today);
      const names = report.time.byDevice.map((row) => [report.deviceNames[row.device], row.onlineMs]);
      expect(names.sort()).toEqual([
        ['Desktop', 1 * HOUR],
        ['Laptop', 1 * HOUR],
      ]);
    }
  });

  it('keeps both edits of one entry made apart, and the later one where they touch the same field', async () => {
    const { laptop, desktop } = await pair();
    const made = laptop.services.time.add(entry('offline', 3 * HOUR, 2 * HOUR, 'lunch'));
    syncBoth(laptop, desktop);

    laptop.clock.advance(MINUTE);
    laptop.services.time.update(made.id, { ...entry('offline', 3 * HOUR, 2 * HOUR), note: 'lunch with Ada' });
    desktop.clock.advance(2 * MINUTE);
    desktop.services.time.update(made.id, { ...entry('offline', 3 * HOUR, 1.5 * HOUR), note: 'lunch' });
    syncBoth(laptop, desktop);
    // Different fields: the laptop's note and the desktop's end both stay.
    for (const app of [laptop, desktop]) {
      expect(entries(app).map(({ note, end }) => ({ note, end }))).toEqual([
        { note: 'lunch with Ada', end: start - 1.5 * HOUR },
      ]);
    }

    laptop.clock.advance(5 * MINUTE);
    laptop.services.time.update(made.id, { ...entry('offline', 3 * HOUR, 1.5 * HOUR), note: 'earlier' });
    desktop.clock.advance(10 * MINUTE);
    desktop.services.time.update(made.id, { ...entry('offline', 3 * HOUR, 1.5 * HOUR), note: 'later' });
    syncBoth(laptop, desktop);
    for (const app of [laptop, desktop]) expect(entries(app)[0]!.note).toBe('later');
    const history = laptop.services.time.history(made.id);
    expect(history.map((edit) => edit.changed)).toEqual([
      ['activity', 'device', 'end', 'kind', 'note', 'source', 'start'],
      ['note'],
      ['end'],
      ['note'],
      ['note'],
    ]);
    expect(history.map((edit) => edit.made)).toEqual([true, false, false, false, false]);
    expect(history.at(-1)).toMatchObject({ deviceName: 'Desktop' });
  });

  it('goes on alone while the folder is gone, and catches up once it is back', async () => {
    const { laptop, desktop, folder } = await pair();
    const away = `${folder}-away`;
    fs.renameSync(folder, away);
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR, 'while away'));
    expect(laptop.services.devices.view().sync).toMatchObject({
      state: 'unavailable',
      message: expect.stringMatching(/^The sync folder cannot be written \(ENOENT\)/),
    });
    fs.renameSync(away, folder);
    syncBoth(laptop, desktop);
    expect(entries(desktop).map((e) => e.note)).toEqual(['while away']);
    expect(laptop.services.devices.view().sync.state).toBe('syncing');
  });

  it('waits for a file still being copied, and merges a conflicted copy', async () => {
    const { laptop, desktop, folder } = await pair();
    const laptopFile = path.join(folder, `${laptop.services.devices.view().device.id}.automerge`);
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR, 'first'));
    const whole = fs.readFileSync(laptopFile);
    fs.writeFileSync(laptopFile, whole.subarray(0, Math.floor(whole.length / 2)));
    desktop.services.devices.syncNow();
    expect(desktop.services.devices.view().sync).toMatchObject({
      state: 'waiting',
      message: 'Waiting for a complete copy of Laptop’s changes (the file is still arriving).',
    });
    expect(entries(desktop)).toEqual([]);
    fs.writeFileSync(laptopFile, whole);
    desktop.services.devices.syncNow();
    expect(entries(desktop).map((e) => e.note)).toEqual(['first']);
    expect(desktop.services.devices.view().sync.state).toBe('syncing');

    // The provider kept an older and a newer laptop file side by side: both are read.
    laptop.services.time.add(entry('online', 1 * HOUR, 0.5 * HOUR, 'second'));
    const conflicted = laptopFile.replace('.automerge', ' (conflicted copy 2026-12-02).automerge');
    fs.copyFileSync(laptopFile, conflicted);
    fs.writeFileSync(laptopFile, whole);
    desktop.services.devices.syncNow();
    expect(entries(desktop).map((e) => e.note)).toEqual(['first', 'second']);
  });

  it('loses nothing when a device’s file is deleted from the folder', async () => {
    const { laptop, desktop, folder } = await pair();
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR, 'kept'));
    syncBoth(laptop, desktop);
    for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name));
    desktop.services.devices.syncNow();
    desktop.services.close();
    const reopened = await device('Desktop', 'd2', desktop.dataDir);
    expect(entries(reopened).map((e) => e.note)).toEqual(['kept']);
  });

  it('writes its own file again when it was deleted from the folder', async () => {
    const { laptop, desktop, folder } = await pair();
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR, 'again'));
    const own = path.join(folder, `${laptop.services.devices.view().device.id}.automerge`);
    fs.rmSync(own);
    laptop.services.devices.syncNow();
    expect(fs.existsSync(own)).toBe(true);
    desktop.services.devices.syncNow();
    expect(entries(desktop).map((e) => e.note)).toEqual(['again']);
  });

  it('stops syncing and keeps everything here; a removed device’s file leaves the folder', async () => {
    const { laptop, desktop, folder } = await pair();
    laptop.services.time.add(entry('online', 3 * HOUR, 2 * HOUR, 'mine'));
    syncBoth(laptop, desktop);
    const laptopId = laptop.services.devices.view().device.id;
    laptop.services.devices.stopSyncing();
    expect(laptop.services.devices.view().sync).toMatchObject({ state: 'off', transport: { kind: 'none' } });
    expect(entries(laptop).map((e) => e.note)).toEqual(['mine']);

    desktop.clock.advance(MINUTE);
    desktop.services.devices.removeDevice(laptopId);
    expect(fs.readdirSync(folder).some((name) => name.startsWith(laptopId))).toBe(false);
    expect(desktop.services.devices.view().devices.map((d) => d.name)).toEqual(['Desktop']);
    expect(entries(desktop).map((e) => e.note)).toEqual(['mine']);
  });

  it('reads what a device says of itself as untrusted: a long or odd name is cut, a bad session ignored', async () => {
    const { desktop, folder } = await pair();
    const stranger = 'ee'.repeat(16);
    const strangerDir = tempDir();
    const context = {
      dataDir: strangerDir,
      openFile: openConfFile,
      clock: manualClock(start),
      onNotice: () => {},
      onSaved: () => {},
    };
    const theirs = openSharedDoc({ context, device: stranger });
    const name = `Mallory\u202e\u0007${'x'.repeat(5000)}`;
    theirs.set(
      'devices',
      [[stranger, { name, running: { kind: 'online', activity: 'hacking', start: 'soon' } }]],
      start,
    );
    fs.copyFileSync(path.join(strangerDir, 'shared.automerge'), path.join(folder, `${stranger}.automerge`));
    desktop.services.devices.syncNow();
    const row = desktop.services.devices.view().devices.find((d) => d.id === stranger)!;
    expect(row.name).toBe(`Mallory${'x'.repeat(53)}`);
    expect(row.running).toBeNull();
  });

  it('refuses a folder it cannot use, saying why', async () => {
    const laptop = await device('Laptop', 'l');
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    await expect(laptop.dispatch('syncThroughFolder', { path: file })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { path: `${file} is a file, not a folder.` } },
    });
    await expect(laptop.dispatch('syncThroughFolder', { path: 'relative/folder' })).resolves.toMatchObject({
      ok: false,
      error: { fields: { path: 'Enter the whole path of the folder, from the top.' } },
    });
    await expect(laptop.dispatch('syncThroughFolder', { path: laptop.dataDir })).resolves.toMatchObject({
      ok: false,
      error: { fields: { path: 'Choose a folder outside Twoway’s own data folder.' } },
    });
  });
});
