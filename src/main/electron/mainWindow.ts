// The main window: our page only, no navigation away, no new windows, no permissions. Closing it hides it
// while the tray can bring it back, so a running session keeps being timed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { createSecureWindow } from './secureWindow.ts';

/** Built main lives at out/main/index.js; the renderer and preload sit beside it. */
const outDir = path.resolve(import.meta.dirname, '..');

/** The dev server while developing (electron-vite sets the variable), the built page otherwise. */
export function rendererUrl(isPackaged: boolean): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devServer) return devServer;
  return pathToFileURL(path.join(outDir, 'renderer', 'index.html')).href;
}

export interface MainWindowOptions {
  rendererUrl: string;
  /** Asked when the user closes the window: true hides it instead, because something can show it again. */
  hideOnClose: () => boolean;
}

/** Links the page opens go to the default browser, and only https ones. */
function openExternally(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol === 'https:') void shell.openExternal(parsed.href);
}

function keepOnOurPage(contents: WebContents) {
  const stayUnlessSameUrl = (event: { preventDefault(): void }, url: string) => {
    if (url !== contents.getURL()) event.preventDefault();
  };
  contents.on('will-navigate', stayUnlessSameUrl);
  contents.on('will-redirect', stayUnlessSameUrl);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Twoway needs no camera, notifications from the page, location or anything else a page may ask for. */
export function denyAllPermissions(session: Session) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createMainWindow({ rendererUrl, hideOnClose }: MainWindowOptions): BrowserWindow {
  const window = createSecureWindow({
    windowName: 'main window',
    title: 'Twoway',
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    show: false,
    webPreferences: { preload: path.join(outDir, 'preload', 'index.cjs') },
  });
  keepOnOurPage(window.webContents);
  denyAllPermissions(window.webContents.session);

  window.once('ready-to-show', () => window.show());
  // Windows logging off or shutting down emits no before-quit: a hidden window must not block it.
  let sessionEnding = false;
  window.on('session-end', () => {
    sessionEnding = true;
  });
  window.on('close', (event) => {
    if (sessionEnding || !hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });
  window.loadURL(rendererUrl).catch((error: unknown) => console.error('twoway: the page did not load', error));
  return window;
}

/** Brings the window to the front, wherever it was: hidden, minimized or behind others. */
export function showWindow(window: BrowserWindow) {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
