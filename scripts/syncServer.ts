// A sync server for the document a person's devices share: it keeps each document it is sent in a folder and
// serves it to any device that asks for it by its id. It announces nothing: a device learns of a document only by
// asking for its id, which the person copies from their other device.
//   npm run sync-server -- --port 3030 --dir ./sync-data [--host 127.0.0.1]
// It listens on this computer only unless --host says otherwise; to reach it from other devices, put a reverse
// proxy in front that terminates TLS (README.md, "Sync server").
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { parseArgs } from 'node:util';
import { Repo, type PeerId } from '@automerge/automerge-repo';
import { WebSocketServerAdapter } from '@automerge/automerge-repo-network-websocket';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';

/** What this script uses of ws's server (ws ships no types of its own). */
interface Sockets {
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer, done: (socket: unknown) => void): void;
  emit(event: 'connection', socket: unknown, request: http.IncomingMessage): boolean;
  close(): void;
}
const { WebSocketServer } = createRequire(import.meta.url)('ws') as {
  WebSocketServer: new (options: { noServer: true; maxPayload: number }) => Sockets;
};

/** The largest message a device may send: a whole document of one person's choices stays far below it. */
const largestMessage = 256 * 1024 * 1024;

const usage = 'Usage: npm run sync-server -- --port 3030 --dir ./sync-data [--host 127.0.0.1]';

function refuse(reason: string): never {
  console.error(`${reason}\n${usage}`);
  process.exit(2);
}

function flags() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, dir: { type: 'string' }, host: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    refuse((error as Error).message);
  }
  const port = values.port === undefined ? 3030 : Number(values.port);
  // 0 asks the system for any free port; the line printed on listening says which.
  if (!/^\d+$/.test(values.port ?? '3030') || !Number.isInteger(port) || port > 65535) {
    refuse(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  if (!values.dir) refuse('--dir is required: the folder the server keeps the documents in.');
  const dir = path.resolve(values.dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    refuse(`--dir ${dir} cannot be used: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') refuse('--host must name an address to listen on, such as 127.0.0.1.');
  return { port, dir, host };
}

const { port, dir, host } = flags();
const sockets = new WebSocketServer({ noServer: true, maxPayload: largestMessage });

/** Told once the repo has its storage id and listens on the sockets: a device that connects sooner is not heard. */
let heard: () => void;
const hearing = new Promise<void>((resolve) => (heard = resolve));
class DeviceSockets extends WebSocketServerAdapter {
  override connect(...args: Parameters<WebSocketServerAdapter['connect']>) {
    super.connect(...args);
    heard();
  }
}

const repo = new Repo({
  network: [new DeviceSockets(sockets)],
  storage: new NodeFSStorageAdapter(dir),
  peerId: `twoway-sync-server-${process.pid}` as PeerId,
  // Serves any document a device asks for by id, and announces none: no device hears of another's documents.
  shareConfig: { announce: async () => false, access: async () => true },
});

const server = http.createServer((_request, response) => {
  response.writeHead(426, { 'content-type': 'text/plain; charset=utf-8', upgrade: 'websocket' });
  response.end('This is a Twoway sync server: Twoway connects to it with wss://.\n');
});
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (device) => sockets.emit('connection', device, request));
});
server.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? `port ${port} on ${host} is in use by another program; choose another with --port`
      : error.code === 'EADDRNOTAVAIL'
        ? `${host} is not an address of this computer`
        : error.message;
  console.error(`Twoway sync server could not start: ${reason}.`);
  process.exit(1);
});
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  try {
    // Whatever devices sent last is on disk before the process ends.
    await repo.flush();
    await repo.shutdown();
  } catch (error) {
    console.error(`Twoway sync server: saving on ${signal} failed: ${String(error)}`);
  }
  sockets.close();
  server.closeAllConnections();
  server.close(() => {
    console.log('Twoway sync server stopped');
    process.exit(0);
  });
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await hearing;
server.listen(port, host, () => {
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`Twoway sync server listening on ws://${shown}:${listening}, documents in ${dir}`);
});
