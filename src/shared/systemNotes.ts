// What Settings tells the user about what this system lets Twoway see and do: which kinds of time away pause the
// timer, and what closing the window does. Worded from the capabilities main reports in AppStatus.
import type { AppStatus } from './types.ts';

function list(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Which time away pauses the timer here, and what it cannot see. */
export function awayNote({ host, awayDetection }: Pick<AppStatus, 'host' | 'awayDetection'>): string {
  if (host === 'browser-preview') {
    return 'The browser preview cannot see sleep, a locked screen or idle time: the timer runs until you stop it. The desktop app pauses it on its own.';
  }
  const { sleep, lock, idle } = awayDetection;
  const seen = [
    ...(sleep ? ['your computer sleeps'] : []),
    ...(lock ? ['the screen locks'] : []),
    ...(idle ? ['the keyboard and mouse rest for the time set above'] : []),
  ];
  const pauses = seen.length > 0 ? `Twoway pauses the timer when ${list(seen)}, and asks on your return.` : '';
  const unseen =
    !lock && !idle
      ? 'This system does not tell apps when the screen locks or how long the keyboard and mouse rest, so the idle time above has no effect: stop the session yourself when you step away.'
      : !lock
        ? 'Locking the screen alone does not pause it: this system does not tell apps when the screen locks.'
        : !idle
          ? 'This system does not tell apps how long the keyboard and mouse rest, so the idle time above has no effect.'
          : '';
  return [pauses, unseen].filter(Boolean).join(' ');
}

/** What closing the window does; null in the browser preview, which has no window of its own. */
export function closeNote({ host, trayShows }: Pick<AppStatus, 'host' | 'trayShows'>): string | null {
  if (host === 'browser-preview') return null;
  return trayShows
    ? 'Closing the window keeps Twoway in the tray, and the timer keeps counting. Quit ends both.'
    : 'Your desktop shows no tray icons, so closing the window minimizes it, and the timer keeps counting. Quit ends both. (On GNOME, the AppIndicator extension shows tray icons.)';
}
