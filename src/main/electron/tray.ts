// The tray icon, there from the start so the app can run with its window closed. One render(view) applies a
// view model from core/trayView and touches only what changed (rebuilding an open menu flickers on Linux).
import path from 'node:path';
import {
  Menu,
  Tray,
  app,
  nativeImage,
  type MenuItemConstructorOptions,
  type NativeImage,
  type Rectangle,
} from 'electron';
import type { CatchUpSummary } from '../../shared/catchUp.ts';
import type { QueueView } from '../../shared/people.ts';
import type { AccountBalance, Settings, TimeSummary } from '../../shared/types.ts';
import type { UpdateStatus } from '../../shared/updates.ts';
import {
  followerTotals,
  isUserCommand,
  nextTrayRefresh,
  queueBatches,
  sameMenu,
  sameTrayView,
  trayView,
  type TrayInput,
  type TrayMenuItem,
  type TrayState,
  type TrayView,
  type UserCommand,
} from '../core/desktop/trayView.ts';
import { trayIconFile, trayIconFolder } from '../core/desktop/trayIconFile.ts';
import type { OnChange } from '../services/listeners.ts';

export interface TrayServiceOptions {
  run: (command: UserCommand) => void;
  /** A left click on the icon, where the system reports one (not every Linux tray does). */
  click: () => void;
  /** Tests pass their own; the app makes a real Tray. */
  createTray?: (icon: NativeImage) => Tray;
}

export interface RenderedTray {
  tooltip: string;
  title: string;
  state: TrayState;
  /** Read back from the menu Electron holds, separators left out. */
  items: { id: string; label: string; enabled: boolean }[];
}

const icons = new Map<TrayState, NativeImage>();

function iconFor(state: TrayState): NativeImage {
  let icon = icons.get(state);
  if (icon) return icon;
  const place = { packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() };
  const file = path.join(trayIconFolder(place), trayIconFile(state, process.platform));
  // Electron adds the @2x file beside it, and makes a macOS template of a file named …Template.
  icon = nativeImage.createFromPath(file);
  if (icon.isEmpty()) throw new Error(`The tray icon ${file} is missing or unreadable.`);
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
      ...(isUserCommand(id) ? { click: () => run(id) } : {}),
    };
    return item.separatorBefore ? [{ type: 'separator' }, entry] : [entry];
  });
}

export class TrayService {
  readonly #run: (command: UserCommand) => void;
  readonly #click: () => void;
  readonly #createTray: (icon: NativeImage) => Tray;
  #tray: Tray | undefined;
  #menu: Menu | undefined;
  #shown: TrayView | undefined;

  constructor({ run, click, createTray = (icon) => new Tray(icon) }: TrayServiceOptions) {
    this.#run = run;
    this.#click = click;
    this.#createTray = createTray;
  }

  #create(state: TrayState): Tray {
    const tray = this.#createTray(iconFor(state));
    tray.on('click', () => this.#click());
    // macOS opens a tray's own menu on the left click; there the menu waits for the right click instead, so
    // the left click can open the quick view as it does elsewhere.
    if (process.platform === 'darwin') {
      tray.on('right-click', () => {
        if (this.#menu) tray.popUpContextMenu(this.#menu);
      });
    }
    return tray;
  }

  /** Shows `view`, changing only the parts that differ from what is shown. */
  render(view: TrayView): void {
    if (this.#tray?.isDestroyed()) this.destroy();
    const shown = this.#shown;
    if (sameTrayView(shown ?? null, view)) return;
    if (!this.#tray) this.#tray = this.#create(view.state);
    else if (shown?.state !== view.state) this.#tray.setImage(iconFor(view.state));
    if (shown?.tooltip !== view.tooltip) this.#tray.setToolTip(view.tooltip);
    // Only macOS shows a title; elsewhere it stays '' and is never set.
    if ((shown?.title ?? '') !== view.title) this.#tray.setTitle(view.title);
    if (!shown || !sameMenu(shown.menu, view.menu)) {
      this.#menu = Menu.buildFromTemplate(menuTemplate(view.menu, this.#run));
      if (process.platform !== 'darwin') this.#tray.setContextMenu(this.#menu);
    }
    this.#shown = view;
  }

  exists(): boolean {
    return this.#tray !== undefined && !this.#tray.isDestroyed();
  }

  /** Where the icon is on screen; null without a tray. Linux trays report an empty rectangle. */
  bounds(): Rectangle | null {
    return this.exists() ? this.#tray!.getBounds() : null;
  }

  /** What the tray shows now, for the Electron end-to-end test. */
  rendered(): RenderedTray | null {
    if (!this.#shown || !this.#menu) return null;
    const items = this.#menu.items
      .filter((item) => item.type !== 'separator')
      .map(({ id, label, enabled }) => ({ id, label, enabled }));
    const { tooltip, title, state } = this.#shown;
    return { tooltip, title, state, items };
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
  balances: () => AccountBalance[];
  catchUp: () => Pick<CatchUpSummary, 'unread' | 'waiting'>;
  updates: () => UpdateStatus;
  queue: () => QueueView;
  /** The changes the tray shows, each heard from the service that makes it. */
  changes: {
    time: OnChange<TimeSummary>;
    settings: OnChange<Settings>;
    balances: OnChange<AccountBalance[]>;
    catchUp: OnChange<CatchUpSummary>;
    updates: OnChange<UpdateStatus>;
    queue: OnChange<QueueView>;
  };
  /** Shows a view model: the tray's render, and whatever else mirrors it (the application menu). */
  render: (view: TrayView) => void;
  /** A title ticking each second beside the icon (macOS). */
  liveTitle: boolean;
  /** The locale the tray writes times and counts in. */
  locale: string;
}

/**
 * Keeps the tray on the timer: renders on every change of what it shows, and while a session runs also
 * when a shown second or minute turns over. Idle, it sets no timer at all. Returns a function that stops following.
 */
export function followTimer({
  summary,
  balances,
  catchUp,
  updates,
  queue,
  changes,
  render,
  liveTitle,
  locale,
}: FollowTimerOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  let followers = followerTotals(balances());
  let briefing = catchUp();
  const updateOf = ({ restart, newVersion }: UpdateStatus) => ({ offer: restart, version: newVersion });
  let update = updateOf(updates());
  let batches = queueBatches(queue().items);
  function refresh() {
    clearTimeout(timer);
    timer = undefined;
    const { running, at, today, onlineBudgetMs, proposed } = summary();
    const input: TrayInput = {
      running,
      now: at,
      today,
      onlineBudgetMs,
      followers,
      liveTitle,
      locale,
      catchUp: briefing,
      update,
      queue: batches,
      proposed,
    };
    render(trayView(input));
    const delay = nextTrayRefresh(input);
    if (delay !== null) timer = setTimeout(refresh, delay);
  }
  const stops = [
    changes.time(refresh),
    changes.settings(refresh),
    changes.balances((balances) => {
      followers = followerTotals(balances);
      refresh();
    }),
    changes.catchUp((summary) => {
      briefing = summary;
      refresh();
    }),
    changes.updates((status) => {
      update = updateOf(status);
      refresh();
    }),
    changes.queue((view) => {
      batches = queueBatches(view.items);
      refresh();
    }),
  ];
  refresh();
  return () => {
    for (const stop of stops) stop();
    clearTimeout(timer);
  };
}
