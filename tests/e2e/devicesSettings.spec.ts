import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './preview.ts';

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
