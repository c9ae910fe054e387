// What Settings → Devices and the idle timer say, on what real main sends: two Twoways on two data folders syncing
// through one folder on disk.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DevicesView } from '../../src/shared/devices.ts';
import {
  elsewhereWords,
  heardWords,
  lastSyncWords,
  stateWords,
  timingWords,
} from '../../src/renderer/devices/deviceWords.ts';
import { clockTime } from '../../src/renderer/format.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const start = new Date(2026, 11, 2, 9, 12).getTime();
type App = ReturnType<typeof servicesAt>;
const open: App[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.services.close();
});

async function device(name: string, idPrefix: string): Promise<App> {
  const app = servicesAt(start, { idPrefix });
  open.push(app);
  await app.services.start();
  app.services.devices.rename(name);
  return app;
}

/** The device list as the section writes it: name, this device, what it times, when it was last heard. */
const listed = (view: DevicesView) =>
  view.devices.map((row) =>
    [
      row.name,
      row.thisDevice ? 'This device' : null,
      row.running && timingWords(row.running, start),
      row.thisDevice ? null : heardWords(row, start),
    ]
      .filter(Boolean)
      .join(' · '),
  );

describe('two real devices in Settings → Devices', () => {
  it('lists the other device with what it is timing, and says so beside the idle timer until it stops', async () => {
    const folder = tempDir();
    const desk = await device('Desk', 'd');
    const laptop = await device('Laptop', 'l');
    await desk.services.devices.syncThroughFolder(folder);
    await laptop.services.devices.syncThroughFolder(folder);
    await laptop.dispatch('startSession', { kind: 'online', activity: 'posting' });
    laptop.services.devices.syncNow();
    const view = desk.services.devices.syncNow();

    const nine12 = clockTime(start);
    expect(view.sync.state !== 'off' && stateWords[view.sync.state]).toBe('Syncing');
    expect(lastSyncWords(view.sync, start)).toBe(`Last sync ${nine12}`);
    expect(listed(view)).toEqual([
      'Desk · This device',
      `Laptop · Timing online (posting) since ${nine12} · Last sync ${nine12}`,
    ]);
    expect(elsewhereWords(view, start)).toBe(`Online session running on Laptop since ${nine12}`);

    await laptop.dispatch('stopSession', {});
    laptop.services.devices.syncNow();
    const after = desk.services.devices.syncNow();
    expect(elsewhereWords(after, start)).toBeNull();
    expect(listed(after)).toEqual(['Desk · This device', `Laptop · Last sync ${nine12}`]);
  });

  it('has main’s own words to show when the folder is gone', async () => {
    const folder = tempDir();
    const desk = await device('Desk', 'd');
    await desk.services.devices.syncThroughFolder(folder);
    fs.rmSync(folder, { recursive: true });
    const { sync } = desk.services.devices.syncNow();
    expect(sync.state).toBe('unavailable');
    expect(sync.message).toMatch(/^The sync folder cannot be read \(ENOENT\)/);
  });
});
