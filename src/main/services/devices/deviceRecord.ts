// What a device says of itself in the shared document (its name, what it is timing), as another device reads it:
// checked, since it comes from a file or server this device does not control.
import { z } from 'zod';
import { deviceNameLimit } from '../../../shared/contract/devices.ts';
import type { RunningElsewhere } from '../../../shared/devices.ts';
import { offlineActivities, onlineActivities } from '../../../shared/types.ts';
import type { Fields } from '../../core/devices/sharedRecord.ts';

const runningSchema = z.object({
  kind: z.enum(['online', 'offline']),
  activity: z.enum([...onlineActivities, ...offlineActivities]),
  start: z.number().finite(),
});

/** What another device says of itself, checked: a name cut to a device name's length, a running session or none. */
export function describedBy(fields: Fields): { name: string; running: RunningElsewhere | null } {
  const name =
    typeof fields.name === 'string' ? fields.name.replace(/\p{C}/gu, '').trim().slice(0, deviceNameLimit) : '';
  const running = runningSchema.safeParse(fields.running);
  return { name: name || 'A device', running: running.success ? running.data : null };
}
