// The main window: our page with every guard (rendererWindow.ts). Closing it hides it while the tray can bring
// it back, so a running session keeps being timed.
import type { BrowserWindow } from 'electron';
import { createRendererWindow } from './rendererWindow.ts';

export interface MainWindowOptions {
  /** Our page, at the route to open on. */
  url: string;
  /** Asked when the user closes the window: true hides it instead, because something can show it again. */
  hideOnClose: () => boolean;
  /** Windows is logging off or shutting down, which emits no before-quit. */
  onSessionEnd: () => void;
}

export function createMainWindow({ url, hideOnClose, onSessionEnd }: MainWindowOptions): BrowserWindow {
  const window = createRendererWindow({
    url,
    windowName: 'main window',
    title: 'Twoway',
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    show: false,
  });

  window.once('ready-to-show', () => window.show());
  // A hidden window must not block logging off or shutting down.
  let sessionEnding = false;
  window.on('session-end', () => {
    sessionEnding = true;
    onSessionEnd();
  });
  window.on('close', (event) => {
    if (sessionEnding || !hideOnClose()) return;
    event.preventDefault();
    window.hide();
  });
  return window;
}

/** Brings the window to the front, wherever it was: hidden, minimized or behind others. */
export function showWindow(window: BrowserWindow) {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
