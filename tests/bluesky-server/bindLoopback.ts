// Makes every TCP server in this process listen on 127.0.0.1 unless its caller named a host.
// The atproto servers call `app.listen(port)`, which would otherwise bind all interfaces.
import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

type Listen = (this: net.Server, ...args: unknown[]) => net.Server;

const isPort = (value: unknown): boolean =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));

/** Rewrites the arguments of `server.listen(...)` so that a TCP listen without a host gets the loopback host. */
export function withLoopbackHost(args: unknown[]): unknown[] {
  const [first, second] = args;
  // listen() or listen(callback): an ephemeral port.
  if (first === undefined || first === null || typeof first === 'function') {
    return [0, LOOPBACK, ...args.slice(first === undefined || first === null ? 1 : 0)];
  }
  // listen(port[, backlog][, callback]): insert the host after the port.
  if (isPort(first)) {
    return typeof second === 'string' ? args : [first, LOOPBACK, ...args.slice(1)];
  }
  // listen({ port, ... }[, callback]); leave pipes, handles and file descriptors alone.
  if (typeof first === 'object') {
    const options = first as Record<string, unknown>;
    const isTcp = options.path === undefined && options.fd === undefined && options.handle === undefined;
    const isHandle = '_handle' in options;
    if (isTcp && !isHandle && options.host === undefined) {
      return [{ ...options, host: LOOPBACK }, ...args.slice(1)];
    }
  }
  return args;
}

let installed = false;

/** Patches net.Server (and so http.Server, express, ws) once for this process. */
export function bindServersToLoopback(): void {
  if (installed) return;
  installed = true;
  const original = net.Server.prototype.listen as unknown as Listen;
  const patched: Listen = function (this: net.Server, ...args: unknown[]) {
    return original.apply(this, withLoopbackHost(args));
  };
  net.Server.prototype.listen = patched as unknown as typeof net.Server.prototype.listen;
}
