// A window showing Twoway's own page, at a route: secure preferences, our preload, no navigation away, no new
// windows, no permissions. The main window and the tray popover both come from here, so both get every guard.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shell, type BrowserWindow, type Session, type WebContents } from 'electron';
import { routeHash, type Route } from '../../shared/routes.ts';
import { createSecureWindow, type SecureWindowOptions } from './secureWindow.ts';

/** Built main lives at out/main/index.js; the renderer and preload sit beside it. */
const outDir = path.resolve(import.meta.dirname, '..');

/** The dev server while developing (electron-vite sets the variable), the built page otherwise. */
export function rendererUrl(isPackaged: boolean): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devServer) return devServer;
  return pathToFileURL(path.join(outDir, 'renderer', 'index.html')).href;
}

/** Our page at a route ('#/mini', '#/time?log=1'); the IPC sender check accepts any hash of our page. */
export function routeUrl(rendererUrl: string, route: Route): string {
  const url = new URL(rendererUrl);
  url.hash = routeHash(route);
  return url.href;
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

export interface RendererWindowOptions extends Omit<SecureWindowOptions, 'webPreferences'> {
  /** Our page, possibly at a route (routeUrl). */
  url: string;
}

export function createRendererWindow({ url, ...options }: RendererWindowOptions): BrowserWindow {
  const window = createSecureWindow({
    ...options,
    webPreferences: { preload: path.join(outDir, 'preload', 'index.cjs') },
  });
  keepOnOurPage(window.webContents);
  denyAllPermissions(window.webContents.session);
  showPage(window, url);
  return window;
}

/**
 * Loads our page at `url` in a window that already shows it or is new. A change of route only is a same-page
 * navigation: the page keeps its state and sees a hashchange.
 */
export function showPage(window: BrowserWindow, url: string) {
  window.loadURL(url).catch((error: unknown) => console.error(`twoway: ${url} did not load`, error));
}
