// Two devices syncing through the real sync server (scripts/syncServer.ts, started as `npm run sync-server` does)
// over real sockets: the first device's code brings the second its document, changes cross both ways, a server
// that is down is reported and harms nothing, and a server restarted on the same folder still has the document.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo, generateAutomergeUrl } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { manualClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openSharedDoc } from '../../src/main/services/devices/sharedDoc.ts';
import { createServerSync, type ServerSyncStatus } from '../../src/main/services/devices/serverSync.ts';
import { tempDir } from '../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** What `npm run sync-server` runs (package.json). */
const serverScript = path.join(root, 'scripts/syncServer.ts');
/** How long a change may take to reach the other device before the test says it did not. */
const deadlineMs = 10_000;
/** Devices try again quickly here, so a restarted server is found in a moment. */
const retryInterval = 200;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface RunningServer {
  port: number;
  url: string;
  output: () => string;
  stop: () => Promise<number | null>;
}

async function startServer(dir: string, port = 0): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [serverScript, '--port', String(port), '--dir', dir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  cleanups.push(async () => void (await stop()));
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sync server did not start:\n${output}`)), deadlineMs);
    child.stdout!.on('data', () => {
      const found = /listening on ws:\/\/127\.0\.0\.1:(\d+), documents in (.+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        expect(found[2]!.trim()).toBe(dir);
        resolve(Number(found[1]));
      }
    });
    void exited.then((code) => reject(new Error(`the sync server ended (${code}) before listening:\n${output}`)));
  });
  return { port: listening, url: `ws://127.0.0.1:${listening}`, output: () => output, stop };
}

function openDevice(name: string) {
  const clock = manualClock(Date.UTC(2026, 11, 2, 9));
  const context = { dataDir: tempDir(), openFile: openConfFile, clock, onNotice: () => {}, onSaved: () => {} };
  return { name, clock, context, doc: openSharedDoc({ context, device: name }) };
}
type Device = ReturnType<typeof openDevice>;

function connect(device: Device, url: string, document?: string) {
  const statuses: ServerSyncStatus[] = [];
  const sync = createServerSync({
    doc: device.doc,
    url,
    document,
    clock: device.clock,
    onStatus: (status) => statuses.push(status),
    retryInterval,
  });
  cleanups.push(() => sync.stop());
  return { sync, statuses, last: () => statuses.at(-1)! };
}

/** Waits until `check` holds, and fails saying what never happened. */
async function until(what: string, check: () => boolean): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > deadlineMs) throw new Error(`${what} did not happen within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - start;
}

const entry = (device: Device, key: string) => device.doc.fields('entries').get(key);

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('syncing through the sync server', { timeout: 40_000 }, () => {
  it('brings the first device’s document to the second by its code, and each one’s changes to the other', async () => {
    const server = await startServer(tempDir());
    const a = openDevice('device-a');
    const b = openDevice('device-b');
    a.doc.set('entries', [['before', { text: 'written before syncing' }]], a.clock.now());

    const first = connect(a, server.url);
    const code = first.sync.status().document;
    expect(code).toMatch(/^automerge:/);
    await until('device A being up to date with the server', () => first.last().lastSyncAt !== null);
    expect(first.last()).toMatchObject({ state: 'connected', message: null, lastSyncAt: a.clock.now() });

    const second = connect(b, server.url, code!);
    await until('device B fetching the document', () => entry(b, 'before') !== undefined);
    expect(entry(b, 'before')).toEqual({ text: 'written before syncing' });
    await until('device B being connected', () => second.last().state === 'connected');
    expect(second.last().document).toBe(code);

    a.clock.advance(60_000);
    a.doc.set('entries', [['call', { text: 'call Ana' }]], a.clock.now());
    const latency = await until('A’s change reaching B', () => entry(b, 'call') !== undefined);
    console.log(`sync server: a change reached the other device in ${Math.round(latency)} ms`);
    expect(entry(b, 'call')).toEqual({ text: 'call Ana' });

    b.clock.advance(120_000);
    b.doc.set('entries', [['call', { text: 'call Ana on Friday' }]], b.clock.now());
    await until('B’s change reaching A', () => entry(a, 'call')?.text === 'call Ana on Friday');
    await until('device B being up to date with the server', () => second.last().lastSyncAt === b.clock.now());

    // What arrived was saved on the device: the app opens it from its own folder after a restart.
    const reopened = openSharedDoc({ context: b.context, device: 'device-b' });
    expect(reopened.fields('entries').get('call')).toEqual({ text: 'call Ana on Friday' });
  });

  it('says the server cannot be reached when it is down, and changes made meanwhile stay here', async () => {
    const a = openDevice('device-a');
    const url = `ws://127.0.0.1:${await freePort()}`;
    const first = connect(a, url);
    await until('an unavailable status', () => first.last().state === 'unavailable');
    expect(first.last().message).toMatch(
      new RegExp(`^Twoway cannot reach the sync server at 127\\.0\\.0\\.1:\\d+ \\(ECONNREFUSED\\)`),
    );
    expect(first.last().lastSyncAt).toBeNull();

    expect(a.doc.set('entries', [['offline', { text: 'written offline' }]], a.clock.now())).toBe(true);
    expect(entry(a, 'offline')).toEqual({ text: 'written offline' });

    const b = openDevice('device-b');
    const second = connect(b, url, first.sync.status().document!);
    await until('an unavailable status on the second device', () => second.last().state === 'unavailable');
    expect(second.last().message).toMatch(/^Twoway cannot reach the sync server at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    await first.sync.stop();
    await second.sync.stop();
  });

  it('says so when the address asks for TLS of a server that has none, and nothing throws', async () => {
    const server = await startServer(tempDir());
    const a = openDevice('device-a');
    const first = connect(a, server.url.replace('ws://', 'wss://'));
    await until('an unavailable status', () => first.last().state === 'unavailable');
    expect(first.last().message).toMatch(/^Twoway cannot reach the sync server at 127\.0\.0\.1:\d+ \(\w+/);
  });

  it('says so when the server has no document under the code', async () => {
    const server = await startServer(tempDir());
    const b = openDevice('device-b');
    const second = connect(b, server.url, generateAutomergeUrl());
    await until('an unavailable status', () => second.last().state === 'unavailable');
    expect(second.last().message).toBe('The server has no such document: check the code from your other device.');
  });

  it('takes nothing from a document under the code that is not a Twoway document', async () => {
    const server = await startServer(tempDir());
    // Another program's document on the same server.
    const other = new Repo({ network: [new WebSocketClientAdapter(server.url, retryInterval)] });
    cleanups.push(() => other.shutdown());
    const foreign = other.create({ entries: 'not a map', note: 'from another program' });
    await until('the server holding the other document', () =>
      other.peers.some((peer) => {
        const storage = other.getStorageIdOfPeer(peer);
        return storage !== undefined && foreign.getSyncInfo(storage) !== undefined;
      }),
    );

    const b = openDevice('device-b');
    b.doc.set('entries', [['mine', { text: 'my own' }]], b.clock.now());
    const second = connect(b, server.url, foreign.url);
    await until('an unavailable status', () => second.last().state === 'unavailable');
    expect(second.last().message).toBe(
      'The document under this code is not a Twoway document: check the code from your other device.',
    );
    expect([...b.doc.fields('entries')]).toEqual([['mine', { text: 'my own' }]]);
  });

  it('refuses an address that is not encrypted unless it is this computer, and a code that is not one', () => {
    const a = openDevice('device-a');
    const options = { doc: a.doc, clock: a.clock, onStatus: () => {} };
    expect(() => createServerSync({ ...options, url: 'ws://sync.example.com' })).toThrow(
      'Use wss:// so the connection is encrypted; ws:// is only for this computer.',
    );
    expect(() => createServerSync({ ...options, url: 'https://sync.example.com' })).toThrow(
      'A sync server address begins with wss://.',
    );
    expect(() => createServerSync({ ...options, url: 'wss://sync.example.com', document: 'hello' })).toThrow(
      'This is not a sync code: copy it again from your other device.',
    );
  });

  it('keeps the document across a restart of the server on the same folder, and devices reconnect by themselves', async () => {
    const dir = tempDir();
    const server = await startServer(dir);
    const a = openDevice('device-a');
    const b = openDevice('device-b');
    const first = connect(a, server.url);
    a.doc.set('entries', [['kept', { text: 'kept by the server' }]], a.clock.now());
    await until('device A being up to date with the server', () => first.last().lastSyncAt === a.clock.now());
    const code = first.sync.status().document!;
    await first.sync.stop();
    expect(await server.stop()).toBe(0);

    // Only the server's folder holds the document now: B gets it from the restarted server.
    const restarted = await startServer(dir, server.port);
    const second = connect(b, restarted.url, code);
    await until('device B fetching the document from the restarted server', () => entry(b, 'kept') !== undefined);

    const again = connect(a, restarted.url, code);
    await until('device A being connected again', () => again.last().state === 'connected');

    expect(await restarted.stop()).toBe(0);
    await until('device B noticing the server went away', () => second.last().state !== 'connected');
    const third = await startServer(dir, server.port);
    expect(third.port).toBe(server.port);

    b.clock.advance(60_000);
    b.doc.set('entries', [['after', { text: 'written after the restart' }]], b.clock.now());
    await until('B’s change reaching A through the restarted server', () => entry(a, 'after') !== undefined);
    expect(second.statuses.some((status) => status.state === 'connecting')).toBe(true);
    expect(second.last().state).toBe('connected');
  });
});
