// Two of the person's devices, each a real Twoway on its own data folder, syncing through a shared folder or the
// real sync server; everything is done in the UI as a person would. "Laptop" and "Desktop" are two browser
// previews; a folder that goes away is one renamed on disk, as when a drive or a sync app is gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  entryRow,
  folderDeadlineMs,
  logEntry,
  logOutcome,
  serverDeadlineMs,
  startDevice,
  startSyncServer,
  syncThroughFolder,
  syncThroughServer,
  timeUntilVisible,
  type Device,
} from './devices.ts';
import { expect, test } from './preview.ts';

// Two previews start, and each step waits for the other device: more than the default 30 s.
test.setTimeout(120_000);
test.use({ locale: 'en-GB' });

const stops: Array<() => Promise<void> | void> = [];
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Two devices, each open in a page of its own. */
async function twoDevices(page: Page): Promise<{ laptop: Page; desktop: Page }> {
  const devices: Device[] = await Promise.all([startDevice(), startDevice()]);
  for (const device of devices) stops.push(() => device.stop());
  await page.goto(devices[0]!.url);
  const desktop = await page.context().newPage();
  await desktop.goto(devices[1]!.url);
  return { laptop: page, desktop };
}

/** A folder in a temp dir of its own, removed when the test ends. */
function tempFolder(name: string): { root: string; folder: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-e2e-shared-'));
  const folder = path.join(root, name);
  fs.mkdirSync(folder);
  stops.push(() => fs.rmSync(root, { recursive: true, force: true }));
  return { root, folder };
}

const devicesOf = (page: Page) => page.getByRole('region', { name: 'Devices', exact: true });

async function openSettings(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  return devicesOf(page);
}

/** The report's online time for today, from the Day by day table, and the By device table. */
async function reportOf(page: Page) {
  await page.getByRole('link', { name: 'Report' }).click();
  const today = await page.evaluate(() =>
    new Date().toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'short' }),
  );
  const days = page.getByRole('region', { name: 'Day by day' });
  await days.getByRole('button', { name: 'Show as table' }).click();
  const row = days
    .getByRole('table', { name: 'Online and offline time per day' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: today, exact: true }) });
  return { todayOnline: row.getByRole('cell').first(), byDevice: page.getByRole('region', { name: 'By device' }) };
}

test('through a shared folder: each device’s entries and outcomes reach the other, also after the folder was away', async ({
  page,
}) => {
  const { laptop, desktop } = await twoDevices(page);
  const { folder } = tempFolder('Twoway');
  await syncThroughFolder(laptop, 'Laptop', folder);
  await syncThroughFolder(desktop, 'Desktop', folder);

  // The folder is watched: what one device logs shows on the other without a click. (It is now 14:xx, afternoon.ts.)
  await desktop.getByRole('link', { name: 'Time' }).click();
  await logEntry(laptop, { kind: 'online', from: '09:00', to: '10:00', note: 'Replies before work' });
  const toDesktop = await timeUntilVisible(entryRow(desktop, 'Replies before work'), folderDeadlineMs);
  await logEntry(desktop, { kind: 'online', from: '09:30', to: '11:00', note: 'Launch thread' });
  const toLaptop = await timeUntilVisible(entryRow(laptop, 'Launch thread'), folderDeadlineMs);
  console.log(`Through the folder: Laptop → Desktop ${toDesktop} ms, Desktop → Laptop ${toLaptop} ms`);
  await laptop.getByRole('link', { name: 'Outcomes' }).click();
  await logOutcome(desktop, 'Ana from the meetup');
  const outcomeToLaptop = await timeUntilVisible(
    laptop
      .getByRole('region', { name: 'Logged outcomes' })
      .getByRole('listitem')
      .filter({ hasText: 'Ana from the meetup' }),
    folderDeadlineMs,
  );
  console.log(`Through the folder: an outcome Desktop → Laptop ${outcomeToLaptop} ms`);

  // The folder goes away: Desktop says so by itself, and goes on working alone.
  const devices = await openSettings(desktop);
  const away = `${folder}-away`;
  fs.renameSync(folder, away);
  await expect(devices.locator('.sync-badge')).toHaveText('Unavailable', { timeout: folderDeadlineMs });
  await expect(devices.getByText(/^The sync folder cannot be read \(ENOENT\); Twoway works on alone/)).toBeVisible();
  await logEntry(desktop, { kind: 'offline', from: '12:00', to: '13:00', note: 'Lunch with Ben' });
  await openSettings(desktop);
  await expect(devices.locator('.sync-badge')).toHaveText('Unavailable');
  await expect(
    devices.getByText('The sync folder cannot be written (ENOENT); changes wait here and go out once it can.'),
  ).toBeVisible();

  // Back; Sync now.
  fs.renameSync(away, folder);
  await devices.getByRole('button', { name: 'Sync now' }).click();
  await expect(devices.locator('.sync-badge')).toHaveText('Syncing', { timeout: folderDeadlineMs });
  await expect(devices.getByText(/cannot be/)).toHaveCount(0);

  for (const [name, shown] of [
    ['Laptop', laptop],
    ['Desktop', desktop],
  ] as const) {
    await shown.reload();
    await shown.getByRole('link', { name: 'Time' }).click();
    for (const note of ['Replies before work', 'Launch thread', 'Lunch with Ben']) {
      await expect(entryRow(shown, note), `${note} on ${name}`).toBeVisible({ timeout: folderDeadlineMs });
    }
    // An entry from the other device says where it was timed; this device's own say nothing.
    const [mine, theirs] =
      name === 'Laptop' ? ['Replies before work', 'Launch thread'] : ['Launch thread', 'Replies before work'];
    const other = name === 'Laptop' ? 'Desktop' : 'Laptop';
    await expect(entryRow(shown, theirs).locator('.entry-device')).toHaveText(other);
    await expect(entryRow(shown, mine).locator('.entry-device')).toHaveCount(0);
    // The week's online time counts the overlap once too.
    await expect(shown.locator('.week-total')).toContainText('online 2 h ·');
    await shown.getByRole('link', { name: 'Outcomes' }).click();
    await expect(
      shown
        .getByRole('region', { name: 'Logged outcomes' })
        .getByRole('listitem')
        .filter({ hasText: 'Ana from the meetup' }),
      `the outcome on ${name}`,
    ).toBeVisible();

    // 09:00–10:00 and 09:30–11:00 online count once: 2 h, not 2 h 30.
    const { todayOnline, byDevice } = await reportOf(shown);
    await expect(todayOnline, `today online on ${name}`).toHaveText('2 h');
    await expect(byDevice.getByRole('rowheader')).toHaveText(['Desktop', 'Laptop', 'All devices']);
    await expect(byDevice.getByRole('row', { name: /^All devices/ }).getByRole('cell')).toHaveText(['2 h', '1 h']);
  }
});

test('an entry edited on both devices while one could not reach the folder keeps both edits, and its history says who', async ({
  page,
}) => {
  const { laptop, desktop } = await twoDevices(page);
  const { root, folder } = tempFolder('Twoway');
  // Desktop reaches the same folder by a path of its own, which can go away on its side alone.
  const onDesktop = path.join(root, 'Desktop-Dropbox');
  fs.symlinkSync(folder, onDesktop);
  await syncThroughFolder(laptop, 'Laptop', folder);
  await syncThroughFolder(desktop, 'Desktop', onDesktop);

  await desktop.getByRole('link', { name: 'Time' }).click();
  await logEntry(laptop, { kind: 'offline', from: '12:00', to: '12:30', note: 'Call with Cleo' });
  await expect(entryRow(desktop, 'Call with Cleo')).toContainText('12:00–12:30', { timeout: folderDeadlineMs });

  // Desktop's way to the folder goes; it cannot read it.
  fs.renameSync(onDesktop, `${onDesktop}-away`);
  const devices = await openSettings(desktop);
  await devices.getByRole('button', { name: 'Sync now' }).click();
  await expect(devices.locator('.sync-badge')).toHaveText('Unavailable');

  // Laptop changes the note; Desktop, alone, the end.
  await entryRow(laptop, 'Call with Cleo').getByRole('button', { name: /^Edit/ }).click();
  await laptop.getByLabel('Note').fill('Call with Cleo about the fair');
  await laptop.getByRole('button', { name: 'Save changes' }).click();
  await expect(entryRow(laptop, 'Call with Cleo about the fair')).toContainText('12:00–12:30');
  await desktop.getByRole('link', { name: 'Time' }).click();
  await entryRow(desktop, 'Call with Cleo').getByRole('button', { name: /^Edit/ }).click();
  await desktop.getByLabel('To').fill('12:45');
  await desktop.getByRole('button', { name: 'Save changes' }).click();
  await expect(entryRow(desktop, 'Call with Cleo')).toContainText('12:00–12:45');
  await expect(entryRow(desktop, 'Call with Cleo')).not.toContainText('about the fair');

  // The way back; Desktop syncs now, Laptop hears it through the watched folder.
  fs.renameSync(`${onDesktop}-away`, onDesktop);
  await openSettings(desktop);
  await devices.getByRole('button', { name: 'Sync now' }).click();
  await expect(devices.locator('.sync-badge')).toHaveText('Syncing');
  await desktop.getByRole('link', { name: 'Time' }).click();
  for (const shown of [laptop, desktop]) {
    const row = entryRow(shown, 'Call with Cleo about the fair');
    await expect(row).toContainText('12:00–12:45', { timeout: folderDeadlineMs });
    await row.getByRole('button', { name: /^Edit/ }).click();
    await shown.getByText('History', { exact: true }).click();
    const edits = shown.getByRole('list', { name: 'Edits, oldest first' }).getByRole('listitem');
    await expect(edits).toHaveCount(3);
    await expect(edits.nth(0)).toHaveText(/^\w{3} \d{1,2} \w{3} \d\d:\d\d · Laptop · logged it$/);
    await expect(edits.filter({ hasText: '· Laptop · changed note' })).toHaveCount(1);
    await expect(edits.filter({ hasText: '· Desktop · changed end' })).toHaveCount(1);
    await shown.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('through the sync server: the first device’s code joins the second, and an entry arrives within seconds', async ({
  page,
}) => {
  const server = await startSyncServer();
  stops.push(() => server.stop());
  const { laptop, desktop } = await twoDevices(page);

  const first = await syncThroughServer(laptop, 'Laptop', server.url);
  await expect(first.getByRole('button', { name: 'Copy' })).toBeVisible();
  const code = (await first.locator('.sync-code-line code').textContent())!.trim();
  expect(code).toMatch(/^automerge:\w+$/);
  const second = await syncThroughServer(desktop, 'Desktop', server.url, code);
  await expect(second.locator('.sync-code-line code')).toHaveText(code);
  await expect(second.getByRole('listitem').filter({ hasText: 'Laptop' })).toBeVisible({
    timeout: serverDeadlineMs,
  });

  await desktop.getByRole('link', { name: 'Time' }).click();
  await logEntry(laptop, { kind: 'online', from: '10:00', to: '10:45', note: 'Answered the comments' });
  const toDesktop = await timeUntilVisible(entryRow(desktop, 'Answered the comments'), serverDeadlineMs);
  await logEntry(desktop, { kind: 'offline', from: '11:00', to: '12:00', note: 'Walk with Dee' });
  const toLaptop = await timeUntilVisible(entryRow(laptop, 'Walk with Dee'), serverDeadlineMs);
  console.log(`Through the sync server: Laptop → Desktop ${toDesktop} ms, Desktop → Laptop ${toLaptop} ms`);
});

test('a sync provider’s habits: a file still arriving waits, a conflicted copy is merged', async ({ page }) => {
  const [one, two] = await Promise.all([startDevice(), startDevice()]);
  for (const device of [one!, two!]) stops.push(() => device.stop());
  await page.goto(one!.url);
  const laptop = page;
  const desktop = await page.context().newPage();
  await desktop.goto(two!.url);
  const { folder } = tempFolder('Twoway');
  await syncThroughFolder(laptop, 'Laptop', folder);
  const devices = await syncThroughFolder(desktop, 'Desktop', folder);

  // The laptop stops syncing and logs an entry: only its own data folder has it.
  const laptopDevices = await openSettings(laptop);
  await laptopDevices.getByRole('button', { name: 'Stop syncing…' }).click();
  await laptop.getByRole('dialog').getByRole('button', { name: 'Stop syncing' }).click();
  await expect(laptopDevices.getByText('Not syncing: this device works on its own.')).toBeVisible();
  await logEntry(laptop, { kind: 'online', from: '08:00', to: '08:30', note: 'Only in a copy' });

  // The provider then brings a copy of the laptop's file under a "conflicted copy" name, the first half first.
  const laptopId = (
    JSON.parse(fs.readFileSync(path.join(one!.dataDir, 'device.json'), 'utf8')) as { data: { id: string } }
  ).data.id;
  const bytes = fs.readFileSync(path.join(one!.dataDir, 'shared.automerge'));
  const copy = path.join(folder, `${laptopId} (conflicted copy 2026-12-02).automerge`);
  fs.writeFileSync(copy, bytes.subarray(0, bytes.length >> 1));
  await openSettings(desktop);
  await expect(devices.locator('.sync-badge')).toHaveText('Waiting', { timeout: folderDeadlineMs });
  await expect(
    devices.getByText('Waiting for a complete copy of Laptop’s changes (the file is still arriving).'),
  ).toBeVisible();
  await desktop.getByRole('link', { name: 'Time' }).click();
  await expect(entryRow(desktop, 'Only in a copy')).toHaveCount(0);

  // The rest arrives: the copy is merged like any other file, and the waiting ends by itself.
  fs.writeFileSync(copy, bytes);
  await expect(entryRow(desktop, 'Only in a copy')).toBeVisible({ timeout: folderDeadlineMs });
  await openSettings(desktop);
  await expect(devices.locator('.sync-badge')).toHaveText('Syncing', { timeout: folderDeadlineMs });
});
