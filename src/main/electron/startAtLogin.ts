// Start at login as each system keeps it: macOS and Windows login items through Electron, Linux an XDG
// autostart entry (services/startAtLogin.ts). Thin: what the entry says and when to start hidden are decided
// in core/startAtLogin.ts.
import os from 'node:os';
import { app } from 'electron';
import { HIDDEN_FLAG } from '../core/desktop/startAtLogin.ts';
import { invalid } from '../services/failure.ts';
import { xdgLoginItem, type LoginItem } from '../services/startAtLogin.ts';

function electronLoginItem(): LoginItem {
  // Windows starts the executable with these; macOS ignores them and reports wasOpenedAtLogin instead.
  const args = [HIDDEN_FLAG];
  return {
    isOn: () => app.getLoginItemSettings({ args }).openAtLogin,
    set(on) {
      app.setLoginItemSettings({ openAtLogin: on, args });
      if (on && process.platform === 'darwin' && app.getLoginItemSettings().status === 'requires-approval') {
        throw invalid({
          startAtLogin:
            'macOS asks you to allow this first: open System Settings → General → Login Items and turn Twoway on.',
        });
      }
    },
  };
}

const inDevelopment: LoginItem = {
  isOn: () => false,
  set(on) {
    if (on) {
      throw invalid({
        startAtLogin: 'Start at login needs the installed app: this development build would start Electron alone.',
      });
    }
  },
};

export function systemLoginItem(): LoginItem {
  if (!app.isPackaged) return inDevelopment;
  return process.platform === 'linux' ? xdgLoginItem(process.env, os.homedir(), process.execPath) : electronLoginItem();
}

/** Whether this start came from a login item (macOS says so; elsewhere the flag shows it). */
export function openedAtLogin(): boolean {
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
