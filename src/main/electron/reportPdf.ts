// The report as a PDF: Chromium's print of the window (the print stylesheet lays it out), saved where the
// user chooses.
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

export function reportPdfSaver(window: () => BrowserWindow | undefined) {
  return async (fileName: string): Promise<string | null> => {
    const target = window();
    if (!target || target.isDestroyed()) throw new Error('The report window is closed.');
    const { canceled, filePath } = await dialog.showSaveDialog(target, {
      defaultPath: path.join(app.getPath('documents'), fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (canceled || !filePath) return null;
    const pdf = await target.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    await fs.writeFile(filePath, pdf);
    return filePath;
  };
}
