/**
 * Shared plumbing for the local test servers (Mastodon, X): fault injection, a fixed-window rate limiter, the
 * request log and a small HTTP harness on node:http that listens on 127.0.0.1 only, on a random port.
 *
 * Faults are pushed by the test and consumed by the next matching request (matched by method and path prefix).
 * Each applies once unless `times` is given. See tests/servers/README.md for what each one does on the wire.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { hostileKind, patchEntry, writeOversized, type HostileFault } from './hostile.ts';

/** What every fault may carry: which requests it matches, how often it fires, and an optional delay first. */
export interface FaultMatch {
  /** Path prefix to match, e.g. '/api/v1/accounts/1/followers'. Default: every path. The query is not matched. */
  path?: string;
  /** HTTP method to match (case-insensitive). Default: any method. */
  method?: string;
  /** How many matching requests this fault applies to. Default 1. */
  times?: number;
  /** Wait this long before answering (combine with another effect, or use alone for a slow answer / timeout). */
  delayMs?: number;
  /** Let this many matching requests through untouched first (e.g. 1 to hit the second page of a list). */
  after?: number;
}

export type Fault = FaultMatch &
  (
    | { status: 500 | 502 | 503 | 504; body?: string | Record<string, unknown> }
    | { status: 429; resetInSeconds: number }
    | { delayMs: number }
    | { resetConnection: true; beforeHandler?: boolean }
    | { malformedJson: true }
    | { truncatedPage: true }
    | { repeatCursor: true }
    /** Something happens on the server just before it answers this request (an account deleted mid-sync). */
    | { run: () => void | Promise<void> }
    /** A server that lies about its data or sends without end (hostile.ts). */
    | HostileFault
  );

export type StatusFault = Extract<Fault, { status: number }>;

/** A short name for a fault, for the request log. */
export function faultKind(fault: Fault): string {
  if ('status' in fault) return `status:${fault.status}`;
  if ('resetConnection' in fault) return fault.beforeHandler ? 'resetConnection:beforeHandler' : 'resetConnection';
  if ('malformedJson' in fault) return 'malformedJson';
  if ('truncatedPage' in fault) return 'truncatedPage';
  if ('repeatCursor' in fault) return 'repeatCursor';
  if ('run' in fault) return 'run';
  return hostileKind(fault) ?? 'delay';
}

export class FaultQueue {
  #rules: { fault: Fault; left: number; passes: number }[] = [];
  /** Every fault that fired, in order, with the request it fired on. */
  readonly fired: { method: string; path: string; fault: Fault }[] = [];

  push(...faults: Fault[]): void {
    for (const fault of faults) {
      this.#rules.push({ fault, left: Math.max(1, fault.times ?? 1), passes: fault.after ?? 0 });
    }
  }

  /** Takes the first fault that matches this request, counting one use of it. */
  take(method: string, path: string): Fault | undefined {
    const index = this.#rules.findIndex(
      ({ fault }) =>
        (fault.method === undefined || fault.method.toUpperCase() === method.toUpperCase()) &&
        (fault.path === undefined || path.startsWith(fault.path)),
    );
    if (index < 0) return undefined;
    const rule = this.#rules[index]!;
    if (rule.passes > 0) {
      rule.passes -= 1;
      return undefined;
    }
    rule.left -= 1;
    if (rule.left <= 0) this.#rules.splice(index, 1);
    this.fired.push({ method, path, fault: rule.fault });
    return rule.fault;
  }

  /** Faults not yet used up. */
  get pending(): readonly Fault[] {
    return this.#rules.map((rule) => rule.fault);
  }

  clear(): void {
    this.#rules = [];
  }
}

export interface RateLimitConfig {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

export interface RateLimitHit {
  limit: number;
  remaining: number;
  /** Epoch ms at which the current window ends. */
  resetMs: number;
  exceeded: boolean;
}

/**
 * Fixed-window counters keyed by token, IP or token+endpoint. `aligned` windows start at multiples of the
 * window length since the epoch (as Rack::Attack does for Mastodon); unaligned windows start at the first
 * request after the previous window ended (as X's 15-minute windows appear to clients).
 */
export class FixedWindowLimiter {
  #windows = new Map<string, { start: number; count: number }>();
  #aligned: boolean;

  constructor(aligned: boolean) {
    this.#aligned = aligned;
  }

  hit(key: string, config: RateLimitConfig, nowMs: number): RateLimitHit {
    const windowMs = config.windowSeconds * 1000;
    let window = this.#windows.get(key);
    if (!window || nowMs >= window.start + windowMs || nowMs < window.start) {
      const start = this.#aligned ? Math.floor(nowMs / windowMs) * windowMs : nowMs;
      window = { start, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return {
      limit: config.limit,
      remaining: Math.max(0, config.limit - window.count),
      resetMs: window.start + windowMs,
      exceeded: window.count > config.limit,
    };
  }

  reset(): void {
    this.#windows.clear();
  }
}

/** One entry of a server's request log (`state.requests`). */
export interface RequestRecord {
  method: string;
  path: string;
  /** Query parameters; a key given more than once (e.g. `id[]`) maps to an array. */
  query: Record<string, string | string[]>;
  /** Path and query as sent. */
  url: string;
  /** The bearer token sent, if any (valid or not). */
  token: string | null;
  /** Epoch ms by the server's clock when the request arrived. */
  at: number;
  /** Status answered; null when the connection was reset or the server closed first. */
  status: number | null;
  /** The fault applied to this request, if any. */
  fault?: string;
  /** Bytes of an oversized answer written before the client hung up. */
  bytesSent?: number;
}

export interface TestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Host header as sent (used to build absolute links "with the same host as the request"). */
  host: string;
  ip: string;
  token: string | null;
  body: string;
  /** The fault that matched this request, for handlers that apply page-level faults themselves. */
  fault: Fault | undefined;
}

export interface TestReply {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless `raw` is given. */
  json?: unknown;
  raw?: string;
  contentType?: string;
}

export interface HarnessOptions {
  faults: FaultQueue;
  requests: RequestRecord[];
  now: () => number;
  handle: (request: TestRequest) => TestReply;
  /** The answer for a status fault (5xx, or 429 with the server's own rate-limit headers). */
  statusFaultReply: (request: TestRequest, fault: StatusFault) => TestReply;
}

export interface Harness {
  url: string;
  close: () => Promise<void>;
}

function bearer(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return match ? match[1]!.trim() : null;
}

function queryRecord(query: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

function serialize(reply: TestReply): { body: Buffer; contentType: string } {
  if (reply.raw !== undefined) {
    return { body: Buffer.from(reply.raw), contentType: reply.contentType ?? 'text/plain; charset=utf-8' };
  }
  if (reply.json === undefined) return { body: Buffer.alloc(0), contentType: reply.contentType ?? 'text/plain' };
  return {
    body: Buffer.from(JSON.stringify(reply.json)),
    contentType: reply.contentType ?? 'application/json; charset=utf-8',
  };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://test.invalid');
        const method = (req.method ?? 'GET').toUpperCase();
        const token = bearer(req.headers);
        const record: RequestRecord = {
          method,
          path: url.pathname,
          query: queryRecord(url.searchParams),
          url: url.pathname + url.search,
          token,
          at: options.now(),
          status: null,
        };
        options.requests.push(record);
        const fault = options.faults.take(method, url.pathname);
        if (fault) record.fault = faultKind(fault);
        const request: TestRequest = {
          method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          host: req.headers.host ?? 'localhost',
          ip: req.socket.remoteAddress ?? '127.0.0.1',
          token,
          body: Buffer.concat(chunks).toString('utf8'),
          fault,
        };

        if (fault?.delayMs) await sleep(fault.delayMs);
        if (fault && 'run' in fault) await fault.run();
        if (closed) return;
        if (fault && 'resetConnection' in fault && fault.beforeHandler) {
          req.socket.destroy();
          return;
        }
        // A status fault answers in place of the server (as a proxy or an overloaded worker would): no state change.
        let reply = fault && 'status' in fault ? options.statusFaultReply(request, fault) : options.handle(request);
        if (fault && 'oversized' in fault) {
          record.status = 200;
          await writeOversized(res, fault.oversized, (bytes) => (record.bytesSent = bytes));
          return;
        }
        if (fault && 'replaceWith' in fault) reply = { status: 200, headers: reply.headers, json: fault.replaceWith };
        if (fault && 'entryPatch' in fault) reply = { ...reply, json: patchEntry(reply.json, fault) };
        const serialized = serialize(reply);
        const contentType = serialized.contentType;
        let body = serialized.body;
        if (fault && 'malformedJson' in fault) {
          body = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
        }
        const headers = { ...reply.headers, 'content-type': contentType, 'content-length': String(body.length) };
        if (res.destroyed || req.socket.destroyed) return; // the client gave up (e.g. timed out); the work is done
        if (fault && 'resetConnection' in fault) {
          res.writeHead(reply.status, headers);
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
          return;
        }
        record.status = reply.status;
        res.writeHead(reply.status, headers);
        res.end(body);
      })().catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`test server error: ${String(error)}`);
        }
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('test server has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads a form-encoded or JSON request body into flat string/boolean values (enough for follow options). */
export function parseBody(request: TestRequest): Record<string, unknown> {
  if (!request.body) return {};
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(request.body);
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(request.body));
}

/** Rails-style boolean: true, "true", "1", "on" (case-insensitive). */
export function truthy(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  return ['true', '1', 'on', 't'].includes(String(value).toLowerCase());
}

/** An HTML error page as a reverse proxy sends for 502/504 (not JSON: apps must not assume JSON errors). */
export function proxyErrorPage(status: number): TestReply {
  const text = status === 504 ? '504 Gateway Time-out' : '502 Bad Gateway';
  return {
    status,
    raw: `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    contentType: 'text/html',
  };
}
