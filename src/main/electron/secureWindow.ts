// The only place Twoway constructs a BrowserWindow (a unit test scans the sources for others): every window passes the
// web preferences guard before it exists.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './webPreferencesGuard.ts';

export interface SecureWindowOptions extends BrowserWindowConstructorOptions {
  /** Names the window in the guard's refusal. */
  windowName: string;
}

export function createSecureWindow({ windowName, webPreferences, ...options }: SecureWindowOptions): BrowserWindow {
  return new BrowserWindow({ ...options, webPreferences: secureWebPreferences(webPreferences, windowName) });
}
