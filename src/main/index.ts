// Composition root: the services on the user's data folder, handed to the Electron shell.
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { systemClock } from './core/clock.ts';
import { installAppMenu } from './electron/appMenu.ts';
import { createCommands } from './electron/commands.ts';
import { openElectronFile } from './electron/electronFile.ts';
import { registerIpc } from './electron/ipc.ts';
import { createMainWindow, rendererUrl, showWindow } from './electron/mainWindow.ts';
import { TrayService, followTimer } from './electron/tray.ts';
import { createApi } from './services/api.ts';
import { createServices } from './services/app.ts';

// A separate data folder (tests, a second profile) must be set before the single-instance lock, which is per folder.
const userData = process.env.TWOWAY_USER_DATA;
if (userData) app.setPath('userData', path.resolve(userData));
app.enableSandbox();

function start() {
  const services = createServices({
    dataDir: app.getPath('userData'),
    openFile: openElectronFile,
    clock: systemClock,
    host: 'electron',
  });
  const dispatch = createApi(services);
  const url = rendererUrl(app.isPackaged);
  let quitting = false;
  let mainWindow: BrowserWindow | undefined;

  const openWindow = () => {
    if (mainWindow && !mainWindow.isDestroyed()) return showWindow(mainWindow);
    // Closing hides the window only while the tray can bring it back.
    mainWindow = createMainWindow({ rendererUrl: url, hideOnClose: () => !quitting && tray.exists() });
  };
  const run = createCommands({ dispatch, openWindow, quit: () => app.quit() });
  const tray = new TrayService({ run });
  const appMenu = installAppMenu({ run, isDev: !app.isPackaged });

  registerIpc({ dispatch, events: services.events, rendererUrl: url, windows: () => (mainWindow ? [mainWindow] : []) });
  followTimer({
    summary: services.time.summary,
    events: services.events,
    render: (view) => {
      tray.render(view);
      appMenu.update(view);
    },
  });
  openWindow();

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('second-instance', openWindow);
  app.on('activate', openWindow);
  // The timer keeps counting with no window open; only Quit ends the app, unless nothing could reopen it.
  app.on('window-all-closed', () => {
    if (!tray.exists() && process.platform !== 'darwin') app.quit();
  });
  // The Electron end-to-end test reads the tray through this; Electron offers no way to list trays.
  if (process.env.TWOWAY_TEST_HOOKS === '1') Object.assign(globalThis, { twowayTray: () => tray.rendered() });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('twoway: could not start', error);
      app.exit(1);
    });
}
