// The store engine inside Electron: electron-store, which writes the same files as conf in plain Node.
import Store from 'electron-store';
import type { OpenRawFile } from '../services/store.ts';

export const openElectronFile: OpenRawFile = (dataDir, name) =>
  new Store<Record<string, unknown>>({
    cwd: dataDir,
    name,
    // A broken file is the store's to move aside and report, never to silently empty.
    clearInvalidConfig: false,
    // Our keys are whole documents; a dot in one must not turn into nesting.
    accessPropertiesByDotNotation: false,
    // Compact, like conf in plain Node: a large follower list parses faster without indentation.
    serialize: (value) => JSON.stringify(value),
  });
