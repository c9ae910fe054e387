// The contract's methods for the app as a whole: status and notices, settings, the main window, backups, updates.
import { z } from 'zod';
import { none, settingsPatch } from '../inputs.ts';
import type { AppStatus, Settings } from '../types.ts';
import type { UpdateStatus } from '../updates.ts';
import { method } from './method.ts';

/** A file main made for the user to save: CSV, backup. */
export interface Download {
  fileName: string;
  mimeType: string;
  text: string;
}

/** What restoring a backup would do (or did), section by section. */
export interface RestoreSummary {
  createdAt: number;
  sections: { name: string; added: number; changed: number; skipped: number }[];
}
const backupText = z
  .string()
  .min(1, 'This backup file is empty.')
  .max(140_000_000, 'This file is larger than 140 MB: larger than any Twoway backup.');

export const appMethods = {
  getAppStatus: method<AppStatus>().takes(none),
  dismissNotice: method<AppStatus>().takes(z.object({ id: z.string().min(1) }).strict()),
  loadDemo: method<AppStatus>().takes(none),

  getSettings: method<Settings>().takes(none),
  updateSettings: method<Settings>().takes(settingsPatch),

  /** Shows the main window from the quick view; false where the page must go there itself (the preview). */
  openMainWindow: method<boolean>().takes(none),
  exportBackup: method<Download>().takes(none),
  previewRestore: method<RestoreSummary>().takes(z.object({ text: backupText }).strict()),
  restoreBackup: method<RestoreSummary>().takes(z.object({ text: backupText }).strict()),

  getUpdates: method<UpdateStatus>().takes(none),
  /** Checks GitHub Releases now, whatever the automatic-check setting says; the result arrives as events. */
  checkForUpdatesNow: method<UpdateStatus>().takes(none),
  /** Installs the downloaded update: `now` is refused while a session runs; see core/updatePolicy.ts. */
  restartToUpdate: method<UpdateStatus>().takes(
    z.object({ when: z.enum(['now', 'ending-session', 'when-session-stops']) }).strict(),
  ),
  cancelRestartToUpdate: method<UpdateStatus>().takes(none),
} as const;
