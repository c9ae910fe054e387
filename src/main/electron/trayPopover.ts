// The quick view: a small frameless window beside the tray icon, showing our page at #/mini. Made on first use
// with the main window's guards (rendererWindow.ts), hidden when it loses focus, kept for the next click.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { clickShowsPopover, popoverPosition, trayAnchor } from '../core/desktop/popoverPosition.ts';
import { createRendererWindow, routeUrl } from './rendererWindow.ts';

const size = { width: 320, height: 420 };

export interface TrayPopoverOptions {
  rendererUrl: string;
  /** The tray icon's bounds; null or empty where the system cannot tell. */
  trayBounds: () => Rectangle | null;
}

export interface TrayPopover {
  /** A click on the tray icon: opens the quick view, or closes it when it is showing. */
  toggle(): void;
  /** Opens the quick view beside the tray (the tray menu's 'Open quick view'). */
  show(): void;
  /** The window while it exists, for the IPC sender check. */
  window(): BrowserWindow | null;
}

export function createTrayPopover({ rendererUrl, trayBounds }: TrayPopoverOptions): TrayPopover {
  let window: BrowserWindow | null = null;
  let ready = false;
  let showWhenReady = false;
  let hiddenOnBlurAt: number | null = null;

  function create(): BrowserWindow {
    const created = createRendererWindow({
      url: routeUrl(rendererUrl, { view: 'mini' }),
      windowName: 'tray popover',
      title: 'Twoway',
      ...size,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
    });
    ready = false;
    created.once('ready-to-show', () => {
      ready = true;
      if (showWhenReady) reveal(created);
    });
    created.on('blur', () => {
      // Developer tools take the focus without the user leaving the quick view.
      if (created.webContents.isDevToolsOpened()) return;
      created.hide();
      hiddenOnBlurAt = Date.now();
    });
    // Closed by the system or a shortcut: made anew next time; it never holds up quitting.
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return created;
  }

  function place(target: BrowserWindow) {
    const anchor = trayAnchor(trayBounds(), screen.getCursorScreenPoint());
    const centre = { x: Math.round(anchor.x + anchor.width / 2), y: Math.round(anchor.y + anchor.height / 2) };
    const { workArea } = screen.getDisplayNearestPoint(centre);
    const { x, y } = popoverPosition(anchor, size, workArea);
    target.setPosition(x, y);
  }

  function reveal(target: BrowserWindow) {
    showWhenReady = false;
    place(target);
    target.show();
    target.focus();
  }

  function show() {
    if (!window || window.isDestroyed()) window = create();
    // Until the page has painted, showing would flash an empty window.
    if (ready) reveal(window);
    else showWhenReady = true;
  }

  return {
    toggle() {
      const visible = window !== null && !window.isDestroyed() && window.isVisible();
      if (clickShowsPopover(visible, hiddenOnBlurAt, Date.now())) show();
      else if (visible) window!.hide();
    },
    show,
    window: () => (window && !window.isDestroyed() ? window : null),
  };
}
