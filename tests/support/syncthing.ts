// Two real Syncthing instances on 127.0.0.1 sharing one folder between two directories, for tests that prove
// what the app writes in one place shows up in the other. Nothing leaves the machine: no discovery, no relays,
// no NAT, no usage or crash reports, no upgrades; each instance knows the other by device ID, one of them dialing
// the other's static address.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const syncthingBinary = '/usr/bin/syncthing';

/** Why the Syncthing tests cannot run here, or undefined when they can. */
export const syncthingMissing = fs.existsSync(syncthingBinary)
  ? undefined
  : `${syncthingBinary} is not installed (apt-get install syncthing)`;

const folderId = 'twoway';

export interface SyncthingPair {
  /** Resolves once both instances have scanned, each has pulled all it needs, and each knows the other has too. */
  waitUntilIdle(timeoutMs?: number): Promise<void>;
  /** Ends both instances and removes their home folders. */
  stop(): Promise<void>;
}

interface Instance {
  name: string;
  home: string;
  id: string;
  guiPort: number;
  syncPort: number;
  apiKey: string;
  process?: ChildProcess;
  log: string;
}

/** Starts two instances sharing one folder, at folderA and folderB, and resolves once they are connected. */
export async function startSyncthingPair(options: {
  folderA: string;
  folderB: string;
  timeoutMs?: number;
}): Promise<SyncthingPair> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const a = await prepare('a');
  const b = await prepare('b');
  // Only a dials: when both dial at once, each instance can wait 20 s on the other's Hello and start over.
  writeConfig(a, b, options.folderA, true);
  writeConfig(b, a, options.folderB, false);
  const pair = [a, b];
  for (const instance of pair) launch(instance);
  const stop = async () => {
    await Promise.all(pair.map(end));
    for (const instance of pair) fs.rmSync(instance.home, { recursive: true, force: true });
  };
  try {
    await until(timeoutMs, 'both instances to connect to each other', pair, async () => {
      const [fromA, fromB] = await Promise.all([
        rest(a, `/rest/system/connections`).catch(() => undefined),
        rest(b, `/rest/system/connections`).catch(() => undefined),
      ]);
      return Boolean(fromA?.connections?.[b.id]?.connected && fromB?.connections?.[a.id]?.connected);
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async waitUntilIdle(idleTimeoutMs = 60_000) {
      // A scan asked for over REST returns once it is done, so files written just before are counted.
      await Promise.all(pair.map((instance) => rest(instance, `/rest/db/scan?folder=${folderId}`, 'POST')));
      await until(idleTimeoutMs, 'both folders to be scanned and in sync', pair, async () => {
        const states = await Promise.all([
          rest(a, `/rest/db/status?folder=${folderId}`),
          rest(b, `/rest/db/status?folder=${folderId}`),
          rest(a, `/rest/db/completion?folder=${folderId}&device=${b.id}`),
          rest(b, `/rest/db/completion?folder=${folderId}&device=${a.id}`),
        ]);
        const [statusA, statusB, bSeenFromA, aSeenFromB] = states;
        return (
          statusA.state === 'idle' &&
          statusB.state === 'idle' &&
          statusA.needTotalItems === 0 &&
          statusB.needTotalItems === 0 &&
          statusA.globalFiles === statusB.globalFiles &&
          bSeenFromA.completion === 100 &&
          aSeenFromB.completion === 100
        );
      });
    },
    stop,
  };
}

async function prepare(name: string): Promise<Instance> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `twoway-syncthing-${name}-`));
  execFileSync(syncthingBinary, ['generate', `--home=${home}`, '--no-default-folder'], { stdio: 'ignore' });
  const id = execFileSync(syncthingBinary, ['serve', `--home=${home}`, '--device-id'], { encoding: 'utf8' }).trim();
  const apiKey = `twoway-test-${name}-${process.pid}-${Date.now()}`;
  return { name, home, id, guiPort: await freePort(), syncPort: await freePort(), apiKey, log: '' };
}

/**
 * Replaces the generated config with one of our own: loopback only, the peer known (at its static address where
 * this instance dials it), the one shared folder.
 */
function writeConfig(self: Instance, peer: Instance, folder: string, dials: boolean): void {
  const peerAddress = dials ? `tcp://127.0.0.1:${peer.syncPort}` : 'dynamic';
  const xml = `<configuration version="36">
  <device id="${self.id}" name="${self.name}"><address>dynamic</address></device>
  <device id="${peer.id}" name="${peer.name}"><address>${peerAddress}</address></device>
  <folder id="${folderId}" label="Twoway" path="${escape(folder)}" type="sendreceive"
          rescanIntervalS="5" fsWatcherEnabled="true" fsWatcherDelayS="1">
    <device id="${self.id}"></device>
    <device id="${peer.id}"></device>
  </folder>
  <gui enabled="true" tls="false">
    <address>127.0.0.1:${self.guiPort}</address>
    <apikey>${self.apiKey}</apikey>
  </gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.syncPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <startBrowser>false</startBrowser>
    <urAccepted>-1</urAccepted>
    <crashReportingEnabled>false</crashReportingEnabled>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <!-- Lowering its priority also moves the syncing process out of the group that stop() ends. -->
    <setLowPriority>false</setLowPriority>
  </options>
</configuration>
`;
  fs.writeFileSync(path.join(self.home, 'config.xml'), xml);
}

// Instances still running (process group and home), ended when this process exits without stop() being called.
const running = new Map<number, string>();
process.on('exit', () => {
  for (const [group, home] of running) {
    killGroup(group, 'SIGKILL');
    fs.rmSync(home, { recursive: true, force: true });
  }
});

function launch(instance: Instance): void {
  // A process group of its own, so that stopping it ends the syncing process that this one (a monitor) starts.
  const child = spawn(
    syncthingBinary,
    ['serve', `--home=${instance.home}`, '--no-browser', '--no-restart', '--no-upgrade'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, STNORESTART: '1', STNOUPGRADE: '1' } },
  );
  instance.process = child;
  running.set(child.pid!, instance.home);
  const keep = (chunk: Buffer) => (instance.log = (instance.log + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', () => running.delete(child.pid!));
}

async function end(instance: Instance): Promise<void> {
  const child = instance.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid!, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 5_000);
  await ended;
  clearTimeout(timer);
  killGroup(child.pid!, 'SIGKILL'); // anything left in its group
}

function killGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // The group has already gone.
  }
}

// Syncthing's REST answers are loosely shaped JSON; the callers read the few fields they need.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rest(instance: Instance, route: string, method = 'GET'): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${instance.guiPort}${route}`, {
    method,
    headers: { 'X-API-Key': instance.apiKey },
  });
  if (!response.ok) throw new Error(`syncthing ${instance.name}: ${method} ${route} answered ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

async function until(timeoutMs: number, what: string, pair: Instance[], check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = pair.find((i) => i.process?.exitCode != null || i.process?.signalCode != null);
    if (exited) throw new Error(`syncthing ${exited.name} exited while waiting for ${what}:\n${exited.log}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const logs = pair.map((i) => `--- syncthing ${i.name}:\n${i.log}`).join('\n');
      throw new Error(`Waited ${timeoutMs / 1000} s for ${what}.\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
