// Launching the built app (out/main/index.js) in the real Electron, and reading it the way its tests need to.
// The binary is found the way electron's own index.js finds it (path.txt + dist/) without loading that file,
// since loading it would try to download the binary. On Linux CI runs these specs under tests/electron/desktopBus.sh
// (a display, a tray watcher and a notification daemon on the session bus), as a desktop would offer them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodResult, Reply } from '../../src/shared/contract.ts';
import type { UserCommand } from '../../src/main/core/desktop/trayView.ts';

export const root = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

export const binary = electronBinary();
const missing = 'No Electron binary on this machine (node_modules/electron/dist is missing)';
// CI installs the binary before these specs run: there a skip would hide a broken app.
if (!binary && process.env.TWOWAY_REQUIRE_ELECTRON === '1') {
  throw new Error(`${missing}, and TWOWAY_REQUIRE_ELECTRON=1 asks for it: run npx install-electron first.`);
}

/** Skips the file's tests, with the reason, where there is no Electron binary. */
export function skipWithoutElectron() {
  test.skip(!binary, missing);
}

/** A fresh data folder for one app (and its relaunches); removed by the caller. */
export const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-electron-'));

/** The command line and environment of the app on `dataDir`, with the test hooks of src/main/index.ts on. */
export function appCommand(dataDir: string) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RENDERER_URL; // the built page, never a dev server
  return {
    // Chromium refuses to start its sandbox as root (containers); everywhere else it keeps it.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'out/main/index.js'],
    cwd: root,
    env: { ...env, TWOWAY_USER_DATA: dataDir, TWOWAY_TEST_HOOKS: '1' },
  };
}

/** Starts the app on `dataDir`, recording a trace (kept for failed tests), and waits for its main window. */
export async function launch(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!fs.existsSync(path.join(root, 'out/main/index.js'))) throw new Error('No built app: run npm run build first.');
  const app = await _electron.launch({ executablePath: binary!, ...appCommand(dataDir) });
  await app.context().tracing.start({ screenshots: true, snapshots: true });
  return { app, page: await app.firstWindow() };
}

/** Each test's part of the trace: started before it, saved beside its results when it failed. */
export const traceEachTest = (current: () => ElectronApplication | undefined) => {
  test.beforeEach(async () => {
    await current()?.context().tracing.startChunk();
  });
  test.afterEach(async () => {
    const testInfo = test.info();
    const app = current();
    if (!app || testInfo.status === testInfo.expectedStatus) return;
    await app.context().tracing.stopChunk({ path: testInfo.outputPath('trace.zip') });
  });
};

/** Calls the API the window's page calls, as the page does, and unwraps the reply. */
export async function call<M extends MethodName>(page: Page, method: M, input?: MethodInput<M>) {
  type Loose = { twoway: Record<string, (input: unknown) => Promise<unknown>> };
  const reply = (await page.evaluate(([name, arg]) => (globalThis as unknown as Loose).twoway[name]!(arg), [
    method as string,
    input as unknown,
  ] as const)) as Reply<MethodResult<M>>;
  if (!reply.ok) throw new Error(`${method} was refused: ${reply.error.message}`);
  return reply.value;
}

export interface RenderedTray {
  tooltip: string;
  title: string;
  state: string;
  items: { id: string; label: string; enabled: boolean }[];
}

/** What the tray shows (src/main/index.ts exposes it under TWOWAY_TEST_HOOKS: Electron cannot list trays). */
export const tray = (app: ElectronApplication) =>
  app.evaluate(() => (globalThis as unknown as { twowayTray: () => RenderedTray | null }).twowayTray());

export const enabledInTray = async (app: ElectronApplication, id: string) =>
  (await tray(app))?.items.find((item) => item.id === id)?.enabled;

/** Runs a tray or menu command as a click on it would; on the next turn, so a quit cannot cut the reply off. */
export const runCommand = (app: ElectronApplication, command: UserCommand) =>
  app.evaluate((_electron, id) => {
    setImmediate(() => (globalThis as unknown as { twowayRun: (id: UserCommand) => void }).twowayRun(id));
  }, command);

/** The main window (every window but the quick view at #/mini) as the system sees it. */
export const mainWindow = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => {
    const window = BrowserWindow.getAllWindows().find((w) => !w.webContents.getURL().endsWith('#/mini'));
    return window && { visible: window.isVisible(), destroyed: window.isDestroyed() };
  });

/** Closes the main window as its close button does. */
export const closeMainWindow = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()
      .find((window) => !window.webContents.getURL().endsWith('#/mini'))
      ?.close(),
  );

/** Waits until the main window is shown (or hidden). */
export const expectMainWindowShown = (app: ElectronApplication, visible: boolean) =>
  expect.poll(() => mainWindow(app)).toEqual({ visible, destroyed: false });
