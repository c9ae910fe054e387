// The main window: our page with every guard (rendererWindow.ts). Closing it only hides or minimizes it unless
// the app quits (core/windowClose), so a running session keeps being timed.
import type { BrowserWindow } from 'electron';
import type { CloseAction } from '../core/desktop/windowClose.ts';
import { createRendererWindow } from './rendererWindow.ts';

export interface MainWindowOptions {
  /** Our page, at the route to open on. */
  url: string;
  /** Asked when the user closes the window: what closing does now. */
  whenClosed: () => CloseAction;
  /** Windows is logging off or shutting down, which emits no before-quit. */
  onSessionEnd: () => void;
}

export function createMainWindow({ url, whenClosed, onSessionEnd }: MainWindowOptions): BrowserWindow {
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
    if (sessionEnding) return;
    const action = whenClosed();
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'hide') window.hide();
    else window.minimize();
  });
  return window;
}

/**
 * Puts the window before the user's eyes without taking the keyboard from what they are doing: shown where it
 * was hidden or minimized, its taskbar entry (the Dock icon on macOS) flashing until they look.
 */
export function drawAttention(window: BrowserWindow) {
  if (!window.isVisible() || window.isMinimized()) window.showInactive();
  window.flashFrame(true);
  window.once('focus', () => window.flashFrame(false));
}

/** Brings the window to the front, wherever it was: hidden, minimized or behind others. */
export function showWindow(window: BrowserWindow) {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
