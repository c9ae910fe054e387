import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/main/core/desktop/windowClose.ts';

describe('closeAction', () => {
  it('hides the window where a tray icon shows and can bring it back', () => {
    expect(closeAction({ quitting: false, trayShows: true, trayExists: true })).toBe('hide');
  });

  it('minimizes it where the desktop shows no tray icons, so it is never lost', () => {
    expect(closeAction({ quitting: false, trayShows: false, trayExists: true })).toBe('minimize');
  });

  it('minimizes it where Twoway has no tray icon, even on a desktop that shows them', () => {
    expect(closeAction({ quitting: false, trayShows: true, trayExists: false })).toBe('minimize');
  });

  it('closes it while quitting, whatever the tray', () => {
    expect(closeAction({ quitting: true, trayShows: true, trayExists: true })).toBe('close');
    expect(closeAction({ quitting: true, trayShows: false, trayExists: false })).toBe('close');
  });
});
