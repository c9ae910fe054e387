// A small HTTP proxy in front of a real server (the Bluesky reference AppView, PDS or PLC) that applies the
// same faults as the local test servers: the answers are the real server's, the faults are on the wire.
import http from 'node:http';
import type { Socket } from 'node:net';
import { FaultQueue, faultKind, proxyErrorPage, type Fault, type RequestRecord } from '../servers/faults.ts';
import { patchEntry, writeOversized } from '../servers/hostile.ts';

export interface FaultProxyOptions {
  /** Epoch ms, for rate-limit reset headers. */
  now: () => number;
  /** Rewrites every answer's text on its way through (e.g. a DID document's PDS address to another proxy). */
  rewrite?: (text: string) => string;
}

/** The list a page of the XRPC methods Twoway reads carries. */
const pageLists = ['followers', 'follows', 'records', 'profiles'];

let endless = 0;
/** Profiles nobody has seen before, as the AppView would show them. */
const endlessProfiles = (count: number) =>
  Array.from({ length: count }, () => {
    endless += 1;
    return { did: `did:plc:endless${endless}`, handle: `endless${endless}.test`, displayName: `Endless ${endless}` };
  });

function damaged(body: Buffer, fault: Fault | undefined, requestCursor: string | null): Buffer {
  if (!fault) return body;
  if ('malformedJson' in fault) return body.subarray(0, Math.max(1, body.length >> 1));
  if ('entryPatch' in fault) return Buffer.from(JSON.stringify(patchEntry(JSON.parse(body.toString('utf8')), fault)));
  if (!('truncatedPage' in fault) && !('repeatCursor' in fault) && !('endlessPages' in fault)) return body;
  const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if ('endlessPages' in fault) {
    const list = pageLists.find((key) => Array.isArray(json[key]))!;
    json[list] = endlessProfiles(100);
    json.cursor = `endless${endless}`;
  } else if ('truncatedPage' in fault) {
    const list = pageLists.find((key) => Array.isArray(json[key]));
    if (list) json[list] = (json[list] as unknown[]).slice(0, (json[list] as unknown[]).length >> 1);
  } else if (requestCursor) json.cursor = requestCursor;
  return Buffer.from(JSON.stringify(json));
}

export async function startFaultProxy(target: string, { now, rewrite }: FaultProxyOptions) {
  const faults = new FaultQueue();
  const requests: RequestRecord[] = [];
  const sockets = new Set<Socket>();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', target);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      url: url.pathname + url.search,
      token: null,
      at: now(),
      status: null,
    };
    requests.push(record);
    const fault = faults.take(method, url.pathname);
    if (fault) record.fault = faultKind(fault);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);

    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault && 'run' in fault) await fault.run();
    if (res.destroyed || req.socket.destroyed) return;
    if (fault && 'resetConnection' in fault && fault.beforeHandler) return void req.socket.destroy();
    if (fault && 'oversized' in fault) {
      record.status = 200;
      await writeOversized(res, fault.oversized, (bytes) => (record.bytesSent = bytes));
      return;
    }
    if (fault && 'replaceWith' in fault) {
      record.status = 200;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end(JSON.stringify(fault.replaceWith));
    }
    // Each endless page asks the server for its first page again: its cursors are made up.
    if (fault && 'endlessPages' in fault) url.searchParams.delete('cursor');
    if (fault && 'status' in fault) {
      record.status = fault.status;
      if (fault.status === 502 || fault.status === 504) {
        const page = proxyErrorPage(fault.status);
        res.writeHead(fault.status, { 'content-type': page.contentType! });
        return void res.end(page.raw);
      }
      // As the PDS and AppView answer: an XRPC error body, and for 429 the RateLimit-* headers in epoch seconds.
      const limited = fault.status === 429;
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if (limited) {
        Object.assign(headers, {
          'ratelimit-limit': '3000',
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(Math.ceil(now() / 1000) + fault.resetInSeconds),
          'ratelimit-policy': '3000;w=300',
        });
      }
      res.writeHead(fault.status, headers);
      const error = limited ? 'RateLimitExceeded' : 'InternalServerError';
      return void res.end(
        JSON.stringify({ error, message: limited ? 'Rate Limit Exceeded' : 'Internal Server Error' }),
      );
    }

    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (!['host', 'connection', 'content-length'].includes(name) && typeof value === 'string')
        headers.set(name, value);
    }
    const upstream = await fetch(url, {
      method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    let body: Buffer = Buffer.from(await upstream.arrayBuffer());
    if (rewrite) body = Buffer.from(rewrite(body.toString('utf8')));
    if (upstream.ok) body = damaged(body, fault, url.searchParams.get('cursor'));
    const answer: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
        answer[name] = value;
    });
    answer['content-length'] = String(body.length);
    res.writeHead(upstream.status, answer);
    if (fault && 'resetConnection' in fault) {
      return void res.write(body.subarray(0, body.length >> 1), () => req.socket.destroy());
    }
    record.status = upstream.status;
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
