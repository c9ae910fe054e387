// A web server on 127.0.0.1 only, for the moment a sign-in waits for the browser to come back with its answer
// (RFC 8252's loopback redirect). It answers GETs with the Host it was given; what to answer is the caller's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackAnswer {
  status: number;
  html: string;
}

export interface LoopbackListener {
  /** The port the system gave it. */
  port: number;
  close(): Promise<void>;
}

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // The address carries the code: no link or resource on the page may pass it on.
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'",
  // One answer per connection: once the sign-in is over, nothing is left open that could still be asked.
  connection: 'close',
};

/**
 * Listens on 127.0.0.1 at `port` (0: any free one). `answer` gets each request's path and query; a request for
 * another Host (a page rebinding a name to 127.0.0.1) or with another method is refused before it is asked.
 */
export async function listenOnLoopback(
  port: number,
  answer: (target: string) => LoopbackAnswer,
): Promise<LoopbackListener> {
  let bound = port;
  const server = http.createServer((request, response) => {
    const refuse = (status: number, text: string) => {
      response.writeHead(status, { ...pageHeaders, 'content-type': 'text/plain; charset=utf-8' });
      response.end(text);
    };
    if (request.headers.host !== `127.0.0.1:${bound}`) return refuse(421, 'Twoway answers only on 127.0.0.1.');
    if (request.method !== 'GET') return refuse(405, 'Method not allowed.');
    const { status, html } = answer(request.url ?? '/');
    response.writeHead(status, pageHeaders);
    response.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The browser keeps its connection open; the page it was shown is complete.
        server.closeIdleConnections();
      }),
  };
}
