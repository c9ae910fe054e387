import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartEnabled,
  autostartEntry,
  autostartFolder,
  execArgument,
  launcherPath,
  startAtLoginAtStart,
  startsHidden,
} from '../../src/main/core/desktop/startAtLogin.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { createApi } from '../../src/main/services/api.ts';
import { createServices } from '../../src/main/services/app.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { Failure } from '../../src/main/services/failure.ts';
import {
  applyStartAtLogin,
  autostartFile,
  reconcileStartAtLogin,
  xdgLoginItem,
} from '../../src/main/services/startAtLogin.ts';
import { tempDir } from '../support/tempDir.ts';

/** The value of `key` in a desktop entry's text. */
const field = (content: string, key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(content)?.[1];

/**
 * An Exec value read back as the Desktop Entry spec says a launcher does: string escapes first (`\\` → `\`),
 * then the quoted arguments, then `%%` → `%`.
 */
function execArguments(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, (_, c: string) => (c === '\\' ? '\\' : `\\${c}`));
  const args: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < unescaped.length; i++) {
    const c = unescaped[i]!;
    if (quoted && c === '\\') current += unescaped[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ' ' && !quoted) {
      args.push(current);
      current = '';
    } else current += c;
  }
  args.push(current);
  return args.map((arg) => arg.replace(/%%/g, '%'));
}

describe('the autostart entry', () => {
  it('starts the AppImage the user keeps, hidden in the tray, and says it is enabled', () => {
    const content = autostartEntry('/home/ada/Apps/Twoway-1.2.0.AppImage');
    expect(content.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(field(content, 'Type')).toBe('Application');
    expect(field(content, 'Name')).toBe('Twoway');
    expect(field(content, 'Exec')).toBe('"/home/ada/Apps/Twoway-1.2.0.AppImage" --hidden');
    expect(field(content, 'X-GNOME-Autostart-enabled')).toBe('true');
    expect(autostartEnabled(content)).toBe(true);
  });

  it('quotes paths with spaces, quotes, dollars, percents and backslashes so the launcher reads them back whole', () => {
    for (const launcher of [
      '/home/ada/My Apps/Twoway.AppImage',
      '/home/ada/"odd"/Twoway',
      '/home/ada/$HOME/`x`/Twoway',
      '/home/ada/100%/Twoway',
      '/home/ada/back\\slash/Twoway',
    ]) {
      const exec = field(autostartEntry(launcher), 'Exec')!;
      expect(execArguments(exec)).toEqual([launcher, '--hidden']);
    }
    expect(execArgument('/a\\b')).toBe('"/a\\\\\\\\b"');
  });

  it('refuses a path no Exec line can carry', () => {
    expect(() => autostartEntry('/home/ada/two\nlines')).toThrow(/line break/);
  });

  it('prefers the AppImage file to the executable inside its mount', () => {
    expect(launcherPath({ APPIMAGE: '/home/ada/Twoway.AppImage' }, '/tmp/.mount_TwowayX/twoway')).toBe(
      '/home/ada/Twoway.AppImage',
    );
    expect(launcherPath({}, '/opt/Twoway/twoway')).toBe('/opt/Twoway/twoway');
  });

  it('goes in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when that is unset or relative', () => {
    expect(autostartFolder({ XDG_CONFIG_HOME: '/home/ada/.cfg' }, '/home/ada')).toBe('/home/ada/.cfg/autostart');
    expect(autostartFolder({}, '/home/ada')).toBe('/home/ada/.config/autostart');
    expect(autostartFolder({ XDG_CONFIG_HOME: 'cfg' }, '/home/ada')).toBe('/home/ada/.config/autostart');
  });

  it('counts an entry a desktop turned off as off', () => {
    const content = autostartEntry('/opt/Twoway/twoway');
    expect(autostartEnabled(null)).toBe(false);
    expect(autostartEnabled(content.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'))).toBe(
      false,
    );
    expect(autostartEnabled(`${content}Hidden=true\n`)).toBe(false);
  });
});

describe('the autostart file on disk', () => {
  it('is written where the session manager looks, then removed', () => {
    const folder = path.join(tempDir(), 'config', 'autostart');
    const file = autostartFile(folder);
    const content = autostartEntry('/opt/Twoway/twoway');
    file.write(content);
    expect(fs.readFileSync(path.join(folder, 'twoway.desktop'), 'utf8')).toBe(content);
    expect(file.read()).toBe(content);
    expect(fs.readdirSync(folder)).toEqual(['twoway.desktop']);

    file.write(autostartEntry('/home/ada/Twoway.AppImage'));
    expect(field(file.read()!, 'Exec')).toBe('"/home/ada/Twoway.AppImage" --hidden');

    file.remove();
    expect(fs.existsSync(path.join(folder, 'twoway.desktop'))).toBe(false);
    expect(file.read()).toBeNull();
    file.remove(); // removing what is not there is no error
  });

  it('says which file it could not write, and why', () => {
    const blocked = path.join(tempDir(), 'autostart');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    let error: unknown;
    try {
      autostartFile(blocked).write(autostartEntry('/opt/Twoway/twoway'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Failure);
    expect((error as Failure).fields).toEqual({
      startAtLogin: `Couldn't turn on start at login: ${path.join(blocked, 'twoway.desktop')} could not be written (EEXIST).`,
    });
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file where the folder should be');
  });
});

/** The app's services with start at login on a real autostart folder under a temp XDG_CONFIG_HOME. */
function linuxDesktop(env: NodeJS.ProcessEnv = {}) {
  const config = path.join(tempDir(), 'config');
  const item = xdgLoginItem({ XDG_CONFIG_HOME: config, ...env }, '/home/ada', '/opt/Twoway/twoway');
  const services = createServices({
    dataDir: tempDir(),
    openFile: openConfFile,
    clock: manualClock(Date.UTC(2026, 4, 4, 9)),
    host: 'electron',
    locale: 'en-GB',
    applyToSystem: applyStartAtLogin(item),
  });
  return {
    services,
    item,
    dispatch: createApi(services),
    entry: path.join(config, 'autostart', 'twoway.desktop'),
  };
}

describe('the start at login setting', () => {
  it('writes the autostart entry when turned on and removes it when turned off', async () => {
    const { dispatch, entry } = linuxDesktop({ APPIMAGE: '/home/ada/Apps/Twoway.AppImage' });
    expect(fs.existsSync(entry)).toBe(false);
    expect(await dispatch('updateSettings', { startAtLogin: true })).toMatchObject({ ok: true });
    expect(field(fs.readFileSync(entry, 'utf8'), 'Exec')).toBe('"/home/ada/Apps/Twoway.AppImage" --hidden');
    await dispatch('updateSettings', { startAtLogin: false });
    expect(fs.existsSync(entry)).toBe(false);
  });

  it('saves nothing when the entry cannot be written, and says why', async () => {
    const { dispatch, entry, services } = linuxDesktop();
    fs.mkdirSync(path.dirname(path.dirname(entry)), { recursive: true });
    fs.writeFileSync(path.dirname(entry), 'a file where the folder should be');
    const reply = await dispatch('updateSettings', { startAtLogin: true, dailyOnlineBudgetMin: 90 });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: `Couldn't turn on start at login: ${entry} could not be written (EEXIST).`,
        fields: { startAtLogin: `Couldn't turn on start at login: ${entry} could not be written (EEXIST).` },
      },
    });
    expect(services.settings.get()).toMatchObject({ startAtLogin: false, dailyOnlineBudgetMin: 45 });
  });

  it('at start, follows an entry turned off in the desktop settings, and renews one that is on', async () => {
    const { dispatch, entry, item, services } = linuxDesktop();
    await dispatch('updateSettings', { startAtLogin: true });
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('Exec="/opt/Twoway/twoway"', 'Exec="/old/twoway"'));
    reconcileStartAtLogin(item, services.settings);
    expect(field(fs.readFileSync(entry, 'utf8'), 'Exec')).toBe('"/opt/Twoway/twoway" --hidden');

    fs.writeFileSync(entry, `${fs.readFileSync(entry, 'utf8')}Hidden=true\n`);
    reconcileStartAtLogin(item, services.settings);
    expect(services.settings.get().startAtLogin).toBe(false);
  });
});

describe('starting hidden', () => {
  const tray = (shows: boolean) => {
    const asked = { times: 0 };
    const trayShows = async () => {
      asked.times++;
      return shows;
    };
    return { asked, trayShows };
  };

  it('stays in the tray when started at login and a tray shows', async () => {
    const { trayShows } = tray(true);
    expect(await startsHidden({ argv: ['/opt/Twoway/twoway', '--hidden'], openedAtLogin: false, trayShows })).toBe(
      true,
    );
    expect(await startsHidden({ argv: ['/Applications/Twoway.app'], openedAtLogin: true, trayShows })).toBe(true);
  });

  it('opens the window when started at login where no tray shows', async () => {
    const { trayShows } = tray(false);
    expect(await startsHidden({ argv: ['/opt/Twoway/twoway', '--hidden'], openedAtLogin: false, trayShows })).toBe(
      false,
    );
  });

  it('opens the window when the user started it, without asking about the tray', async () => {
    const { trayShows, asked } = tray(true);
    expect(await startsHidden({ argv: ['/opt/Twoway/twoway'], openedAtLogin: false, trayShows })).toBe(false);
    expect(asked.times).toBe(0);
  });
});

describe('start at login at start-up', () => {
  it('follows a change made in the system settings, and renews an entry that is on', () => {
    expect(startAtLoginAtStart(true, false)).toEqual({ setting: false, rewrite: false });
    expect(startAtLoginAtStart(false, true)).toEqual({ setting: true, rewrite: false });
    expect(startAtLoginAtStart(true, true)).toEqual({ setting: true, rewrite: true });
    expect(startAtLoginAtStart(false, false)).toEqual({ setting: false, rewrite: false });
  });
});
