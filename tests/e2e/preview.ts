// Starts the real browser preview (built renderer + real services on a temp data dir) for each test.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runZone } from './afternoon.ts';

export interface Preview {
  url: string;
  dataDir: string;
}

async function startPreview(dataDir: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['src/main/preview/cli.ts', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: runZone() },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)));
  });
  return { child, url };
}

/** Files put in the data folder before the preview starts; a function is asked then (times relative to the start). */
export type DataFiles = Record<string, string | (() => string)>;

export const test = base.extend<{ files: DataFiles; demo: boolean; preview: Preview }>({
  files: [{}, { option: true }],
  demo: [false, { option: true }],
  preview: async ({ files, demo, page }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-'));
    for (const [name, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(dataDir, name), typeof content === 'function' ? content() : content);
    }
    const { child, url } = await startPreview(dataDir, demo ? ['--demo'] : []);
    await page.goto(url);
    await use({ url, dataDir });
    // Let the preview finish its last writes (a quit closes the running session) before its folder goes.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});
export { expect };
