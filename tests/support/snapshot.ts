import fs from 'node:fs';
import path from 'node:path';
import type { Dispatch } from '../../src/main/services/api.ts';

/**
 * Everything a user could see change: every file in the data folder, byte for byte, and what the app answers
 * for its settings, time, accounts, queue and status. Two equal snapshots mean a refusal changed nothing.
 */
export async function snapshot(dispatch: Dispatch, dataDir: string) {
  const files = Object.fromEntries(
    fs
      .readdirSync(dataDir)
      .sort()
      .filter((name) => fs.statSync(path.join(dataDir, name)).isFile())
      .map((name) => [name, fs.readFileSync(path.join(dataDir, name), 'utf8')]),
  );
  const read = async (method: string, input?: unknown) => dispatch(method, input);
  return {
    files,
    settings: await read('getSettings'),
    timer: await read('getTimer'),
    entries: await read('listEntries', { from: 0, to: Number.MAX_SAFE_INTEGER }),
    balances: await read('listBalances'),
    queue: await read('getQueue'),
    status: await read('getAppStatus'),
  };
}
