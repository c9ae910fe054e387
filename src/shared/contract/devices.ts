// The contract's methods for the person's devices: this device's name, the folder or server they sync through.
import { z } from 'zod';
import type { DevicesView } from '../devices.ts';
import { none } from '../inputs.ts';
import { method } from './method.ts';

export const deviceNameLimit = 60;

export const devicesMethods = {
  getDevices: method<DevicesView>().takes(none),
  renameDevice: method<DevicesView>().takes(
    z
      .object({
        name: z
          .string()
          .trim()
          .min(1, 'A device needs a name.')
          .max(deviceNameLimit, `A device name has at most ${deviceNameLimit} characters.`),
      })
      .strict(),
  ),
  /**
   * Syncs through a folder another app syncs (Dropbox, iCloud Drive, OneDrive, Nextcloud, Syncthing). Without a
   * path the desktop app asks in the system's folder dialog; the browser preview needs the path typed in.
   */
  syncThroughFolder: method<DevicesView>().takes(
    z.object({ path: z.string().trim().min(1, 'Enter the folder’s path.').max(4096).optional() }).strict(),
  ),
  /** Syncs through a sync server; `document` joins the documents another device already keeps there. */
  syncThroughServer: method<DevicesView>().takes(
    z
      .object({
        url: z.string().trim().min(1, 'Enter the server’s address.').max(2000),
        document: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  /** Stops syncing; everything this device holds stays. */
  stopSyncing: method<DevicesView>().takes(none),
  /** Forgets a device that is gone: its changes stay merged, its file leaves the folder. */
  removeDevice: method<DevicesView>().takes(z.object({ id: z.string().min(1).max(64) }).strict()),
  /** Looks for changes now instead of at the next check. */
  syncNow: method<DevicesView>().takes(none),
} as const;
