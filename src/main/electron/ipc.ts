// The contract over Electron IPC: one handler per method, each refusing requests from anything but our own
// windows, and every service event forwarded to those windows.
import { ipcMain, type BrowserWindow } from 'electron';
import { ipcChannel, methodNames, type Reply } from '../../shared/contract.ts';
import type { Dispatch } from '../services/api.ts';
import type { EventBus } from '../services/events.ts';
import { isTrustedSender } from './trustedSender.ts';

export interface IpcOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** The URL our renderer is loaded from (file URL, or the dev server's in development). */
  rendererUrl: string;
  /** The windows we created, asked on every request so windows opened later count. */
  windows: () => readonly BrowserWindow[];
}

const refused: Reply<never> = {
  ok: false,
  error: { code: 'internal', message: 'Refused: this request did not come from a Twoway window.' },
};

/** Registers the handlers; returns a function that removes them again. */
export function registerIpc({ dispatch, events, rendererUrl, windows }: IpcOptions): () => void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, rendererUrl, windows())) {
        console.warn(`twoway: refused ${name} from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
        return refused;
      }
      return dispatch(name, input);
    });
  }

  const stopForwarding = events.listen((event, payload) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcChannel(event), payload);
    }
  });

  return () => {
    stopForwarding();
    for (const name of methodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
