// The application menu: the timer's commands, and the usual View / Window / Help. Reload and devtools exist only
// in development; nothing in it leads outside the app.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { TrayView, UserCommand } from '../core/desktop/trayView.ts';

export interface AppMenuOptions {
  run: (command: UserCommand) => void;
  isDev: boolean;
}

const timerCommands: readonly UserCommand[] = ['start-online', 'start-offline', 'stop'];

export interface AppMenu {
  /** Enables the timer commands as the tray's view model does, so both menus agree. */
  update(view: TrayView): void;
}

export function installAppMenu({ run, isDev }: AppMenuOptions): AppMenu {
  const mac = process.platform === 'darwin';
  const command = (id: UserCommand, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    click: () => run(id),
    ...(accelerator ? { accelerator } : {}),
  });

  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        // The page handles the same keys while focused (src/renderer/shortcuts.ts) and marks them handled, which
        // keeps the menu from running them a second time.
        command('start-online', 'Start online session', 'CmdOrCtrl+Shift+O'),
        command('start-offline', 'Start offline session', 'CmdOrCtrl+Shift+F'),
        command('stop', 'Stop', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command('log-offline', 'Log offline time…', 'CmdOrCtrl+L'),
        { type: 'separator' },
        command('quit', 'Quit', 'CmdOrCtrl+Q'),
      ],
    },
    // Without an Edit menu, copy and paste shortcuts do nothing in text fields on macOS.
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isDev
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];

  const menu = Menu.buildFromTemplate(template);
  Menu.setApplicationMenu(menu);

  return {
    update(view) {
      for (const item of view.menu) {
        if (!timerCommands.includes(item.id as UserCommand)) continue;
        const menuItem = menu.getMenuItemById(item.id);
        if (menuItem && menuItem.enabled !== item.enabled) menuItem.enabled = item.enabled;
      }
    },
  };
}
