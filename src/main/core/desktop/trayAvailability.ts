// Whether the tray icon Twoway makes is one the user can see, so that closing the window may hide it there.
// macOS and Windows always show it. On Linux Electron shows it as a StatusNotifierItem, which needs a host on
// the session bus (KDE Plasma, most panels; stock GNOME only with the AppIndicator extension): without an
// owner of org.kde.StatusNotifierWatcher the Tray object exists but nothing appears.

export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

/**
 * `watcherOnBus`: whether the session bus named an owner for STATUS_NOTIFIER_WATCHER; null when it could not
 * be asked (no bus, no tool, no answer in time). Not knowing counts as no tray: a window that minimizes can
 * always be found again, one hidden in a tray nobody shows cannot.
 */
export function trayShows(platform: string, watcherOnBus: boolean | null): boolean {
  return !asksTheBus(platform) || watcherOnBus === true;
}

/** Whether the answer depends on the session bus: everywhere but macOS and Windows. */
export function asksTheBus(platform: string): boolean {
  return platform !== 'darwin' && platform !== 'win32';
}

/**
 * The answer to org.freedesktop.DBus.NameHasOwner as `gdbus call` prints it ("(true,)") or as
 * `dbus-send --print-reply` does ("method return … \n   boolean true"); null for anything else.
 */
export function nameHasOwnerReply(output: string): boolean | null {
  const answer = /^\s*\((true|false),\)\s*$/.exec(output) ?? /^\s*boolean (true|false)\s*$/m.exec(output);
  return answer ? answer[1] === 'true' : null;
}
