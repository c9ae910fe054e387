// The real Electron app across launches on one data folder: a second launch hands over to the first and exits;
// quitting during a session keeps the session as an entry, which the next launch shows in the time log.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import {
  appCommand,
  binary,
  call,
  closeMainWindow,
  expectMainWindowShown,
  launch,
  newDataDir,
  runCommand,
  skipWithoutElectron,
  traceEachTest,
  tray,
} from './twowayApp.ts';

test.describe.configure({ mode: 'serial' });
skipWithoutElectron();

let app: ElectronApplication | undefined;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = newDataDir();
  ({ app, page } = await launch(dataDir));
  app.once('close', () => (app = undefined));
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

traceEachTest(() => app);

test('a second launch on the same data folder shows the first one’s window, and exits', async () => {
  const first = app!;
  await closeMainWindow(first);
  await expectMainWindowShown(first, false);

  const { args, cwd, env } = appCommand(dataDir);
  const second = spawn(binary!, args, { cwd, env, stdio: 'ignore' });
  try {
    const exit = await new Promise<number | null>((resolve, reject) => {
      second.once('exit', resolve);
      second.once('error', reject);
    });
    expect(exit).toBe(0);
  } finally {
    if (second.exitCode === null && second.signalCode === null) second.kill();
  }
  await expectMainWindowShown(first, true);
  // Still the one app, working as before.
  expect(await tray(first)).toMatchObject({ state: 'idle' });
});

test('quitting during a session keeps it as an entry, which the time log shows after a relaunch', async () => {
  const first = app!;
  await runCommand(first, 'start-offline');
  // Sessions under a second are taps on the wrong button and are not kept: wait until the clock shows one.
  await expect(page.getByRole('timer')).not.toHaveText('0:00');
  const session = (await call(page, 'getTimer')).running!;
  expect(session).toMatchObject({ kind: 'offline', activity: 'meeting' });

  const closed = first.waitForEvent('close');
  await runCommand(first, 'quit');
  await closed;

  ({ app, page } = await launch(dataDir));
  app.once('close', () => (app = undefined));
  // Ended by the quit: nothing runs, and nothing is left to ask about.
  expect(await call(page, 'getTimer')).toEqual({ running: null, question: null });
  const entries = await call(page, 'listEntries', { from: session.start, to: Date.now() });
  expect(entries).toEqual([
    expect.objectContaining({ kind: 'offline', activity: 'meeting', start: session.start, source: 'timer' }),
  ]);
  expect(entries[0]!.end - session.start).toBeGreaterThanOrEqual(1000);

  await page.getByRole('navigation').getByRole('link', { name: 'Time', exact: true }).click();
  const rows = page.getByRole('main').getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('offline');
  await expect(rows.first()).toContainText('meeting');
});
