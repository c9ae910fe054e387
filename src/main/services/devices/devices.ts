// The person's devices: this one's name and what it is timing, the others as the shared document knows them,
// and the transport (a synced folder or a sync server) that carries the document between them. Without one,
// Twoway works alone exactly as before.
import fs from 'node:fs';
import path from 'node:path';
import type { DeviceRow, DevicesView, RunningElsewhere, SyncStatus } from '../../../shared/devices.ts';
import type { TimerState } from '../../../shared/types.ts';
import type { Clock } from '../../core/clock.ts';
import type { Fields } from '../../core/devices/sharedRecord.ts';
import type { EventBus } from '../events.ts';
import { Failure, invalid } from '../failure.ts';
import type { Scheduler } from '../scheduler.ts';
import type { OnChange } from '../listeners.ts';
import { createFolderSync, type FolderState, type FolderSync } from './folderSync.ts';
import type { ServerSync, ServerSyncStatus } from './serverSync.ts';
import { describedBy } from './deviceRecord.ts';
import type { SharedDoc } from './sharedDoc.ts';
import type { ThisDevice } from './thisDevice.ts';

export interface DevicesDeps {
  shared: SharedDoc;
  thisDevice: ThisDevice;
  clock: Clock;
  scheduler: Scheduler;
  events: EventBus;
  dataDir: string;
  timer: { state(): TimerState; onTimerChange: OnChange<TimerState> };
  /** Asks for a folder in the system's dialog (the desktop app): its path, or null; absent in the preview. */
  chooseFolder: (() => Promise<string | null>) | null;
}

const runningOf = (state: TimerState): RunningElsewhere | null =>
  state.running ? { kind: state.running.kind, activity: state.running.activity, start: state.running.start } : null;

const sameRunning = (a: unknown, b: RunningElsewhere | null) => JSON.stringify(a ?? null) === JSON.stringify(b);

export function createDevices({
  shared,
  thisDevice,
  clock,
  scheduler,
  events,
  dataDir,
  timer,
  chooseFolder,
}: DevicesDeps) {
  let folder: FolderSync | null = null;
  let folderState: FolderState | null = null;
  let server: ServerSync | null = null;
  let serverState: ServerSyncStatus | null = null;

  /** This device as the others see it: its name, what it is timing, when it was last here. */
  function publish(running = runningOf(timer.state())) {
    const { id, name } = thisDevice.get();
    const mine = shared.fields('devices').get(id);
    if (mine && mine.name === name && sameRunning(mine.running, running)) return;
    shared.set('devices', [[id, { name, running, seenAt: clock.now() } as unknown as Fields]], clock.now());
  }

  function status(): SyncStatus {
    const transport = thisDevice.get().sync;
    if (transport.kind === 'none') return { transport, state: 'off', message: null, lastSyncAt: null };
    if (transport.kind === 'server') {
      const known = serverState;
      const state = !known
        ? 'waiting'
        : known.state === 'connected'
          ? 'syncing'
          : known.state === 'connecting'
            ? 'waiting'
            : 'unavailable';
      return { transport, state, message: known?.message ?? null, lastSyncAt: known?.lastSyncAt ?? null };
    }
    const known = folderState;
    if (!known) return { transport, state: 'syncing', message: null, lastSyncAt: null };
    return {
      transport,
      state: known.state === 'ok' ? 'syncing' : known.state,
      message: known.message,
      lastSyncAt: known.lastSyncAt,
    };
  }

  function view(): DevicesView {
    const { id, name } = thisDevice.get();
    const rows: DeviceRow[] = [];
    for (const [deviceId, fields] of shared.fields('devices')) {
      const thisOne = deviceId === id;
      rows.push({
        id: deviceId,
        name: thisOne ? name : describedBy(fields).name,
        thisDevice: thisOne,
        running: thisOne ? null : describedBy(fields).running,
        lastSyncAt: thisOne ? null : (folderState?.mergedAt[deviceId] ?? null),
        seenAt: typeof fields.seenAt === 'number' ? fields.seenAt : null,
      });
    }
    rows.sort((a, b) => Number(b.thisDevice) - Number(a.thisDevice) || a.name.localeCompare(b.name));
    return { device: { id, name }, devices: rows, sync: status() };
  }

  const changed = () => {
    const next = view();
    events.emit('devicesChanged', next);
    return next;
  };

  function startTransport() {
    const transport = thisDevice.get().sync;
    if (transport.kind === 'folder') {
      folder = createFolderSync({
        doc: shared,
        folder: transport.path,
        clock,
        scheduler,
        nameOf: (device) => {
          const fields = shared.fields('devices').get(device);
          return fields ? describedBy(fields).name : 'another device';
        },
        onState: (next) => {
          folderState = next;
          changed();
        },
      });
      folder.start();
    }
    if (transport.kind === 'server') {
      connectServer(transport.url, transport.document || undefined).catch((error: unknown) => {
        serverState = {
          state: 'unavailable',
          message: error instanceof Error ? error.message : String(error),
          lastSyncAt: null,
          document: null,
        };
        changed();
      });
    }
  }

  /**
   * Connects to the server (an address or code it refuses throws, and nothing changes); the first device's new
   * code is kept, so the next start joins the same document.
   */
  async function connectServer(url: string, document: string | undefined) {
    // Loaded on first use: most people never sync through a server, and every start would pay for it.
    const { createServerSync } = await import('./serverSync.ts');
    // Its first statuses come while it is being made; `serverState` below takes the latest of them.
    let connecting: ServerSync | null = null;
    connecting = createServerSync({
      doc: shared,
      url,
      document,
      clock,
      onStatus: (next) => {
        if (!connecting || server !== connecting) return;
        serverState = next;
        const sync = thisDevice.get().sync;
        if (next.document && sync.kind === 'server' && sync.document !== next.document) {
          thisDevice.syncThrough({ ...sync, document: next.document });
        }
        changed();
      },
    });
    stopTransport();
    server = connecting;
    serverState = connecting.status();
    return connecting;
  }

  function stopTransport() {
    folder?.stop();
    folder = null;
    folderState = null;
    void server?.stop();
    server = null;
    serverState = null;
  }

  /** A folder Twoway can sync through: there, a folder, writable, and not the data folder itself. */
  function checkedFolder(chosen: string): string {
    if (!path.isAbsolute(chosen)) throw invalid({ path: 'Enter the whole path of the folder, from the top.' });
    const resolved = path.resolve(chosen);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(resolved);
    } catch {
      throw invalid({ path: `There is no folder at ${resolved}.` });
    }
    if (!stat.isDirectory()) throw invalid({ path: `${resolved} is a file, not a folder.` });
    const inside = path.relative(dataDir, resolved);
    if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
      throw invalid({ path: 'Choose a folder outside Twoway’s own data folder.' });
    }
    try {
      fs.accessSync(resolved, fs.constants.W_OK | fs.constants.R_OK);
    } catch {
      throw invalid({ path: `Twoway may not read and write ${resolved}.` });
    }
    return resolved;
  }

  timer.onTimerChange((state) => publish(runningOf(state)));

  return {
    view,
    thisDevice: () => thisDevice.get().id,
    /** Every device's name by id, this one's as named here. */
    names(): Record<string, string> {
      const names: Record<string, string> = {};
      for (const [id, fields] of shared.fields('devices')) names[id] = describedBy(fields).name;
      names[thisDevice.get().id] = thisDevice.get().name;
      return names;
    },
    /** Says this device is here, and starts the chosen transport. */
    start() {
      publish();
      startTransport();
      shared.onMerge(({ sections }) => {
        if (sections.has('devices')) changed();
      });
    },
    close() {
      stopTransport();
      shared.flush();
    },
    rename(name: string): DevicesView {
      thisDevice.rename(name);
      publish();
      return changed();
    },
    async syncThroughFolder(chosen?: string): Promise<DevicesView> {
      let picked = chosen;
      if (picked === undefined) {
        if (!chooseFolder) throw invalid({ path: 'Enter the folder’s path.' });
        picked = (await chooseFolder()) ?? undefined;
        if (picked === undefined) return view();
      }
      const resolved = checkedFolder(picked);
      stopTransport();
      thisDevice.syncThrough({ kind: 'folder', path: resolved });
      startTransport();
      return changed();
    },
    async syncThroughServer(url: string, document?: string): Promise<DevicesView> {
      const connected = await connectServer(url, document || undefined);
      thisDevice.syncThrough({
        kind: 'server',
        url: url.trim(),
        document: connected.status().document ?? document ?? '',
      });
      return changed();
    },
    stopSyncing(): DevicesView {
      stopTransport();
      thisDevice.syncThrough({ kind: 'none' });
      return changed();
    },
    removeDevice(id: string): DevicesView {
      if (id === thisDevice.get().id) {
        throw new Failure('conflict', 'This device cannot remove itself; use Stop syncing here instead.');
      }
      if (!shared.fields('devices').has(id)) throw new Failure('not-found', 'There is no such device.');
      shared.set('devices', [[id, null]], clock.now());
      folder?.removeFileOf(id);
      return changed();
    },
    syncNow(): DevicesView {
      folder?.checkNow();
      return changed();
    },
  };
}
export type Devices = ReturnType<typeof createDevices>;
