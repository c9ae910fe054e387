// Syncing through a folder the person already syncs with another app (Dropbox, iCloud Drive, OneDrive, Nextcloud,
// Syncthing). Each device writes only its own file, `<device id>.automerge`, renamed into place whole; it reads
// every other `.automerge` file it finds, at start, when the folder changes and every few minutes. The providers'
// habits are harmless: a file still being copied does not load and is read again later, a "conflicted copy" is
// one more file to merge, a file read twice merges to nothing new, and a deleted file takes nothing away.
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../core/clock.ts';
import { singleTimer, type Scheduler } from '../scheduler.ts';
import { largestDocument, type SharedDoc } from './sharedDoc.ts';

/** How often the folder is read even when it says nothing changed (some providers do not tell). */
export const folderCheckMs = 3 * 60_000;
/** How soon a file that was still arriving, or a folder that was away, is looked at again. */
const retrySoonMs = 10_000;
/** Changes come in bursts (a sync writes several files): one read after they settle. */
const settleMs = 300;

export interface FolderState {
  /** ok: read and written; waiting: for a file still arriving; unavailable: the folder cannot be used now. */
  state: 'ok' | 'waiting' | 'unavailable';
  message: string | null;
  lastSyncAt: number | null;
  /** When each device's file last brought changes in, by device id. */
  mergedAt: Record<string, number>;
}

export interface FolderSyncDeps {
  doc: SharedDoc;
  folder: string;
  clock: Clock;
  scheduler: Scheduler;
  /** Names a device for a message: "Laptop". */
  nameOf: (device: string) => string;
  onState: (state: FolderState) => void;
}

/** The device a file in the folder came from: its name starts with the device id. */
export function deviceOfFile(name: string): string | null {
  return /^([0-9a-f]{32})[^/]*\.automerge$/.exec(name)?.[1] ?? null;
}

const why = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

export function createFolderSync({ doc, folder, clock, scheduler, nameOf, onState }: FolderSyncDeps) {
  const ownName = `${doc.device}.automerge`;
  /** What each file was when it was last merged: it is read again only once it differs. */
  const merged = new Map<string, string>();
  const state: FolderState = { state: 'ok', message: null, lastSyncAt: null, mergedAt: {} };
  let written = false;
  let watcher: fs.FSWatcher | null = null;
  let stopped = false;
  const settle = singleTimer(scheduler);
  const check = singleTimer(scheduler);

  function tell(next: Partial<FolderState>) {
    Object.assign(state, next);
    onState({ ...state, mergedAt: { ...state.mergedAt } });
  }

  /** This device's file, written beside and renamed into place, so no reader ever sees half of it. */
  function writeOwn(): boolean {
    const temporary = path.join(folder, `.${ownName}.tmp-${process.pid}`);
    try {
      const handle = fs.openSync(temporary, 'w');
      try {
        fs.writeSync(handle, doc.bytes());
        fs.fsyncSync(handle);
      } finally {
        fs.closeSync(handle);
      }
      fs.renameSync(temporary, path.join(folder, ownName));
      written = true;
      return true;
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      written = false;
      tell({
        state: 'unavailable',
        message: `The sync folder cannot be written (${why(error)}); changes wait here and go out once it can.`,
      });
      return false;
    }
  }

  /** Reads every other device's file that changed; says what it waits for. */
  function readOthers(): boolean {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch (error) {
      tell({
        state: 'unavailable',
        message: `The sync folder cannot be read (${why(error)}); Twoway works on alone and tries again.`,
      });
      return false;
    }
    const incomplete: string[] = [];
    for (const name of names) {
      if (name === ownName || name.startsWith('.') || !name.endsWith('.automerge')) continue;
      const file = path.join(folder, name);
      let seen: string;
      let bytes: Uint8Array;
      try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) continue;
        seen = `${stat.size}:${stat.mtimeMs}`;
        if (merged.get(name) === seen) continue;
        if (stat.size > largestDocument) {
          incomplete.push(`${name} is larger than any Twoway document and is not read`);
          merged.set(name, seen);
          continue;
        }
        bytes = fs.readFileSync(file);
      } catch {
        continue; // Gone between the listing and the read: its changes, if any, are merged already.
      }
      const device = deviceOfFile(name);
      try {
        const { sections } = doc.merge(bytes);
        merged.set(name, seen);
        if (sections.size > 0 && device) state.mergedAt[device] = clock.now();
      } catch {
        incomplete.push(device ? `${nameOf(device)}’s changes (the file is still arriving)` : name);
      }
    }
    if (incomplete.length > 0) {
      tell({ state: 'waiting', message: `Waiting for a complete copy of ${incomplete.join(', ')}.` });
      check.arm(run, retrySoonMs);
      return false;
    }
    return true;
  }

  /** A write killed before its rename leaves its temporary file; it never was this device's file, so it goes. */
  function removeUnfinished() {
    try {
      for (const name of fs.readdirSync(folder)) {
        if (name.startsWith(`.${ownName}.tmp-`)) fs.rmSync(path.join(folder, name), { force: true });
      }
    } catch {
      // The folder is not there now: nothing to tidy.
    }
  }

  function run() {
    if (stopped) return;
    // The file may have been deleted meanwhile (by the person, or a provider): then it is written again.
    if (written && !fs.existsSync(path.join(folder, ownName))) written = false;
    const read = readOthers();
    // A folder that cannot be read is not written either: what it said is the news. A merge that brought changes
    // has told the document's listeners, so this device's file is due anyway.
    const wrote = state.state === 'unavailable' && !read ? false : written || writeOwn();
    if (read && wrote) tell({ state: 'ok', message: null, lastSyncAt: clock.now() });
    // A folder away (unmounted, renamed, offline) is looked for again soon, and watched again once it is back.
    if (state.state === 'unavailable') check.arm(run, retrySoonMs);
    else if (state.state !== 'waiting') check.arm(run, folderCheckMs);
    watch();
  }

  /** The folder watched, by its inode: a folder deleted and made again is a new one to watch. */
  let watched: number | null = null;
  function watch() {
    if (stopped) return;
    let inode: number;
    try {
      inode = fs.statSync(folder).ino;
    } catch {
      return; // Not there now: the watch it had may see it come back, and the next check looks again.
    }
    if (watcher && inode === watched) return;
    watcher?.close();
    watched = inode;
    try {
      watcher = fs.watch(folder, () => settle.arm(run, settleMs));
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null; // The folder is not there now: the regular check tries again.
    }
  }

  // Each change goes out at once: the document's bytes are the ones just saved, so this is one write.
  const unsubscribe = doc.onChange(() => {
    written = false;
    if (!stopped && writeOwn() && state.state !== 'waiting')
      tell({ state: 'ok', message: null, lastSyncAt: clock.now() });
  });

  return {
    start() {
      removeUnfinished();
      run();
    },
    /** Reads the folder now rather than at the next check. */
    checkNow: run,
    state: (): FolderState => ({ ...state, mergedAt: { ...state.mergedAt } }),
    stop() {
      stopped = true;
      unsubscribe();
      settle.disarm();
      check.disarm();
      watcher?.close();
      watcher = null;
    },
    /** Takes a device's file out of the folder: the device was removed, its changes stay merged. */
    removeFileOf(device: string) {
      for (const name of fs.readdirSync(folder)) {
        if (deviceOfFile(name) === device) fs.rmSync(path.join(folder, name), { force: true });
      }
    },
  };
}
export type FolderSync = ReturnType<typeof createFolderSync>;
