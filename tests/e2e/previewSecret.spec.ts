// The preview's secret stays with its own tab: another server on 127.0.0.1 (another port, which cookies do not
// tell apart) receives it in no request, and a page it serves can neither read the preview nor act through it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './preview.ts';

/** What a page from another local port tries against the preview, reported back as JSON. */
const probe = (target: string) => `<!doctype html><title>elsewhere</title><script>
(async () => {
  const tries = {};
  const attempt = async (name, run) => { try { tries[name] = await run(); } catch (error) { tries[name] = 'refused: ' + error.name; } };
  await attempt('read', () => fetch('${target}/api/getSettings', { method: 'POST', credentials: 'include', body: '' }).then((r) => r.text()));
  await attempt('act', () => fetch('${target}/api/startSession', { method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'content-type': 'text/plain' }, body: '{"kind":"online"}' }).then((r) => 'opaque ' + r.type));
  await attempt('events', () => fetch('${target}/events', { credentials: 'include' }).then((r) => r.status));
  tries.cookie = document.cookie;
  tries.stored = JSON.stringify(sessionStorage);
  await fetch('/report', { method: 'POST', body: JSON.stringify(tries) });
})();
</script>`;

test('a page from another port on this computer neither receives nor uses the preview’s secret', async ({
  page,
  preview,
}) => {
  const secret = new URL(preview.url).searchParams.get('secret')!;
  const target = new URL(preview.url).origin;
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page).not.toHaveURL(/secret/);
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Network' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
  await expect(page.getByRole('button', { name: 'Add account' }).first()).toBeVisible();

  const heard: string[] = [];
  let report: (tries: Record<string, string>) => void = () => undefined;
  const reported = new Promise<Record<string, string>>((resolve) => (report = resolve));
  const elsewhere = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      heard.push(JSON.stringify(req.headers), req.url ?? '', body);
      if (req.url === '/report') report(JSON.parse(body) as Record<string, string>);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.url === '/report' ? '' : probe(target));
    });
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  try {
    const other = await page.context().newPage();
    await other.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
    const tries = await reported;

    expect(heard.join('\n')).not.toContain(secret);
    expect(tries.read).toMatch(/^refused/);
    expect(tries.events).toMatch(/^refused/);
    expect(tries.cookie).toBe('');
    expect(tries.stored).toBe('{}');
    // A tab opened on the preview without the printed address says what it needs.
    await other.goto(`${target}/#/network`);
    await expect(other.getByRole('alert')).toHaveText('Open the address the preview printed: it carries the secret.');
    // The preview's own tab still works, and nothing was started from elsewhere.
    const timer = await page.evaluate(() =>
      (globalThis as unknown as { twoway: { getTimer(): Promise<unknown> } }).twoway.getTimer(),
    );
    expect(timer).toMatchObject({ ok: true, value: { running: null } });
  } finally {
    // close() waits for every open connection, and the browser may keep one alive (a favicon's) for as long as it
    // likes: end them, so the server closes now.
    elsewhere.closeAllConnections();
    await new Promise((resolve) => elsewhere.close(resolve));
  }
});
