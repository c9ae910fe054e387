import { describe, expect, it } from 'vitest';
import { awayNote, closeNote } from '../../src/shared/systemNotes.ts';

const desktop = (sleep: boolean, lock: boolean, idle: boolean) => ({
  host: 'electron' as const,
  awayDetection: { sleep, lock, idle },
});

describe('awayNote', () => {
  it('names sleep, lock and idle on macOS and Windows, and nothing it cannot see', () => {
    expect(awayNote(desktop(true, true, true))).toBe(
      'Twoway pauses the timer when your computer sleeps, the screen locks and the keyboard and mouse rest for the time set above, and asks on your return.',
    );
  });

  it('does not promise a locked screen in a Linux X11 session', () => {
    expect(awayNote(desktop(true, false, true))).toBe(
      'Twoway pauses the timer when your computer sleeps and the keyboard and mouse rest for the time set above, and asks on your return. Locking the screen alone does not pause it: this system does not tell apps when the screen locks.',
    );
  });

  it('promises sleep only under Wayland, and says the idle setting does nothing there', () => {
    expect(awayNote(desktop(true, false, false))).toBe(
      'Twoway pauses the timer when your computer sleeps, and asks on your return. This system does not tell apps when the screen locks or how long the keyboard and mouse rest, so the idle time above has no effect: stop the session yourself when you step away.',
    );
  });

  it('says the idle setting does nothing where idle reads fail on macOS or Windows', () => {
    expect(awayNote(desktop(true, true, false))).toBe(
      'Twoway pauses the timer when your computer sleeps and the screen locks, and asks on your return. This system does not tell apps how long the keyboard and mouse rest, so the idle time above has no effect.',
    );
  });

  it('tells the browser preview apart: nothing pauses there', () => {
    const note = awayNote({ host: 'browser-preview', awayDetection: { sleep: false, lock: false, idle: false } });
    expect(note).toMatch(/^The browser preview cannot see sleep, a locked screen or idle time/);
  });
});

describe('closeNote', () => {
  it('says the window goes to the tray where one shows', () => {
    expect(closeNote({ host: 'electron', trayShows: true })).toMatch(/^Closing the window keeps Twoway in the tray/);
  });

  it('says the window minimizes where the desktop shows no tray icons', () => {
    expect(closeNote({ host: 'electron', trayShows: false })).toMatch(
      /^Your desktop shows no tray icons, so closing the window minimizes it/,
    );
  });

  it('says nothing in the browser preview', () => {
    expect(closeNote({ host: 'browser-preview', trayShows: false })).toBeNull();
  });
});
