// The tray icon, there from the start so the app can run with its window closed. One render(view) applies a
// view model from core/trayView and touches only what changed (rebuilding an open menu flickers on Linux).
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TimeSummary } from '../../shared/types.ts';
import {
  nextTrayRefresh,
  sameMenu,
  sameTrayView,
  trayView,
  type TrayMenuItem,
  type TrayState,
  type TrayView,
  type UserCommand,
} from '../core/trayView.ts';
import type { EventBus } from '../services/events.ts';
import { trayIconPng } from './trayIcon.ts';

export interface TrayServiceOptions {
  run: (command: UserCommand) => void;
  /** Tests pass their own; the app makes a real Tray. */
  createTray?: (icon: NativeImage) => Tray;
}

export interface RenderedTray {
  tooltip: string;
  state: TrayState;
  /** Read back from the menu Electron holds, separators left out. */
  items: { id: string; label: string; enabled: boolean }[];
}

const icons = new Map<TrayState, NativeImage>();

function iconFor(state: TrayState): NativeImage {
  let icon = icons.get(state);
  if (icon) return icon;
  if (process.platform === 'linux') {
    // Linux trays take one image at scale 1 and fit it to the panel themselves.
    icon = nativeImage.createFromBuffer(trayIconPng(state, 32));
  } else {
    icon = nativeImage.createEmpty();
    icon.addRepresentation({ scaleFactor: 1, width: 16, height: 16, buffer: trayIconPng(state, 16) });
    icon.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: trayIconPng(state, 32) });
  }
  icons.set(state, icon);
  return icon;
}

function menuTemplate(items: readonly TrayMenuItem[], run: (command: UserCommand) => void) {
  return items.flatMap((item): MenuItemConstructorOptions[] => {
    const { id } = item;
    const entry: MenuItemConstructorOptions = {
      id,
      label: item.label,
      enabled: item.enabled,
      ...(id === 'status' ? {} : { click: () => run(id) }),
    };
    return item.separatorBefore ? [{ type: 'separator' }, entry] : [entry];
  });
}

export class TrayService {
  readonly #run: (command: UserCommand) => void;
  readonly #createTray: (icon: NativeImage) => Tray;
  #tray: Tray | undefined;
  #menu: Menu | undefined;
  #shown: TrayView | undefined;

  constructor({ run, createTray = (icon) => new Tray(icon) }: TrayServiceOptions) {
    this.#run = run;
    this.#createTray = createTray;
  }

  /** Shows `view`, changing only the parts that differ from what is shown. */
  render(view: TrayView): void {
    if (this.#tray?.isDestroyed()) this.destroy();
    const shown = this.#shown;
    if (sameTrayView(shown ?? null, view)) return;
    if (!this.#tray) {
      this.#tray = this.#createTray(iconFor(view.state));
      // A click opens the window where clicks reach us; macOS clicks open the menu instead.
      if (process.platform !== 'darwin') this.#tray.on('click', () => this.#run('open'));
    } else if (shown?.state !== view.state) {
      this.#tray.setImage(iconFor(view.state));
    }
    if (shown?.tooltip !== view.tooltip) this.#tray.setToolTip(view.tooltip);
    if (!shown || !sameMenu(shown.menu, view.menu)) {
      this.#menu = Menu.buildFromTemplate(menuTemplate(view.menu, this.#run));
      this.#tray.setContextMenu(this.#menu);
    }
    this.#shown = view;
  }

  exists(): boolean {
    return this.#tray !== undefined && !this.#tray.isDestroyed();
  }

  /** What the tray shows now, for the Electron end-to-end test. */
  rendered(): RenderedTray | null {
    if (!this.#shown || !this.#menu) return null;
    const items = this.#menu.items
      .filter((item) => item.type !== 'separator')
      .map(({ id, label, enabled }) => ({ id, label, enabled }));
    return { tooltip: this.#shown.tooltip, state: this.#shown.state, items };
  }

  destroy(): void {
    if (this.#tray && !this.#tray.isDestroyed()) this.#tray.destroy();
    this.#tray = undefined;
    this.#menu = undefined;
    this.#shown = undefined;
  }
}

export interface FollowTimerOptions {
  summary: () => TimeSummary;
  events: EventBus;
  /** Shows a view model: the tray's render, and whatever else mirrors it (the application menu). */
  render: (view: TrayView) => void;
}

/**
 * Keeps the tray on the timer: renders on every timer or time change, and while a session runs also when a
 * shown minute turns over. Idle, it sets no timer at all. Returns a function that stops following.
 */
export function followTimer({ summary, events, render }: FollowTimerOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  function refresh() {
    clearTimeout(timer);
    timer = undefined;
    const { running, at, today } = summary();
    const input = { running, now: at, today };
    render(trayView(input));
    const delay = nextTrayRefresh(input);
    if (delay !== null) timer = setTimeout(refresh, delay);
  }
  const stopListening = events.listen((event) => {
    if (event === 'timerChanged' || event === 'timeChanged') refresh();
  });
  refresh();
  return () => {
    stopListening();
    clearTimeout(timer);
  };
}
