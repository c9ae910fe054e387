import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview } from '../../src/main/preview/host.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

type Preview = Awaited<ReturnType<typeof startPreview>>;
let preview: Preview | undefined;
afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

async function start() {
  const rendererDir = tempDir();
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<html><body><script type="module" src="./app.js"></script></body></html>',
  );
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  const { services, dispatch } = servicesAt(new Date(2026, 10, 25, 9).getTime());
  preview = await startPreview({ dispatch, events: services.events, rendererDir, secret: 's3cret' });
  return { services, port: new URL(preview.origin).port };
}

/** A raw request, so the test controls the Host and Origin headers a browser would not let it forge. */
function request(port: string, pathName: string, headers: Record<string, string> = {}, method = 'GET', body = '') {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathName, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser preview host', () => {
  it('answers the API and the event stream only with the secret', async () => {
    const { port } = await start();
    const refused = await request(port, '/api/getTimer', {}, 'POST');
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Open the address the preview printed: it carries the secret.' },
    });
    expect((await request(port, '/events')).status).toBe(401);
    expect((await request(port, '/?secret=wrong')).status).toBe(401);
  });

  it('serves the page and its files, which hold no data, without the secret', async () => {
    const { port } = await start();
    for (const pathName of ['/', '/app.js', '/preview-bridge.js']) {
      expect((await request(port, pathName)).status, pathName).toBe(200);
    }
  });

  it('refuses a wrong secret of the right length', async () => {
    const { port } = await start();
    expect((await request(port, '/api/getTimer', { 'x-twoway-secret': 's3creT' }, 'POST')).status).toBe(401);
    expect((await request(port, '/events', { 'x-twoway-secret': 's3creT' })).status).toBe(401);
  });

  it('keeps the secret out of cookies, which every server on 127.0.0.1 would receive whatever its port', async () => {
    const { port } = await start();
    const first = await request(port, '/?secret=s3cret');
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    // A cookie holding the secret, as earlier previews set it, opens nothing.
    for (const cookie of [`twoway_preview_${port}=s3cret`, 'twoway_preview=s3cret', 'secret=s3cret']) {
      expect((await request(port, '/api/getTimer', { cookie }, 'POST')).status, cookie).toBe(401);
      expect((await request(port, '/events', { cookie })).status, cookie).toBe(401);
    }
  });

  it('refuses pages of other sites, of other ports on this computer and of sandboxed frames', async () => {
    const { port, services } = await start();
    const auth = { 'x-twoway-secret': 's3cret', 'content-type': 'application/json' };
    for (const origin of ['https://evil.example', 'http://127.0.0.1:8080', 'http://localhost', 'null']) {
      const reply = await request(port, '/api/startSession', { ...auth, origin }, 'POST', '{"kind":"online"}');
      expect(reply.status, origin).toBe(403);
      expect(reply.body).toBe('Requests from other sites are refused.');
    }
    expect(services.time.state().running).toBeNull();
    for (const host of ['localhost.evil.example', `127.0.0.1:${Number(port) + 1}`, `[::1]:${port}`]) {
      expect((await request(port, '/', { host, 'x-twoway-secret': 's3cret' })).status, host).toBe(421);
    }
  });

  it('refuses a foreign Host header and a foreign Origin even with the secret', async () => {
    const { port } = await start();
    expect((await request(port, '/', { host: `evil.example:${port}`, 'x-twoway-secret': 's3cret' })).status).toBe(421);
    const foreign = await request(
      port,
      '/api/getTimer',
      { origin: 'https://evil.example', 'x-twoway-secret': 's3cret' },
      'POST',
    );
    expect(foreign.status).toBe(403);
  });

  it('serves the page with the bridge, which takes the secret from the address into the tab', async () => {
    const { port } = await start();
    const page = await request(port, '/?secret=s3cret');
    expect(page.body).toMatch(
      /<script src="\.\/preview-bridge\.js" data-methods='\[.*"startSession".*\]'><\/script>\s*<script type="module"/,
    );
    const bridge = (await request(port, '/preview-bridge.js')).body;
    expect(bridge).toContain('window.twoway');
    expect(bridge).toContain('sessionStorage');
    expect(bridge).not.toContain('s3cret');
    expect((await request(port, '/../../etc/passwd')).status).toBe(404);
  });

  it('answers API calls with the same typed replies as the Electron shell', async () => {
    const { port } = await start();
    const auth = { 'x-twoway-secret': 's3cret', 'content-type': 'application/json' };
    const ok = await request(port, '/api/startSession', auth, 'POST', JSON.stringify({ kind: 'online' }));
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { running: { kind: 'online' } } });
    const bad = await request(port, '/api/startSession', auth, 'POST', JSON.stringify({ kind: 'nap' }));
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notJson = await request(port, '/api/startSession', auth, 'POST', '{kind:');
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('streams main-process events to the page', async () => {
    const { port, services } = await start();
    const received = await new Promise<string>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/events', headers: { 'x-twoway-secret': 's3cret' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
          if (text.includes('event: timerChanged')) resolve(text);
        });
        services.time.start('offline');
      });
    });
    expect(received).toMatch(/event: timerChanged\ndata: \{"running":\{"kind":"offline"/);
  });
});
