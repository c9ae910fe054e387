// The system's folder dialog for Settings → Devices: the folder another app syncs, for Twoway to sync through.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

export function syncFolderChooser(window: () => BrowserWindow | undefined) {
  return async (): Promise<string | null> => {
    const options: OpenDialogOptions = {
      title: 'Choose a folder your devices sync',
      message: 'A folder in Dropbox, iCloud Drive, OneDrive, Nextcloud or Syncthing, on every device.',
      buttonLabel: 'Sync through this folder',
      properties: ['openDirectory', 'createDirectory'],
    };
    const parent = window();
    const { canceled, filePaths } =
      parent && !parent.isDestroyed()
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  };
}
