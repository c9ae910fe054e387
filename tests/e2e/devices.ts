// Twoways on other devices of the same person, and the sync server between them, as real processes; and the steps
// a person takes in the UI to connect a device and to log time and outcomes on it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { runZone } from './afternoon.ts';
import { expect } from './preview.ts';

/** How long a change may take to reach the other device through a watched folder. */
export const folderDeadlineMs = 10_000;
/** How long a change may take to reach the other device through the sync server. */
export const serverDeadlineMs = 5_000;

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Starts `args` under node and waits for a line of its output to match `ready`. */
async function startProcess(args: string[], ready: RegExp): Promise<Started & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: runZone() },
  });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found) resolve(found);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output}`)));
  });
  return { child, output: () => output, match };
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export interface Device {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** A Twoway in the browser preview on a data folder of its own: one device of the person. */
export async function startDevice(): Promise<Device> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-device-'));
  const { child, match } = await startProcess(
    ['src/main/preview/cli.ts', '--data-dir', dataDir],
    /Open (http:\/\/\S+)/,
  );
  return {
    url: match[1]!,
    dataDir,
    async stop() {
      // A quit closes what is running and writes last; the folder goes after.
      await stopProcess(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The real sync server (`npm run sync-server`) on a free port of 127.0.0.1, keeping its documents in a temp dir. */
export async function startSyncServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-server-'));
  const { child, match } = await startProcess(
    ['scripts/syncServer.ts', '--port', '0', '--dir', dir],
    /listening on (ws:\/\/127\.0\.0\.1:\d+)/,
  );
  return {
    url: match[1]!,
    async stop() {
      await stopProcess(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Settings → Devices, with the device named as the person would. */
export async function nameDevice(page: Page, name: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  const devices = page.getByRole('region', { name: 'Devices', exact: true });
  await devices.getByLabel('This device’s name').fill(name);
  await devices.getByLabel('This device’s name').press('Enter');
  await expect(devices.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  return devices;
}

/** Names the device and has it sync through the folder typed in. */
export async function syncThroughFolder(page: Page, name: string, folder: string) {
  const devices = await nameDevice(page, name);
  await devices.getByLabel('Folder path').fill(folder);
  await devices.getByRole('button', { name: 'Sync through this folder' }).click();
  await expect(devices.getByText(`Syncing through the folder ${folder}`)).toBeVisible();
  await expect(devices.locator('.sync-badge')).toHaveText('Syncing');
  return devices;
}

/** Names the device and has it sync through the server; with no code it is the first device. */
export async function syncThroughServer(page: Page, name: string, url: string, code?: string) {
  const devices = await nameDevice(page, name);
  const form = devices.getByRole('form', { name: 'Sync through a server' });
  await form.getByLabel('Server address').fill(url);
  if (code) await form.getByLabel('Code from your other device (optional)').fill(code);
  await form.getByRole('button', { name: 'Sync through this server' }).click();
  await expect(devices.getByText(`Syncing through the server ${url}`)).toBeVisible();
  await expect(devices.locator('.sync-badge')).toHaveText('Syncing', { timeout: serverDeadlineMs });
  return devices;
}

export interface TypedEntry {
  kind: 'online' | 'offline';
  from: string;
  to: string;
  note: string;
}

/** Time → Log time, filled in by hand: today (in the run's afternoon zone, see afternoon.ts). */
export async function logEntry(page: Page, { kind, from, to, note }: TypedEntry) {
  await page.getByRole('link', { name: 'Time' }).click();
  await page.getByRole('button', { name: 'Log time' }).click();
  const form = page.getByRole('region', { name: 'Log time' });
  await form.getByLabel(kind === 'online' ? 'Online' : 'Offline').check();
  await form.getByLabel('From').fill(from);
  await form.getByLabel('To').fill(to);
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Save entry' }).click();
  await expect(form).toBeHidden();
  return entryRow(page, note);
}

/** The Time view's row of the entry with this note. */
export const entryRow = (page: Page, note: string) => page.getByRole('listitem').filter({ hasText: note });

/** Outcomes → Log an outcome: a conversation that came from Mastodon, with the person named. */
export async function logOutcome(page: Page, person: string) {
  await page.getByRole('link', { name: 'Outcomes' }).click();
  await page.getByRole('button', { name: 'Log an outcome' }).click();
  const form = page.getByRole('region', { name: 'Log an outcome' });
  await form.getByLabel('Where it came from').selectOption('mastodon');
  await form.getByLabel(/^With/).fill(person);
  await form.getByRole('button', { name: 'Save outcome' }).click();
  await expect(form).toBeHidden();
  return page.getByRole('region', { name: 'Logged outcomes' }).getByRole('listitem').filter({ hasText: person });
}

/** Waits for `shown` and says how long it took, in milliseconds. */
export async function timeUntilVisible(shown: ReturnType<Page['locator']>, timeout: number): Promise<number> {
  const started = performance.now();
  await expect(shown).toBeVisible({ timeout });
  return Math.round(performance.now() - started);
}
