import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aboutPanel,
  APP_ID,
  appUserModelId,
  COPYRIGHT,
  PRODUCT_NAME,
  WEBSITE,
} from '../../src/main/core/desktop/appIdentity.ts';

const icons = { linux: '/opt/Twoway/icon-64.png', windows: 'C:\\Twoway\\icon-48.png' };
const builderConfig = fs.readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
const builderValue = (key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(builderConfig)?.[1];

describe('the app as the system knows it', () => {
  it('is filed under the installer’s appId, name and copyright', () => {
    expect(builderValue('appId')).toBe(APP_ID);
    expect(builderValue('productName')).toBe(PRODUCT_NAME);
    expect(builderValue('copyright')).toBe(COPYRIGHT);
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      homepage: string;
    };
    expect(pkg.homepage).toBe(WEBSITE);
  });

  it('gives Windows the installed app’s id, and the executable’s path to a development build', () => {
    expect(appUserModelId(true, 'C:\\Program Files\\Twoway\\Twoway.exe')).toBe('app.twoway.desktop');
    expect(appUserModelId(false, 'C:\\src\\twoway\\node_modules\\electron\\dist\\electron.exe')).toBe(
      'C:\\src\\twoway\\node_modules\\electron\\dist\\electron.exe',
    );
  });
});

describe('aboutPanel', () => {
  it('fills the Linux About dialog, which has no defaults: name, version, copyright, website, icon', () => {
    expect(aboutPanel('linux', '1.4.2', icons)).toEqual({
      applicationName: 'Twoway',
      applicationVersion: '1.4.2',
      copyright: 'Copyright © 2026 Twoway',
      website: 'https://github.com/twoway-app/twoway',
      iconPath: '/opt/Twoway/icon-64.png',
    });
  });

  it('leaves the icon out where its file is not there', () => {
    expect(aboutPanel('linux', '1.4.2', { linux: null, windows: null })).not.toHaveProperty('iconPath');
    expect(aboutPanel('win32', '1.4.2', { linux: null, windows: null })).not.toHaveProperty('iconPath');
  });

  it('puts the address among the credits on Windows and macOS, which show no website line', () => {
    expect(aboutPanel('win32', '1.4.2', icons)).toEqual({
      applicationName: 'Twoway',
      applicationVersion: '1.4.2',
      copyright: 'Copyright © 2026 Twoway',
      credits: 'https://github.com/twoway-app/twoway',
      iconPath: 'C:\\Twoway\\icon-48.png',
    });
    expect(aboutPanel('darwin', '1.4.2', icons)).toEqual({
      applicationName: 'Twoway',
      applicationVersion: '1.4.2',
      copyright: 'Copyright © 2026 Twoway',
      credits: 'https://github.com/twoway-app/twoway',
    });
  });
});
