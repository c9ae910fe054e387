// The app's identity, told to the system at start: the id Windows shows notifications under, and the About
// panel (empty on Linux unless set). What they hold is core's (appIdentity).
/// <reference types="electron-vite/node" />
import fs from 'node:fs';
import { app } from 'electron';
import windowsIcon from '../../../build/icons/48x48.png?asset&asarUnpack';
import linuxIcon from '../../../build/icons/64x64.png?asset&asarUnpack';
import { aboutPanel, appUserModelId } from '../core/desktop/appIdentity.ts';

/** GTK reads the icon from disk and cannot look inside app.asar: only a file outside it (unpacked) will do. */
const onDisk = (file: string) => (fs.existsSync(file) ? file : null);

/** Call before any window or notification: Windows drops notifications from an app without its id. */
export function applyAppIdentity(): void {
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId(app.isPackaged, process.execPath));
  app.setAboutPanelOptions(
    aboutPanel(process.platform, app.getVersion(), { linux: onDisk(linuxIcon), windows: onDisk(windowsIcon) }),
  );
}
