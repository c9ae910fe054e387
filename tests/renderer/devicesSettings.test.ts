// Settings → Devices as it shows the views main sends: how to start syncing on each host, the state in main's words,
// the code for the other devices, every device with what it is timing, and the line beside an idle timer.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeviceRow, DevicesView, SyncStatus } from '../../src/shared/devices.ts';
import type { AppStatus } from '../../src/shared/types.ts';
import { elsewhereWords } from '../../src/renderer/devices/deviceWords.ts';
import { clockTime, dayLabel } from '../../src/renderer/format.ts';
import { DevicesSection } from '../../src/renderer/settings/DevicesSettings.tsx';

const now = new Date(2026, 11, 2, 10, 42).getTime();
const at = (hour: number, minute: number, day = 2) => new Date(2026, 11, day, hour, minute).getTime();
const desk: DeviceRow = { id: 'd', name: 'Desk', thisDevice: true, running: null, lastSyncAt: null, seenAt: now };
const laptop: DeviceRow = {
  id: 'l',
  name: 'Laptop',
  thisDevice: false,
  running: { kind: 'online', activity: 'posting', start: at(9, 12) },
  lastSyncAt: at(10, 40),
  seenAt: at(9, 12),
};
const off: SyncStatus = { transport: { kind: 'none' }, state: 'off', message: null, lastSyncAt: null };
const view = (sync: SyncStatus, devices: DeviceRow[] = [desk]): DevicesView => ({
  device: { id: 'd', name: 'Desk' },
  devices,
  sync,
});

const shown = (devices: DevicesView, host: AppStatus['host'] = 'browser-preview') =>
  renderToStaticMarkup(createElement(DevicesSection, { view: devices, host, now }));
/** What the reader sees, tags gone and spaces as they read. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
/** The device list's rows, each as its text. */
const rows = (html: string) =>
  [...html.matchAll(/<li class="device-row">(.*?)<\/li>/g)].map(([, row]) => text(row!).trim());

describe('Settings → Devices', () => {
  it('offers a typed folder path in the browser preview and the system’s folder dialog in the desktop app', () => {
    const preview = text(shown(view(off), 'browser-preview'));
    expect(preview).toContain('Not syncing: this device works on its own.');
    expect(preview).toContain('Sync through a folder');
    expect(preview).toContain('Folder path');
    expect(preview).toContain('Sync through this folder');
    expect(preview).not.toContain('Choose folder…');
    expect(preview).toContain('Sync through a server');
    expect(preview).toContain('Server address');
    expect(preview).toContain('Code from your other device (optional)');
    expect(preview).not.toContain('Stop syncing');

    const desktop = text(shown(view(off), 'electron'));
    expect(desktop).toContain('Choose folder…');
    expect(desktop).not.toContain('Folder path');
    expect(rows(shown(view(off)))).toEqual(['Desk This device']);
  });

  it('shows the folder, the state, the last sync and every device, with what the other one is timing', () => {
    const sync: SyncStatus = {
      transport: { kind: 'folder', path: '/home/ana/Dropbox/Twoway' },
      state: 'syncing',
      message: null,
      lastSyncAt: at(10, 40),
    };
    const html = shown(
      view(sync, [
        desk,
        laptop,
        { ...laptop, id: 'o', name: 'Old PC', running: null, lastSyncAt: null, seenAt: at(8, 5, 1) },
      ]),
    );
    expect(text(html)).toContain('Syncing through the folder /home/ana/Dropbox/Twoway');
    expect(text(html)).toContain(`Syncing Last sync ${clockTime(at(10, 40))}`);
    expect(html).toContain('Sync now');
    expect(html).toContain('Stop syncing…');
    expect(html).not.toContain('Not syncing');
    expect(rows(html)).toEqual([
      'Desk This device',
      `Laptop Timing online (posting) since ${clockTime(at(9, 12))} Last sync ${clockTime(at(10, 40))} Remove`,
      `Old PC Last seen ${dayLabel('2026-12-01')} at ${clockTime(at(8, 5, 1))} Remove`,
    ]);
    // Only the other devices can be removed from here.
    expect(html.match(/aria-label="Remove [^"]*"/g)).toEqual([
      'aria-label="Remove Laptop"',
      'aria-label="Remove Old PC"',
    ]);
  });

  it('says in main’s words what it waits for or why it cannot sync', () => {
    const message = 'The sync folder cannot be read (ENOENT); Twoway works on alone and tries again.';
    const folder = { kind: 'folder', path: '/Volumes/gone' } as const;
    expect(text(shown(view({ transport: folder, state: 'unavailable', message, lastSyncAt: at(9, 0) })))).toContain(
      `Unavailable ${message} Last sync ${clockTime(at(9, 0))}`,
    );
    const waiting = 'Waiting for a complete copy of Laptop’s changes (the file is still arriving).';
    expect(text(shown(view({ transport: folder, state: 'waiting', message: waiting, lastSyncAt: null })))).toContain(
      `Waiting ${waiting} Not synced yet`,
    );
  });

  it('shows a server’s address and the code the other devices enter, with Copy', () => {
    const seen = text(
      shown(
        view({
          transport: { kind: 'server', url: 'wss://sync.example.org', document: '4NMNnkMhL8jXrdJ9jamS2z' },
          state: 'syncing',
          message: null,
          lastSyncAt: at(10, 41),
        }),
      ),
    );
    expect(seen).toContain('Syncing through the server wss://sync.example.org');
    expect(seen).toContain('enter this code under Sync through a server: 4NMNnkMhL8jXrdJ9jamS2z Copy');
  });

  it('names the session another device is timing, for the idle timer, and nothing once none is', () => {
    expect(elsewhereWords(view(off, [desk, laptop]), now)).toBe(
      `Online session running on Laptop since ${clockTime(at(9, 12))}`,
    );
    const yesterday = { ...laptop, running: { kind: 'offline', activity: 'meeting', start: at(23, 30, 1) } } as const;
    expect(elsewhereWords(view(off, [desk, yesterday]), now)).toBe(
      `Offline session running on Laptop since ${dayLabel('2026-12-01')} at ${clockTime(at(23, 30, 1))}`,
    );
    expect(elsewhereWords(view(off, [desk, { ...laptop, running: null }]), now)).toBeNull();
    expect(elsewhereWords(null, now)).toBeNull();
  });
});
