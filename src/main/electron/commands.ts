// What the tray and the application menu do when clicked: the same API calls the renderer makes, so every
// rule and event applies alike whichever way the user asked.
import type { MethodName } from '../../shared/contract.ts';
import type { Route } from '../../shared/routes.ts';
import type { UserCommand } from '../core/desktop/trayView.ts';
import type { Dispatch } from '../services/api.ts';

export interface CommandOptions {
  dispatch: Dispatch;
  /** Shows the main window, at `route` when given. */
  openWindow: (route?: Route) => void;
  showQuickView: () => void;
  quit: () => void;
}

export function createCommands({
  dispatch,
  openWindow,
  showQuickView,
  quit,
}: CommandOptions): (command: UserCommand) => void {
  const call = (name: MethodName, input?: unknown) => {
    void dispatch(name, input).then((reply) => {
      // A menu has nowhere to show an error; the window, when open, shows the state the events carry.
      if (!reply.ok) console.error(`twoway: ${name} from a menu failed: ${reply.error.message}`);
    });
  };
  const commands: Record<UserCommand, () => void> = {
    'start-online': () => call('startSession', { kind: 'online' }),
    'start-offline': () => call('startSession', { kind: 'offline' }),
    stop: () => call('stopSession'),
    // The time view opens its form for logging time on this route.
    'log-offline': () => openWindow({ view: 'time', log: true }),
    'catch-up': () => openWindow({ view: 'catch-up' }),
    'quick-view': showQuickView,
    open: () => openWindow(),
    'restart-to-update': () => call('restartToUpdate', { when: 'now' }),
    'update-after-session': () => call('restartToUpdate', { when: 'when-session-stops' }),
    quit,
  };
  return (command) => commands[command]();
}
