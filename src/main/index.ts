// Composition root: the services on the user's data folder, handed to the Electron shell.
import path from 'node:path';
import { app, safeStorage, type BrowserWindow } from 'electron';
import type { Route } from '../shared/routes.ts';
import { awayDetection } from './core/time/awayDetection.ts';
import { systemClock } from './core/clock.ts';
import { startsHidden } from './core/desktop/startAtLogin.ts';
import { trayShows } from './core/desktop/trayAvailability.ts';
import type { UserCommand } from './core/desktop/trayView.ts';
import { closeAction } from './core/desktop/windowClose.ts';
import { installAppMenu } from './electron/appMenu.ts';
import { applyAppIdentity } from './electron/appIdentity.ts';
import { createCommands } from './electron/commands.ts';
import { openElectronFile } from './electron/electronFile.ts';
import { registerIpc } from './electron/ipc.ts';
import { createMainWindow, drawAttention, showWindow } from './electron/mainWindow.ts';
import { followPowerEvents, systemIdleReader } from './electron/powerEvents.ts';
import { showReminderNotifications } from './electron/reminderNotifications.ts';
import { reportPdfSaver } from './electron/reportPdf.ts';
import { rendererUrl, routeUrl, showPage } from './electron/rendererWindow.ts';
import { openSecretStorage } from './electron/secretStorage.ts';
import { openInSystemBrowser } from './electron/systemBrowser.ts';
import { openedAtLogin, systemLoginItem } from './electron/startAtLogin.ts';
import { TrayService, followTimer } from './electron/tray.ts';
import { checkTrayShows } from './electron/trayHost.ts';
import { createTrayPopover } from './electron/trayPopover.ts';
import { createElectronUpdater } from './electron/updates.ts';
import { xArchiveChooser } from './electron/xArchiveDialog.ts';
import { syncFolderChooser } from './electron/syncFolderDialog.ts';
import { createApi } from './services/api.ts';
import { createServices } from './services/app.ts';
import { applyStartAtLogin, reconcileStartAtLogin } from './services/startAtLogin.ts';

// A separate data folder (tests, a second profile) must be set before the single-instance lock, which is per folder.
const userData = process.env.TWOWAY_USER_DATA;
if (userData) app.setPath('userData', path.resolve(userData));
app.enableSandbox();
applyAppIdentity();

async function start() {
  const dataDir = app.getPath('userData');
  // The one locale main writes times and counts in (the tray, notifications, messages): the renderer's too.
  const locale = app.getLocale();
  // The keychain is first asked once the main window is on screen: on macOS that first ask can prompt.
  let windowOnScreen!: () => void;
  const { vault, secretStorage } = openSecretStorage({
    dataDir,
    clock: systemClock,
    safeStorage,
    platform: process.platform,
    until: new Promise<void>((resolve) => (windowOnScreen = resolve)),
  });
  let mainWindow: BrowserWindow | undefined;
  const idleMs = systemIdleReader();
  // Known at once on macOS and Windows; on Linux the session bus answers a moment later (askTray below).
  let trayVisible = trayShows(process.platform, null);
  let quitting = false;
  const loginItem = systemLoginItem();
  const services = createServices({
    dataDir,
    openFile: openElectronFile,
    clock: systemClock,
    host: 'electron',
    locale,
    systemIdleMs: idleMs,
    awayDetection: awayDetection(process.platform, process.env, idleMs !== null),
    trayShows: () => trayVisible,
    vault,
    secretStorage,
    saveReportPdf: (fileName) => reportPdfSaver(() => mainWindow)(fileName),
    openInBrowser: openInSystemBrowser,
    openMainWindow: () => openWindow(),
    chooseXArchive: xArchiveChooser(() => mainWindow),
    chooseSyncFolder: syncFolderChooser(() => mainWindow),
    // Only an installed app has the app-update.yml electron-updater reads; a development build never checks.
    updates: app.isPackaged
      ? {
          source: 'desktop',
          currentVersion: app.getVersion(),
          // Installing quits: the windows must close instead of hiding in the tray.
          updater: createElectronUpdater({ beforeRestart: () => (quitting = true) }),
        }
      : { source: 'development', currentVersion: app.getVersion() },
    applyToSystem: applyStartAtLogin(loginItem),
  });
  const dispatch = createApi(services);
  // A tray icon can come and go while Twoway runs (a panel starting late at login, an extension turned on): asked
  // at start and whenever the window gains focus, which comes before the user closes it.
  const askTray = async () => {
    const shows = await checkTrayShows();
    if (shows === trayVisible) return;
    trayVisible = shows;
    services.statusChanged();
  };
  const firstTrayAnswer = askTray();
  const url = rendererUrl(app.isPackaged);

  // A normal end (quit, shutdown, log-off) turns the running session into an entry; only a crash leaves one.
  let closed = false;
  const closeServices = () => {
    if (closed) return;
    closed = true;
    services.close();
  };

  const openWindow = (route?: Route) => {
    const target = route ? routeUrl(url, route) : url;
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (route) showPage(mainWindow, target);
      return showWindow(mainWindow);
    }
    // Closing hides the window where a tray icon brings it back, and minimizes it elsewhere.
    mainWindow = createMainWindow({
      url: target,
      whenClosed: () => closeAction({ quitting, trayShows: trayVisible, trayExists: tray.exists() }),
      onSessionEnd: closeServices,
    });
    mainWindow.on('focus', () => void askTray());
    mainWindow.once('show', windowOnScreen);
  };
  const popover = createTrayPopover({ rendererUrl: url, trayBounds: () => tray.bounds() });
  const run = createCommands({ dispatch, openWindow, showQuickView: popover.show, quit: () => app.quit() });
  const tray = new TrayService({ run, click: popover.toggle });
  const appMenu = installAppMenu({ run, isDev: !app.isPackaged });

  registerIpc({
    dispatch,
    events: services.events,
    rendererUrl: url,
    windows: () => [mainWindow, popover.window()].filter((window) => window != null),
  });
  followTimer({
    summary: services.time.summary,
    balances: services.accounts.balances,
    catchUp: services.catchUp.summary,
    updates: services.updates.status,
    queue: services.queue.view,
    changes: {
      time: services.time.onTimeChange,
      settings: services.settings.onChange,
      balances: services.accounts.onChange,
      catchUp: services.catchUp.onChange,
      updates: services.updates.onChange,
      queue: services.queue.onChange,
    },
    render: (view) => {
      tray.render(view);
      appMenu.update(view);
    },
    liveTitle: process.platform === 'darwin',
    locale,
  });
  followPowerEvents({ time: services.time, shutdown: closeServices });
  showReminderNotifications({
    onReminder: services.reminders.onChange,
    dispatch,
    current: services.reminders.current,
    openWindow: (route) => openWindow(route),
    showInWindow: () => (mainWindow && !mainWindow.isDestroyed() ? drawAttention(mainWindow) : openWindow()),
  });

  app.on('before-quit', () => {
    quitting = true;
    closeServices();
  });
  app.on('second-instance', () => openWindow());
  app.on('activate', () => openWindow());
  // The timer keeps counting with no window open; only Quit ends the app, unless nothing could reopen it.
  app.on('window-all-closed', () => {
    if (!tray.exists() && process.platform !== 'darwin') app.quit();
  });
  // The Electron end-to-end test reads the tray and runs its commands through these; Electron offers no way to
  // list trays or click their menus.
  if (process.env.TWOWAY_TEST_HOOKS === '1') {
    Object.assign(globalThis, {
      twowayTray: () => tray.rendered(),
      twowayRun: (command: UserCommand) => run(command),
    });
  }

  if (app.isPackaged) reconcileStartAtLogin(loginItem, services.settings);
  // A start at login waits in the tray where one shows: with no window to wait for, the keychain may be asked
  // now. Update checks begin once the app is on screen, so they never slow its start.
  const hidden = await startsHidden({
    argv: process.argv,
    openedAtLogin: openedAtLogin(),
    trayShows: () => firstTrayAnswer.then(() => trayVisible),
  });
  if (hidden) {
    windowOnScreen();
    services.updates.begin();
  } else {
    openWindow();
    mainWindow?.once('show', () => services.updates.begin());
  }
  // Once the window shows, reads which accounts have a saved secret and plans the automatic syncs. If that
  // fails, accounts show as read-only and nothing syncs on its own, but the app stays open.
  await services.start().catch((error: unknown) => {
    console.error('twoway: could not read saved accounts and plan syncs', error);
  });
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
