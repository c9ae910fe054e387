// What closing the main window does. Quitting (or the system ending the session) closes it. Otherwise the timer
// keeps counting, so the window only goes out of the way: hidden where a tray icon the user can see brings it
// back, minimized where there is none (stock GNOME), so it can always be found again.

export type CloseAction = 'close' | 'hide' | 'minimize';

export interface CloseState {
  quitting: boolean;
  /** A tray icon shows on this desktop (trayAvailability). */
  trayShows: boolean;
  /** Twoway's tray icon is there (it could not be made, or was destroyed). */
  trayExists: boolean;
}

export function closeAction({ quitting, trayShows, trayExists }: CloseState): CloseAction {
  if (quitting) return 'close';
  return trayShows && trayExists ? 'hide' : 'minimize';
}
