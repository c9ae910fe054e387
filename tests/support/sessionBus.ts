// A private D-Bus session bus for tests (Debian's dbus-daemon), and a client that owns a name on it: just enough
// of the wire protocol (EXTERNAL auth, Hello, RequestName) to stand where a desktop's tray host would.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach } from 'vitest';
import { tempDir } from './tempDir.ts';

const running: (ChildProcess | net.Socket)[] = [];
afterEach(() => {
  for (const part of running.splice(0)) {
    if (part instanceof net.Socket) part.destroy();
    else part.kill();
  }
});

/** Why the bus tests cannot run here, or null when dbus-daemon and gdbus are installed. */
export function sessionBusMissing(): string | null {
  for (const tool of ['dbus-daemon', 'gdbus']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (Debian: apt-get install dbus libglib2.0-bin)`;
    }
  }
  return null;
}

/** Starts a session bus on a socket in a temporary folder; stopped after the test. Resolves with its address. */
export async function startSessionBus(): Promise<string> {
  const socket = path.join(tempDir(), 'bus');
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${socket}`], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  running.push(daemon);
  const lines = readline.createInterface({ input: daemon.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('dbus-daemon ended before printing its address');
  return first.value as string;
}

class Message {
  readonly bytes: number[] = [];
  pad(to: number) {
    while (this.bytes.length % to) this.bytes.push(0);
  }
  byte(value: number) {
    this.bytes.push(value);
  }
  uint32(value: number) {
    this.pad(4);
    this.bytes.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
  }
  string(value: string) {
    const utf8 = Buffer.from(value, 'utf8');
    this.uint32(utf8.length);
    this.bytes.push(...utf8, 0);
  }
  signature(value: string) {
    this.bytes.push(value.length, ...Buffer.from(value, 'ascii'), 0);
  }
}

/** A method call to the bus itself, little-endian, with string and uint32 arguments. */
function busCall(serial: number, member: string, args: (string | number)[]): Buffer {
  const body = new Message();
  for (const arg of args) {
    if (typeof arg === 'string') body.string(arg);
    else body.uint32(arg);
  }
  const bodySignature = args.map((arg) => (typeof arg === 'string' ? 's' : 'u')).join('');
  const head = new Message();
  head.bytes.push('l'.charCodeAt(0), 1, 0, 1);
  head.uint32(body.bytes.length);
  head.uint32(serial);
  head.uint32(0); // the header fields' length, set below
  const fields: [number, string, string][] = [
    [1, 'o', '/org/freedesktop/DBus'],
    [2, 's', 'org.freedesktop.DBus'],
    [3, 's', member],
    [6, 's', 'org.freedesktop.DBus'],
  ];
  if (bodySignature) fields.push([8, 'g', bodySignature]);
  for (const [code, type, value] of fields) {
    head.pad(8);
    head.byte(code);
    head.signature(type);
    if (type === 'g') head.signature(value);
    else head.string(value);
  }
  const fieldsLength = head.bytes.length - 16;
  head.bytes.splice(12, 4, fieldsLength & 0xff, (fieldsLength >>> 8) & 0xff, 0, 0);
  head.pad(8);
  return Buffer.from([...head.bytes, ...body.bytes]);
}

/** Connects to the bus at `address` and asks for `name`; the name is released when the test ends. */
export async function ownName(address: string, name: string): Promise<void> {
  const socketPath = /unix:path=([^,]+)/.exec(address)?.[1];
  if (!socketPath) throw new Error(`not a unix socket address: ${address}`);
  const client = net.createConnection(socketPath);
  running.push(client);
  await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('error', reject));
  const uid = Buffer.from(String(os.userInfo().uid), 'ascii').toString('hex');
  client.write(`\0AUTH EXTERNAL ${uid}\r\n`);
  const reply = await new Promise<string>((resolve) => client.once('data', (data) => resolve(data.toString())));
  if (!reply.startsWith('OK ')) throw new Error(`the bus refused the login: ${reply.trim()}`);
  client.write('BEGIN\r\n');
  client.write(Buffer.concat([busCall(1, 'Hello', []), busCall(2, 'RequestName', [name, 4])]));
  // gdbus returns once the bus names an owner: no guessing how long the request takes.
  await new Promise<void>((resolve, reject) => {
    const wait = spawn('gdbus', ['wait', '--address', address, '--timeout', '5', name], { stdio: 'ignore' });
    wait.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} never appeared on the bus`))));
  });
}
