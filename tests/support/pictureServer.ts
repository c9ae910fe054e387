// A web server on 127.0.0.1 that serves people's pictures as a CDN would, and some that are not what they claim:
// an HTML page called .png, a picture over 1 MB, a redirect to a private address, a 404. It counts every request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The smallest PNG there is: one transparent pixel. */
export const pixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export async function startPictureServer() {
  const hits = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.endsWith('/ok.png')) return response.writeHead(200, { 'content-type': 'image/png' }).end(pixelPng);
    if (path === '/page.png') return response.writeHead(200, { 'content-type': 'image/png' }).end('<html>hi</html>');
    if (path === '/big.png') {
      // No length announced: the reading itself must stop.
      response.writeHead(200, { 'content-type': 'image/png' });
      response.write(pixelPng);
      response.end(Buffer.alloc(1024 * 1024 + 10));
      return;
    }
    if (path === '/inside.png') return response.writeHead(302, { location: 'http://10.0.0.1/x.png' }).end();
    if (path === '/moved.png') return response.writeHead(301, { location: '/a/ok.png' }).end();
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits: (path: string) => hits.get(path) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
