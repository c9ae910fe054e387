// The real Electron app on a temp data folder: its window, tray, timer, quick view and reminder notifications.
// Quitting, relaunching and a second launch are in lifecycle.spec.ts.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { MINUTE } from '../../src/shared/calendar.ts';
import {
  call,
  closeMainWindow,
  enabledInTray,
  expectMainWindowShown,
  launch,
  newDataDir,
  runCommand,
  skipWithoutElectron,
  traceEachTest,
  tray,
} from './twowayApp.ts';

// One app for the whole file, so the tests run in order on it.
test.describe.configure({ mode: 'serial' });
skipWithoutElectron();

let app: ElectronApplication;
let page: Page;
let dataDir: string;
let launchedAt: number;

test.beforeAll(async () => {
  dataDir = newDataDir();
  launchedAt = Date.now();
  ({ app, page } = await launch(dataDir));
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

traceEachTest(() => app);

const running = async () => (await call(page, 'getTimer')).running;
const timerCard = () => page.getByRole('heading', { name: /^(No session running|Online · |Offline · )/ });

interface ShownNotification {
  title: string;
  body: string;
  closed: boolean;
}

/** Records the notifications the app shows from now on, and their closing: Electron cannot list them. */
async function recordNotifications() {
  await app.evaluate(({ Notification }) => {
    const shown: (ShownNotification & { notification: Electron.Notification })[] = [];
    const { show, close } = Notification.prototype;
    if (typeof show !== 'function' || typeof close !== 'function') throw new Error('Notification has no show/close');
    Notification.prototype.show = function (this: Electron.Notification) {
      shown.push({ title: this.title, body: this.body, closed: false, notification: this });
      show.call(this);
    };
    Notification.prototype.close = function (this: Electron.Notification) {
      for (const entry of shown) if (entry.notification === this) entry.closed = true;
      close.call(this);
    };
    if (Notification.prototype.show === show) throw new Error('Notification.prototype.show cannot be replaced');
    Object.assign(globalThis, { twowayNotifications: shown });
  });
}
type Recorded = { twowayNotifications: (ShownNotification & { notification: Electron.Notification })[] };
const notifications = () =>
  app.evaluate(() =>
    (globalThis as unknown as Recorded).twowayNotifications.map(({ title, body, closed }) => ({ title, body, closed })),
  );

test('shows the app in its main window, on the data folder it was given', async () => {
  await expect(page.getByRole('navigation').getByText('Dashboard', { exact: true })).toBeVisible();
  expect(await call(page, 'getAppStatus')).toMatchObject({ host: 'electron', dataDir: path.resolve(dataDir) });
});

test('gives the page no Node.js', async () => {
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('has a tray from the start, idle', async () => {
  const shown = await tray(app);
  expect(shown).toMatchObject({ tooltip: 'Twoway — idle', title: '', state: 'idle' });
  // A fresh data folder has no accounts, so no follower line.
  expect(shown?.items.map((item) => item.label)).toEqual([
    'Start online · scanning',
    'Start offline · meeting',
    'Stop',
    'Log offline time…',
    'No session running',
    'Open quick view',
    'Open Twoway',
    'Quit',
  ]);
  expect(await enabledInTray(app, 'stop')).toBe(false);
});

test('starts and stops the timer from the window, and the tray follows', async () => {
  await page.getByRole('button', { name: 'Start online', exact: true }).click();
  await expect(timerCard()).toHaveText('Online · scanning');
  expect(await running()).toMatchObject({ kind: 'online', activity: 'scanning' });
  await expect.poll(() => enabledInTray(app, 'stop')).toBe(true);
  await expect
    .poll(async () => (await tray(app))?.tooltip)
    .toMatch(/^Twoway — online \d+:\d\d · today \d+:\d\d online, \d+:\d\d offline$/);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(timerCard()).toHaveText('No session running');
  expect(await running()).toBeNull();
  await expect.poll(() => enabledInTray(app, 'stop')).toBe(false);
});

test('starts and stops a session from the tray menu, and the window follows', async () => {
  await runCommand(app, 'start-offline');
  await expect(timerCard()).toHaveText('Offline · meeting');
  await expect.poll(async () => (await tray(app))?.state).toBe('offline');
  const menu = (await tray(app))!.items;
  expect(menu.find((item) => item.id === 'start-offline')?.enabled).toBe(false);
  expect(menu.find((item) => item.id === 'stop')?.enabled).toBe(true);
  expect(menu.find((item) => item.id === 'status')?.label).toMatch(/^Today \d+:\d\d online · \d+:\d\d offline$/);

  await runCommand(app, 'stop');
  await expect(timerCard()).toHaveText('No session running');
  await expect.poll(async () => (await tray(app))?.tooltip).toBe('Twoway — idle');
  expect(await running()).toBeNull();
});

test('opens the quick view from the tray menu: our page at #/mini, as guarded as the main window', async () => {
  const opened = app.waitForEvent('window');
  await runCommand(app, 'quick-view');
  const quickView = await opened;
  expect(new URL(quickView.url()).hash).toBe('#/mini');
  // Its requests pass the sender check, like the main window's.
  expect(await call(quickView, 'getTimer')).toEqual({ running: null, question: null });
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
  await runCommand(app, 'log-offline');
  await expect(page.getByRole('region', { name: 'Log time' })).toBeVisible();
  // The request is taken out of the address, so asking again opens the form anew.
  await expect(page).toHaveURL(/#\/time$/);
});

test('reminds to go offline with a system notification, whose click opens the window', async () => {
  expect(await app.evaluate(({ Notification }) => Notification.isSupported()), 'notifications (Linux: libnotify)').toBe(
    true,
  );
  await recordNotifications();
  // Three days into the week without offline time is behind a 10-hour weekly target, at any hour: no quiet hours.
  const weekStartsOn = (new Date().getDay() + 4) % 7;
  await call(page, 'updateSettings', { quietHours: null, weekStartsOn, weeklyOfflineTargetMin: 600 });
  // Online until shortly before the launch: this session is no return after hours away, so no 'welcome back'.
  const before = { start: launchedAt - 10 * MINUTE, end: launchedAt - 5 * MINUTE };
  await call(page, 'addEntry', { kind: 'online', activity: 'scanning', ...before });

  await runCommand(app, 'start-online');
  const reminder = {
    title: 'Offline time is behind this week',
    body: '0 min offline so far of your 10 h target — book a meeting, a call or an event.',
  };
  await expect.poll(notifications).toEqual([{ ...reminder, closed: false }]);
  const banner = page.getByRole('alert').filter({ hasText: reminder.title });
  await expect(banner).toContainText(reminder.body);

  await closeMainWindow(app);
  await expectMainWindowShown(app, false);
  await app.evaluate(() => {
    const [shown] = (globalThis as unknown as Recorded).twowayNotifications;
    shown!.notification.emit('click');
  });
  await expectMainWindowShown(app, true);

  // Answered in the window, the reminder leaves the screen and the notification centre alike.
  await banner.getByRole('button', { name: 'Start offline session' }).click();
  await expect(banner).toBeHidden();
  await expect.poll(notifications).toEqual([{ ...reminder, closed: true }]);
  expect(await running()).toMatchObject({ kind: 'offline' });
  await expect.poll(async () => (await tray(app))?.state).toBe('offline');
  await runCommand(app, 'stop');
  await expect.poll(running).toBeNull();
});

test('keeps running with its window closed, and "Open Twoway" brings the window back', async () => {
  await closeMainWindow(app);
  await expectMainWindowShown(app, false);
  expect(await tray(app)).not.toBeNull();
  await runCommand(app, 'open');
  await expectMainWindowShown(app, true);
});
