// This device's own file, `device.json`, never synced: its id (the name of its file in a sync folder and the
// stamp on its edits), the name the person gave it, and how it syncs. Secrets for a server never go here.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SyncTransport } from '../../../shared/devices.ts';
import { deviceNameLimit } from '../../../shared/contract/devices.ts';
import { openStore, type StoreContext } from '../store.ts';

const transportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('folder'), path: z.string().max(4096) }),
  z.object({ kind: z.literal('server'), url: z.string().max(2000), document: z.string().max(200) }),
]);
const deviceSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string().min(1).max(deviceNameLimit),
  sync: transportSchema,
});
export type DeviceFile = z.output<typeof deviceSchema>;

/** This device's file; made (and saved at once, so the id never changes) on the first start. */
export function openThisDevice(context: StoreContext, defaultName: string) {
  let made: DeviceFile | null = null;
  const store = openStore<DeviceFile>(
    {
      name: 'device',
      version: 1,
      schema: deviceSchema,
      initial: () => {
        made = {
          id: randomBytes(16).toString('hex'),
          name: defaultName.trim().slice(0, deviceNameLimit) || 'This computer',
          sync: { kind: 'none' },
        };
        return made;
      },
    },
    context,
  );
  if (made) store.keep(made);
  return {
    get: (): DeviceFile => store.read(),
    rename: (name: string) => store.write({ ...store.read(), name }),
    syncThrough: (sync: SyncTransport) => store.write({ ...store.read(), sync }),
  };
}
export type ThisDevice = ReturnType<typeof openThisDevice>;
