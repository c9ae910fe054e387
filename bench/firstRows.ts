// In Chromium through the browser preview: from a click on Network to the first rows of a 100k list.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { benchServices, line, seedLargeAccount } from './measure.ts';

const now = Date.now();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-bench-'));
{
  const bench = benchServices(now, dataDir);
  seedLargeAccount(bench.app, now, { followers: 1000, following: 100_000, mutual: 0 });
  bench.app.close();
}

const preview = spawn(process.execPath, ['src/main/preview/cli.ts', '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve) => {
  let out = '';
  preview.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /Open (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]!);
  });
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // Timed inside the page, from the click to the first row in the DOM, free of the driver's polling.
    const elapsed = page.evaluate<number>(`new Promise((resolve) => {
      let clickedAt = 0;
      document.addEventListener('click', () => (clickedAt = performance.now()), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (!clickedAt || !document.querySelector('[aria-label="Not following back"] [role="listitem"]')) return;
        observer.disconnect();
        resolve(performance.now() - clickedAt);
      }).observe(document.body, { childList: true, subtree: true });
    })`);
    await page.getByRole('navigation').getByRole('link', { name: 'Network' }).click();
    samples.push(await elapsed);
    await page.close();
  }
  line('first rows of a 100k list in Chromium', samples.sort((a, b) => a - b)[2]!, 'ms', 300);
} finally {
  await browser.close();
  preview.kill('SIGTERM');
  await new Promise((resolve) => preview.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
