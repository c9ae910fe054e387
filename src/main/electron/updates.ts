// electron-updater adapted to the updater the services drive (services/updates.ts): it reads the
// app-update.yml the build writes (GitHub Releases), downloads in the background and installs on quit too,
// which is safe because quitting turns the running session into an entry. When to check and when a restart
// is allowed are decided in core/updatePolicy.ts.
import electronUpdater from 'electron-updater';
import type { UpdaterEvent } from '../core/desktop/updatePolicy.ts';
import type { Updater } from '../services/updates.ts';

export interface ElectronUpdaterOptions {
  /** Run just before quitting to install: lets the windows close instead of hiding in the tray. */
  beforeRestart: () => void;
}

export function createElectronUpdater({ beforeRestart }: ElectronUpdaterOptions): Updater {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  let report: (event: UpdaterEvent) => void = () => {};

  return {
    check() {
      autoUpdater
        .checkForUpdates()
        .then((result) => {
          // electron-updater answers null, without an event, where this kind of install cannot update itself.
          if (result === null) {
            report({
              type: 'error',
              message: 'this copy of Twoway cannot update itself (on Linux only the AppImage and the .deb can)',
            });
          }
        })
        // A failed check is also emitted as 'error', which reports it.
        .catch(() => undefined);
    },
    restart() {
      beforeRestart();
      // Silent, and started again afterwards: "Restart to update" should not open an installer's pages.
      autoUpdater.quitAndInstall(true, true);
    },
    listen(listener) {
      report = listener;
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', ({ version }) => listener({ type: 'available', version }));
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', ({ percent }) => listener({ type: 'progress', percent }));
      autoUpdater.on('update-downloaded', ({ version }) => listener({ type: 'downloaded', version }));
      autoUpdater.on('error', (error) => listener({ type: 'error', message: error?.message ?? String(error) }));
    },
  };
}
