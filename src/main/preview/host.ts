// The browser preview host: the built renderer and the same API as the Electron shell, on 127.0.0.1 only.
// Every request needs a local Host; the API and the event stream also need the per-run secret in a header, which
// the page keeps in its tab (bridge.js). Never in a cookie: a cookie for 127.0.0.1 goes to every port there.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { methodNames } from '../../shared/contract.ts';
import type { Dispatch } from '../services/api.ts';
import type { EventBus } from '../services/events.ts';

export interface PreviewOptions {
  dispatch: Dispatch;
  events: EventBus;
  rendererDir: string;
  port?: number;
  secret?: string;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const bridgeSource = fs.readFileSync(new URL('./bridge.js', import.meta.url), 'utf8');
// The largest input the contract takes (an X archive, a backup) is 140 million characters.
const maxBody = 150_000_000;
const noSecret = 'Open the address the preview printed: it carries the secret.';

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > maxBody) reject(new Error('too large'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export async function startPreview({
  dispatch,
  events,
  rendererDir,
  port = 0,
  secret = randomBytes(24).toString('hex'),
}: PreviewOptions) {
  let origin = '';
  const streams = new Set<http.ServerResponse>();
  const stopListening = events.listen((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer) {
    response.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // The first address carries the secret: no link or request may pass it on.
      'referrer-policy': 'no-referrer',
    });
    response.end(body);
  }

  function page(): string {
    const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
    const tag = `<script src="./preview-bridge.js" data-methods='${JSON.stringify(methodNames)}'></script>`;
    return html.replace('<script', `${tag}\n    <script`);
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const host = request.headers.host ?? '';
    const local = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!local.includes(host)) return send(response, 421, 'text/plain', 'Twoway preview answers only on 127.0.0.1.');
    const requestOrigin = request.headers.origin;
    if (requestOrigin && !local.some((allowed) => requestOrigin === `http://${allowed}`)) {
      return send(response, 403, 'text/plain', 'Requests from other sites are refused.');
    }
    const url = new URL(request.url ?? '/', origin);
    const fromUrl = url.searchParams.get('secret');
    if (fromUrl !== null && !sameSecret(fromUrl, secret)) return send(response, 401, 'text/plain', noSecret);
    const guarded = url.pathname.startsWith('/api/') || url.pathname === '/events';
    if (guarded && !sameSecret(request.headers['x-twoway-secret']?.toString(), secret)) {
      const body = { ok: false, error: { code: 'unavailable', message: noSecret } };
      return send(response, 401, 'application/json', JSON.stringify(body));
    }

    if (url.pathname.startsWith('/api/') && request.method === 'POST') {
      const body = await readBody(request);
      let input: unknown;
      try {
        input = body === '' ? undefined : JSON.parse(body);
      } catch {
        return send(
          response,
          400,
          'application/json',
          JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'The request body is not JSON.' } }),
        );
      }
      const reply = await dispatch(url.pathname.slice('/api/'.length), input);
      return send(response, 200, 'application/json', JSON.stringify(reply));
    }
    if (url.pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(`retry: 1000\n\n`);
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') return send(response, 200, types['.html']!, page());
    if (url.pathname === '/preview-bridge.js') return send(response, 200, types['.js']!, bridgeSource);

    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(response, 404, 'text/plain', 'Not found.');
    }
    return send(response, 200, types[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => send(response, 400, 'text/plain', 'Bad request.'));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?secret=${secret}`,
    origin,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        stopListening();
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
