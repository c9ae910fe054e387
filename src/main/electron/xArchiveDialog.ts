// The system's open dialog for the X archive: the zip, or the .js files of its data folder (the lists come in
// parts, so several files at once). Its answer goes straight to the import in main and never to a window.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

export function xArchiveChooser(window: () => BrowserWindow | undefined) {
  return async (): Promise<string[] | null> => {
    const options: OpenDialogOptions = {
      title: 'Choose your X archive',
      buttonLabel: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'X archive (.zip, or follower.js and following.js)', extensions: ['zip', 'js'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const parent = window();
    const { canceled, filePaths } =
      parent && !parent.isDestroyed()
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
    return canceled || filePaths.length === 0 ? null : filePaths;
  };
}
