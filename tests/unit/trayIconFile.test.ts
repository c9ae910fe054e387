import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayIconFile, trayIconFiles, trayIconFolder, trayStates } from '../../src/main/core/desktop/trayIconFile.ts';

describe('the tray icon file for a state', () => {
  it('is a template on macOS, so the menu bar tints it for light and dark', () => {
    expect(trayIconFile('online', 'darwin', 1)).toBe('onlineTemplate.png');
    expect(trayIconFile('online', 'darwin', 2)).toBe('onlineTemplate@2x.png');
  });

  it('is in colour on Windows, with the @2x file Electron finds beside the plain one', () => {
    expect(trayIconFile('over', 'win32', 1)).toBe('over.png');
    expect(trayIconFile('over', 'win32', 2)).toBe('over@2x.png');
  });

  it('is one 32 px image on Linux and the other systems, whose panels fit it themselves', () => {
    for (const platform of ['linux', 'freebsd']) {
      expect(trayIconFile('offline', platform, 1)).toBe('offline-linux.png');
      expect(trayIconFile('offline', platform, 2)).toBe('offline-linux.png');
    }
    expect(trayIconFiles().find((icon) => icon.file === 'offline-linux.png')).toMatchObject({ pixels: 32 });
  });

  it('differs for every state on every system', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      expect(new Set(trayStates.map((state) => trayIconFile(state, platform))).size).toBe(trayStates.length);
    }
  });

  it('lists every file any system loads, each once, 16 px at scale 1 and 32 px at scale 2', () => {
    const files = trayIconFiles();
    expect(new Set(files.map((icon) => icon.file)).size).toBe(files.length);
    for (const state of trayStates) {
      for (const platform of ['darwin', 'win32', 'linux']) {
        for (const scale of [1, 2] as const)
          expect(files.map((icon) => icon.file)).toContain(trayIconFile(state, platform, scale));
      }
    }
    expect(files.filter((icon) => icon.template).map((icon) => icon.file)).toEqual(
      files.filter((icon) => /Template(@2x)?\.png$/.test(icon.file)).map((icon) => icon.file),
    );
    expect(files.find((icon) => icon.file === 'idleTemplate@2x.png')).toMatchObject({ pixels: 32, template: true });
    expect(files.find((icon) => icon.file === 'idle.png')).toMatchObject({ pixels: 16, template: false });
  });
});

describe('the folder of the tray icons', () => {
  it('is resources/tray in the packaged app and build/tray in the checkout', () => {
    const place = {
      resourcesPath: path.join('/opt', 'Twoway', 'resources'),
      appPath: path.join('/home', 'me', 'twoway'),
    };
    expect(trayIconFolder({ ...place, packaged: true })).toBe(path.join('/opt', 'Twoway', 'resources', 'tray'));
    expect(trayIconFolder({ ...place, packaged: false })).toBe(path.join('/home', 'me', 'twoway', 'build', 'tray'));
  });
});
