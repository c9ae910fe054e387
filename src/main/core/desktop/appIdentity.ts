// Who the app is to the system: the id Windows files its notifications and taskbar entry under (the installer's
// appId, so the Start menu shortcut it makes carries the same one), and what the About panel shows.

export const APP_ID = 'app.twoway.desktop';
export const PRODUCT_NAME = 'Twoway';
export const COPYRIGHT = 'Copyright © 2026 Twoway';
export const WEBSITE = 'https://github.com/twoway-app/twoway';

/**
 * The Application User Model ID. Windows shows a notification only from an app whose id a Start menu shortcut
 * carries: the installed app's is APP_ID; a development build has no shortcut, and Windows accepts the path of the
 * executable there instead.
 */
export function appUserModelId(isPackaged: boolean, execPath: string): string {
  return isPackaged ? APP_ID : execPath;
}

/** Electron's AboutPanelOptionsOptions, the fields Twoway sets. */
export interface AboutPanel {
  applicationName: string;
  applicationVersion: string;
  copyright: string;
  website?: string;
  credits?: string;
  iconPath?: string;
}

/**
 * What the About panel shows. Linux shows only what is set (there are no defaults) and is the only one with a
 * website line; macOS and Windows show the address among the credits. The icon is for Linux and Windows (macOS
 * takes the app's own), where its file can be read: `icons` are the paths that exist, or null.
 */
export function aboutPanel(
  platform: string,
  version: string,
  icons: { linux: string | null; windows: string | null },
): AboutPanel {
  const shown = { applicationName: PRODUCT_NAME, applicationVersion: version, copyright: COPYRIGHT };
  if (platform === 'darwin') return { ...shown, credits: WEBSITE };
  if (platform === 'win32') return { ...shown, credits: WEBSITE, ...(icons.windows && { iconPath: icons.windows }) };
  return { ...shown, website: WEBSITE, ...(icons.linux && { iconPath: icons.linux }) };
}
