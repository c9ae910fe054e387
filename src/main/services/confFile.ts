// The store engine outside Electron (tests, browser preview): conf, the engine electron-store is built on.
import Conf from 'conf';
import type { OpenRawFile } from './store.ts';

export const openConfFile: OpenRawFile = (dataDir, name) =>
  new Conf<Record<string, unknown>>({
    projectName: 'twoway',
    cwd: dataDir,
    configName: name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    // Compact: these are the app's files, and a large follower list parses faster without indentation.
    serialize: (value) => JSON.stringify(value),
  });
