// Loaded into Electron's installer (`node --import`) by ensureElectron.ts: reports each request the installer
// makes, and why one failed, as JSON lines on file descriptor 3. For a host it cannot reach the installer itself
// prints only "fetch failed"; the start script needs the address and the cause to say what went wrong.
import fs from 'node:fs';
import { describeError, type InstallerRequest } from './electronInstall.ts';

const report = (request: InstallerRequest) => fs.writeSync(3, `${JSON.stringify(request)}\n`);
const fetchAsShipped = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  try {
    const response = await fetchAsShipped(input, init);
    report({ url, status: response.status, statusText: response.statusText });
    return response;
  } catch (error) {
    report({ url, error: describeError(error) });
    throw error;
  }
};
