// The start chain as a user on a fresh checkout meets it: `npm start` without Electron's binary downloads it once
// from ELECTRON_MIRROR (here a server on 127.0.0.1 with the stand-in's zip and its SHASUMS256.txt), installs it,
// builds the app and starts Electron on the built app; later starts download nothing. When the download fails,
// one paragraph says what failed and what helps, and nothing starts.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanCopy, npm } from '../support/cleanCopy.ts';
import { readStandInStarts, standInZip } from '../support/standInElectron.ts';

const root = path.resolve(import.meta.dirname, '../..');
const version = (
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const zipPath = `/v${version}/${zipName}`;
const shasumsPath = `/v${version}/SHASUMS256.txt`;
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

interface Server {
  url: string;
  port: number;
  /** Each request's path (or, for a proxy, its CONNECT target), in order. */
  requests: string[];
  close(): Promise<void>;
}

async function listen(server: http.Server, requests: string[]): Promise<Server> {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${port}/`, port, requests, close };
}

/** A mirror of Electron's releases holding the stand-in, with the checksums it publishes. */
function mirror(shasums: (sha256: string) => string): Promise<Server> {
  const zip = standInZip(version);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url!);
    if (request.url === zipPath) response.writeHead(200, { 'content-type': 'application/zip' }).end(zip.bytes);
    else if (request.url === shasumsPath) response.writeHead(200).end(shasums(zip.sha256));
    else response.writeHead(404).end();
  });
  return listen(server, requests);
}

const publishedChecksums = (sha256: string) => `${sha256} *${zipName}\n${'0'.repeat(64)} *SHASUMS256.txt\n`;

function cspOf(html: string): string | undefined {
  return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
}

describe.skipIf(process.platform !== 'linux')('the start chain (the stand-in Electron is a Linux build)', () => {
  describe('on a checkout without the Electron binary', () => {
    let copy: string;
    let server: Server;
    let env: NodeJS.ProcessEnv;
    let log: string;
    const electronDir = () => path.join(copy, 'node_modules/electron');

    beforeAll(async () => {
      copy = cleanCopy();
      made.push(copy);
      server = await mirror(publishedChecksums);
      log = path.join(copy, '..', `${path.basename(copy)}-starts.jsonl`);
      made.push(log);
      env = {
        ELECTRON_MIRROR: server.url,
        electron_use_remote_checksums: '1',
        electron_config_cache: path.join(copy, '.electron-cache'),
        TWOWAY_STAND_IN_LOG: log,
      };
    });
    afterAll(() => server.close());

    it('npm start downloads Electron once from ELECTRON_MIRROR, checks it, builds the app and opens the build', async () => {
      const run = await npm(copy, ['start'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(server.requests).toEqual([zipPath, shasumsPath]);
      expect(run.stdout).toContain(`Electron ${version} installed from ${server.url.slice(0, -1)}${zipPath} in`);

      expect(fs.statSync(path.join(electronDir(), 'dist/electron')).mode & 0o777).toBe(0o755);
      expect(fs.readFileSync(path.join(electronDir(), 'path.txt'), 'utf8')).toBe('electron');
      expect(fs.readFileSync(path.join(electronDir(), 'dist/version'), 'utf8')).toBe(version);

      // electron-vite starts Electron on '.', in the project: Electron runs package.json's main, the built app.
      expect(readStandInStarts(log)).toEqual([{ argv: ['.'], cwd: copy }]);
      const { main } = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8')) as { main: string };
      expect(path.resolve(copy, main)).toBe(path.join(copy, 'out/main/index.js'));
      expect(fs.existsSync(path.join(copy, 'out/main/index.js'))).toBe(true);
      const source = fs.readFileSync(path.join(copy, 'src/renderer/index.html'), 'utf8');
      const built = fs.readFileSync(path.join(copy, 'out/renderer/index.html'), 'utf8');
      expect(cspOf(built)).toBe(cspOf(source));
    }, 120_000);

    it('a second npm start opens the app without downloading again', async () => {
      const run = await npm(copy, ['start'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(server.requests).toEqual([zipPath, shasumsPath]);
      expect(run.stdout).not.toContain('downloading');
      expect(readStandInStarts(log)).toEqual([
        { argv: ['.'], cwd: copy },
        { argv: ['.'], cwd: copy },
      ]);
    }, 120_000);

    it('npm run dev starts the installed Electron on the dev build without downloading', async () => {
      fs.rmSync(path.join(copy, 'out'), { recursive: true });
      const run = await npm(copy, ['run', 'dev'], env);
      expect(run.code, run.stderr).toBe(0);
      expect(server.requests).toEqual([zipPath, shasumsPath]);
      expect(readStandInStarts(log).at(-1)).toEqual({ argv: ['.'], cwd: copy });
      expect(fs.existsSync(path.join(copy, 'out/main/index.js'))).toBe(true);
    }, 120_000);
  });

  describe('when the download fails, npm start says why in one paragraph and exits non-zero', () => {
    let copy: string;
    let log: string;

    beforeAll(() => {
      copy = cleanCopy();
      made.push(copy);
      log = path.join(copy, '..', `${path.basename(copy)}-starts.jsonl`);
      made.push(log);
    });

    /** The paragraph, after checking that the start stopped before anything was installed, built or started. */
    async function failedStart(env: NodeJS.ProcessEnv): Promise<string> {
      const cache = path.join(copy, '.electron-cache');
      const run = await npm(copy, ['start'], { electron_config_cache: cache, TWOWAY_STAND_IN_LOG: log, ...env });
      expect(run.code).not.toBe(0);
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);
      expect(fs.existsSync(path.join(copy, 'node_modules/electron/path.txt'))).toBe(false);
      expect(fs.existsSync(path.join(copy, 'out'))).toBe(false);
      expect(readStandInStarts(log)).toEqual([]);
      const paragraph = run.stderr.split('\n').filter((line) => line.startsWith('Twoway cannot open'));
      expect(paragraph, run.stderr).toHaveLength(1);
      for (const help of ['ELECTRON_MIRROR', 'HTTPS_PROXY', 'HTTP_PROXY', 'electron_config_cache']) {
        expect(paragraph[0]).toContain(help);
      }
      expect(paragraph[0]).toContain('`npm run preview:web` opens Twoway in your browser');
      return paragraph[0]!;
    }

    it('names the address and the refused connection when the mirror is unreachable', async () => {
      const closed = await mirror(publishedChecksums);
      await closed.close();
      const paragraph = await failedStart({ ELECTRON_MIRROR: closed.url });
      expect(paragraph).toContain(
        `Downloading ${closed.url.slice(0, -1)}${zipPath} failed: fetch failed: connect ECONNREFUSED 127.0.0.1:${closed.port}.`,
      );
    }, 60_000);

    it("gives the mirror's answer when it lacks this Electron", async () => {
      const requests: string[] = [];
      const lacking = http.createServer((request, response) => {
        requests.push(request.url!);
        response.writeHead(404).end();
      });
      const empty = await listen(lacking, requests);
      const paragraph = await failedStart({ ELECTRON_MIRROR: empty.url });
      await empty.close();
      expect(empty.requests).toEqual([zipPath]);
      expect(paragraph).toContain(
        `Downloading ${empty.url.slice(0, -1)}${zipPath} failed: the server answered 404 Not Found.`,
      );
    }, 60_000);

    it('installs nothing from a download that does not match the published checksum', async () => {
      const altered = await mirror(() => `${'1'.repeat(64)} *${zipName}\n`);
      const paragraph = await failedStart({ ELECTRON_MIRROR: altered.url, electron_use_remote_checksums: '1' });
      await altered.close();
      expect(altered.requests).toEqual([zipPath, shasumsPath]);
      expect(paragraph).toContain(
        `It downloaded ${altered.url.slice(0, -1)}${zipPath}, then installing failed: Generated checksum for "${zipName}" did not match expected checksum.`,
      );
    }, 60_000);

    it('goes through the proxy in HTTP_PROXY and names it when the proxy refuses', async () => {
      const origin = await mirror(publishedChecksums);
      const requests: string[] = [];
      const refusing = http.createServer();
      refusing.on('connect', (request: http.IncomingMessage, socket: Duplex) => {
        requests.push(request.url!);
        socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
      });
      const proxy = await listen(refusing, requests);
      const paragraph = await failedStart({ ELECTRON_MIRROR: origin.url, HTTP_PROXY: proxy.url.slice(0, -1) });
      await Promise.all([proxy.close(), origin.close()]);
      expect(proxy.requests).toEqual([`127.0.0.1:${origin.port}`]);
      expect(origin.requests).toEqual([]);
      expect(paragraph).toContain(`through the proxy ${proxy.url.slice(0, -1)} failed:`);
      expect(paragraph).toContain('407');
    }, 60_000);
  });
});
