// The README's way to look around without Electron: `npm run preview:web -- --demo` builds the app, serves it on
// 127.0.0.1 with the sample data and prints the address to open, whose secret the API asks for.
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { cleanCopy, startNpm, stopNpm } from '../support/cleanCopy.ts';

// A clean copy links node_modules, which Windows allows administrators only; the other systems run it.
const onWindows = process.platform === 'win32';
const copy = onWindows ? '' : cleanCopy();
afterAll(() => void (copy && fs.rmSync(copy, { recursive: true, force: true })));

it.skipIf(onWindows)(
  'npm run preview:web -- --demo prints an address that opens Twoway with the sample data',
  async () => {
    const child = startNpm(copy, ['run', 'preview:web', '--', '--demo'], {});
    try {
      let output = '';
      const address = await new Promise<URL>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const printed = /Open (http:\/\/\S+)/.exec(output);
          if (printed) resolve(new URL(printed[1]!));
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('close', (code) => reject(new Error(`preview:web ended with ${code}:\n${output}`)));
      });
      expect(address.hostname).toBe('127.0.0.1');

      const page = await fetch(new URL('/', address));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');

      const secret = address.searchParams.get('secret')!;
      const ask = (headers: Record<string, string>) =>
        fetch(new URL('/api/getAppStatus', address), { method: 'POST', headers, body: '' });
      expect((await ask({})).status).toBe(401);
      const status = (await (await ask({ 'x-twoway-secret': secret })).json()) as {
        ok: boolean;
        value: { host: string; hasData: boolean };
      };
      expect(status).toMatchObject({ ok: true, value: { host: 'browser-preview', hasData: true } });
    } finally {
      await stopNpm(child);
    }
  },
  120_000,
);
