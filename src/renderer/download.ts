// Saves a file main made (CSV, backup) the way the browser saves a download; the desktop app asks where.
import type { Download } from '../shared/contract.ts';

export function saveDownload({ fileName, mimeType, text }: Download): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the blob over; the address can go once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
