// The real Electron app: launches the built out/main/index.js on a temp data folder. Finds the Electron binary
// the way electron's own index.js does (path.txt + dist/) without loading it, since loading it would try to
// download the binary.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { TwowayApi } from '../../src/shared/contract.ts';

const root = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
// One app for the whole file, so the tests run in order on it.
test.describe.configure({ mode: 'serial' });
test.skip(!binary, 'No Electron binary on this machine (node_modules/electron/dist is missing)');

interface RenderedTray {
  tooltip: string;
  title: string;
  state: string;
  items: { id: string; label: string; enabled: boolean }[];
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'out/main/index.js'))) throw new Error('No built app: run npm run build first.');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RENDERER_URL; // the built page, never a dev server
  app = await _electron.launch({
    executablePath: binary!,
    // Chromium refuses to start its sandbox as root (containers); everywhere else it keeps it.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'out/main/index.js'],
    cwd: root,
    env: { ...env, TWOWAY_USER_DATA: dataDir, TWOWAY_TEST_HOOKS: '1' },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const tray = () =>
  app.evaluate(() => (globalThis as unknown as { twowayTray: () => RenderedTray | null }).twowayTray());
/** Runs a tray or menu command as a click on it would (src/main/index.ts exposes this under TWOWAY_TEST_HOOKS). */
const runCommand = (command: string) =>
  app.evaluate(
    (_electron, id) => (globalThis as unknown as { twowayRun: (id: string) => void }).twowayRun(id),
    command,
  );
const enabledInTray = async (id: string) => (await tray())?.items.find((item) => item.id === id)?.enabled;
const timer = () => page.evaluate(async () => (globalThis as unknown as { twoway: TwowayApi }).twoway.getTimer());

test('shows the app in its main window, on the data folder it was given', async () => {
  await expect(page.getByRole('navigation').getByText('Dashboard', { exact: true })).toBeVisible();
  const status = await page.evaluate(async () =>
    (globalThis as unknown as { twoway: TwowayApi }).twoway.getAppStatus(),
  );
  expect(status).toMatchObject({ ok: true, value: { host: 'electron', dataDir: path.resolve(dataDir) } });
});

test('gives the page no Node.js', async () => {
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('has a tray from the start, idle', async () => {
  const shown = await tray();
  expect(shown).toMatchObject({ tooltip: 'Twoway — idle', title: '', state: 'idle' });
  // A fresh data folder has no accounts, so no follower line.
  expect(shown?.items.map((item) => item.label)).toEqual([
    'Start online session',
    'Start offline session',
    'Stop',
    'Log offline time…',
    'No session running',
    'Open quick view',
    'Open Twoway',
    'Quit',
  ]);
  expect(await enabledInTray('stop')).toBe(false);
});

test('starts and stops the timer from the window, and the tray follows', async () => {
  await page.getByRole('button', { name: 'Start online' }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  expect(await timer()).toMatchObject({ ok: true, value: { kind: 'online' } });
  await expect.poll(() => enabledInTray('stop')).toBe(true);
  await expect
    .poll(async () => (await tray())?.tooltip)
    .toMatch(/^Twoway — online \d+:\d\d · today \d+:\d\d online, \d+:\d\d offline$/);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Start online' })).toBeVisible();
  expect(await timer()).toEqual({ ok: true, value: null });
  await expect.poll(() => enabledInTray('stop')).toBe(false);
});

test('opens the quick view from the tray menu: our page at #/mini, as guarded as the main window', async () => {
  const opened = app.waitForEvent('window');
  await runCommand('quick-view');
  const quickView = await opened;
  expect(new URL(quickView.url()).hash).toBe('#/mini');
  // Its requests pass the sender check, like the main window's.
  const reply = await quickView.evaluate(async () =>
    (globalThis as unknown as { twoway: TwowayApi }).twoway.getTimer(),
  );
  expect(reply).toEqual({ ok: true, value: null });
  // The same sandboxed, isolated page as the main window: no Node.js in sight.
  expect(await quickView.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await quickView.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  const popover = await app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('#/mini'));
    return window && { visible: window.isVisible(), onTop: window.isAlwaysOnTop(), size: window.getSize() };
  });
  expect(popover).toEqual({ visible: true, onTop: true, size: [320, 420] });
});

test('opens the time view with its log form from "Log offline time…"', async () => {
  await runCommand('log-offline');
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash))
    .toBe('#/time?log=1');
});

test('keeps running with its window closed', async () => {
  const isMain = (url: string) => !url.endsWith('#/mini');
  await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()
      .find((window) => !window.webContents.getURL().endsWith('#/mini'))
      ?.close(),
  );
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      url: window.webContents.getURL(),
      visible: window.isVisible(),
      destroyed: window.isDestroyed(),
    })),
  );
  expect(windows.filter(({ url }) => isMain(url)).map(({ visible, destroyed }) => ({ visible, destroyed }))).toEqual([
    { visible: false, destroyed: false },
  ]);
  expect(await tray()).not.toBeNull();
});
