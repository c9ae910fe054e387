import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  installerEnvironment,
  installerReason,
  installFailure,
  nextStep,
  rerunCommand,
  type ElectronOnDisk,
} from '../../scripts/electronInstall.ts';

const installed: ElectronOnDisk = {
  version: '45.5.0',
  platform: 'linux',
  distVersion: '45.5.0',
  pathTxt: 'electron',
  executableExists: true,
};

/** A port on 127.0.0.1 that nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = http.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('whether npm start must download Electron first', () => {
  it('starts when the binary of this version is installed for this platform', () => {
    expect(nextStep(installed)).toEqual({ kind: 'start' });
    expect(nextStep({ ...installed, platform: 'darwin', pathTxt: 'Electron.app/Contents/MacOS/Electron' })).toEqual({
      kind: 'start',
    });
  });

  it('downloads when the binary is missing, of another version, or left by another platform', () => {
    const missing = { version: '45.5.0', platform: 'linux', executableExists: false };
    expect(nextStep(missing)).toEqual({ kind: 'download' });
    expect(nextStep({ ...installed, distVersion: '44.1.0' })).toEqual({ kind: 'download' });
    expect(nextStep({ ...installed, pathTxt: 'electron.exe' })).toEqual({ kind: 'download' });
    expect(nextStep({ ...installed, executableExists: false })).toEqual({ kind: 'download' });
  });

  it('starts the Electron that ELECTRON_EXEC_PATH names without downloading, and refuses one that is not there', () => {
    const missing = { version: '45.5.0', platform: 'linux', executableExists: false };
    expect(nextStep({ ...missing, own: { path: '/opt/electron/electron', exists: true } })).toEqual({ kind: 'start' });
    const refused = nextStep({ ...missing, own: { path: '/opt/electron/electron', exists: false } });
    expect(refused).toMatchObject({ kind: 'refuse' });
    expect(refused.kind === 'refuse' && refused.message).toContain('ELECTRON_EXEC_PATH names /opt/electron/electron');
  });
});

describe("Electron's installer behind a proxy", () => {
  it('is told to use the proxy the user set, and left alone without one', () => {
    expect(installerEnvironment({ HTTPS_PROXY: 'http://proxy:3128' }).ELECTRON_GET_USE_PROXY).toBe('1');
    expect(installerEnvironment({ http_proxy: 'http://proxy:3128' }).ELECTRON_GET_USE_PROXY).toBe('1');
    expect(installerEnvironment({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin' });
  });
});

describe('the message when the download fails', () => {
  it('names the cause of a failed connection, not just "fetch failed"', async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((caught: unknown) => caught);
    expect(describeError(error)).toBe(`fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('is one paragraph with the address, the error, the variables that help and the browser preview', () => {
    const url = 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip';
    const message = installFailure({
      version: '45.5.0',
      requests: [{ url, error: 'fetch failed: getaddrinfo ENOTFOUND github.com' }],
      reason: 'fetch failed',
      rerun: 'npm start',
    });
    expect(message).not.toContain('\n');
    expect(message).toContain(`Downloading ${url} failed: fetch failed: getaddrinfo ENOTFOUND github.com.`);
    for (const help of ['npm start again', 'ELECTRON_MIRROR', 'HTTPS_PROXY', 'HTTP_PROXY', 'electron_config_cache']) {
      expect(message).toContain(help);
    }
    expect(message).toContain('`npm run preview:web`');
  });

  it("gives the server's answer, the proxy it went through, or the installer's reason", () => {
    const zip = 'http://mirror.test/v45.5.0/electron-v45.5.0-linux-x64.zip';
    const shasums = 'http://mirror.test/v45.5.0/SHASUMS256.txt';
    const base = { version: '45.5.0', reason: 'unused', rerun: 'npm run dev' };
    expect(installFailure({ ...base, requests: [{ url: zip, status: 404, statusText: 'Not Found' }] })).toContain(
      `Downloading ${zip} failed: the server answered 404 Not Found.`,
    );
    expect(
      installFailure({
        ...base,
        proxy: 'http://proxy.test:3128',
        requests: [{ url: zip, status: 407, statusText: 'Proxy Authentication Required' }],
      }),
    ).toContain(`Downloading ${zip} through the proxy http://proxy.test:3128 failed: the server answered 407`);
    const mismatch = installerReason(
      'Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.\n    at x',
    );
    expect(
      installFailure({
        ...base,
        reason: mismatch,
        requests: [
          { url: zip, status: 200, statusText: 'OK' },
          { url: shasums, status: 200, statusText: 'OK' },
        ],
      }),
    ).toContain(
      `It downloaded ${zip}, then installing failed: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.`,
    );
    expect(installFailure({ ...base, reason: 'EACCES: permission denied', requests: [] })).toContain(
      'Its installer failed before downloading anything: EACCES: permission denied.',
    );
  });

  it('tells the user to run again the command they ran', () => {
    expect(rerunCommand('start')).toBe('npm start');
    expect(rerunCommand('dev')).toBe('npm run dev');
    expect(rerunCommand(undefined)).toBe('npm start');
  });
});
