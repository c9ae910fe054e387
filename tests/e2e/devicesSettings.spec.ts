import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { runZone } from './afternoon.ts';
import { seriousViolations } from './axe.ts';
import { expect, test } from './preview.ts';

/** A second Twoway, another device of the same person, on its own data folder; stopped when the test ends. */
async function otherDevice(): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-other-'));
  const child = spawn(process.execPath, ['src/main/preview/cli.ts', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: runZone() },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the other device exited with ${code}: ${output}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Names the device and has it sync through the folder, in Settings → Devices. */
async function syncThrough(page: Page, name: string, folder: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  const devices = page.getByRole('region', { name: 'Devices', exact: true });
  await devices.getByLabel('This device’s name').fill(name);
  await devices.getByLabel('This device’s name').press('Enter');
  await expect(devices.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await devices.getByLabel('Folder path').fill(folder);
  await devices.getByRole('button', { name: 'Sync through this folder' }).click();
  await expect(devices.getByText(`Syncing through the folder ${folder}`)).toBeVisible();
  return devices;
}

test('Settings → Devices: the device is named, syncs through a folder, is listed as this device, and stops', async ({
  page,
  preview,
}) => {
  void preview;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-sync-'));
  try {
    await page.getByRole('link', { name: 'Settings' }).click();
    const devices = page.getByRole('region', { name: 'Devices', exact: true });
    await expect(devices.getByText('Not syncing: this device works on its own.')).toBeVisible();

    // A name is needed; Enter saves it.
    const name = devices.getByLabel('This device’s name');
    await name.fill('  ');
    await name.press('Enter');
    await expect(devices.getByText('A device needs a name.')).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await name.fill('Desk at home');
    await name.press('Enter');
    await expect(devices.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'false');

    // The browser preview takes the folder's path typed in; a relative one is refused beside the field.
    const byFolder = devices.getByRole('form', { name: 'Sync through a folder' });
    const folderPath = byFolder.getByLabel('Folder path');
    await folderPath.fill('Dropbox/Twoway');
    await byFolder.getByRole('button', { name: 'Sync through this folder' }).click();
    await expect(byFolder.getByText('Enter the whole path of the folder, from the top.')).toBeVisible();
    await expect(folderPath).toHaveAttribute('aria-invalid', 'true');
    await folderPath.fill(folder);
    await byFolder.getByRole('button', { name: 'Sync through this folder' }).click();

    await expect(devices.getByText(`Syncing through the folder ${folder}`)).toBeVisible();
    await expect(devices.locator('.sync-badge')).toHaveText('Syncing');
    await expect(devices.getByText(/^Last sync \d/)).toBeVisible();
    const listed = devices.getByRole('list').getByRole('listitem');
    await expect(listed).toHaveCount(1);
    await expect(listed.first()).toContainText('Desk at home');
    await expect(listed.first()).toContainText('This device');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `syncing, in ${scheme}`).toEqual([]);
    }
    // This device's changes are in the folder for the others.
    expect(fs.readdirSync(folder).filter((file) => file.endsWith('.automerge'))).toHaveLength(1);

    // It still syncs after a reload, and its name stays.
    await page.reload();
    await expect(devices.getByText(`Syncing through the folder ${folder}`)).toBeVisible();
    await expect(devices.getByLabel('This device’s name')).toHaveValue('Desk at home');

    // Stopping asks first and says what stays.
    await devices.getByRole('button', { name: 'Stop syncing…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Stop syncing this device?' });
    await expect(confirm).toContainText('Everything stays on this device');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(devices.getByText(`Syncing through the folder ${folder}`)).toBeVisible();
    await devices.getByRole('button', { name: 'Stop syncing…' }).click();
    await confirm.getByRole('button', { name: 'Stop syncing' }).click();
    await expect(confirm).toBeHidden();
    await expect(devices.getByText('Not syncing: this device works on its own.')).toBeVisible();
    await expect(devices.getByRole('form', { name: 'Sync through a folder' })).toBeVisible();
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a session timed on the other device shows beside the idle timer, and in Settings → Devices', async ({
  page,
  preview,
}) => {
  void preview;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-sync-'));
  const other = await otherDevice();
  try {
    const devices = await syncThrough(page, 'Desk', folder);
    const laptop = await page.context().newPage();
    await laptop.goto(other.url);
    await syncThrough(laptop, 'Laptop', folder);
    await laptop.getByRole('link', { name: 'Dashboard' }).click();
    await laptop.getByRole('button', { name: 'Start online' }).click();
    await expect(laptop.getByRole('heading', { name: /^Online · / })).toBeVisible();
    await laptop.getByRole('link', { name: 'Settings' }).click();
    await laptop.getByRole('button', { name: 'Sync now' }).click();

    await devices.getByRole('button', { name: 'Sync now' }).click();
    const row = devices.getByRole('listitem').filter({ hasText: 'Laptop' });
    await expect(row).toContainText(/Timing online \(\w+\) since \d/);
    await expect(row).toContainText(/Last sync \d/);
    await expect(row.getByRole('button', { name: 'Remove Laptop' })).toBeVisible();
    await expect(devices.getByRole('listitem').filter({ hasText: 'Desk' })).toContainText('This device');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const timer = page.getByRole('region', { name: 'No session running' });
    await expect(timer.getByText(/^Online session running on Laptop since \d/)).toBeVisible();

    // Removing asks first, and says what stays.
    await page.getByRole('link', { name: 'Settings' }).click();
    await row.getByRole('button', { name: 'Remove Laptop' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Laptop?' });
    await expect(confirm).toContainText('Its changes stay; its file leaves the sync folder');
    await confirm.getByRole('button', { name: 'Remove Laptop' }).click();
    await expect(confirm).toBeHidden();
    await expect(devices.getByRole('listitem')).toHaveCount(1);
  } finally {
    await other.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
