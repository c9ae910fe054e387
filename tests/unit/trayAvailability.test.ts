import { describe, expect, it } from 'vitest';
import { nameHasOwnerReply, trayShows } from '../../src/main/core/desktop/trayAvailability.ts';

describe('trayShows', () => {
  it('counts on the tray of macOS and Windows, whatever the bus says', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(trayShows(platform, null)).toBe(true);
      expect(trayShows(platform, false)).toBe(true);
    }
  });

  it('counts on a Linux tray only where a StatusNotifier host owns the watcher name', () => {
    expect(trayShows('linux', true)).toBe(true);
    expect(trayShows('linux', false)).toBe(false);
    expect(trayShows('freebsd', true)).toBe(true);
  });

  it('does not count on a tray it could not ask about', () => {
    expect(trayShows('linux', null)).toBe(false);
    expect(trayShows('freebsd', null)).toBe(false);
  });
});

describe('nameHasOwnerReply', () => {
  it('reads the answer of gdbus', () => {
    expect(nameHasOwnerReply('(true,)\n')).toBe(true);
    expect(nameHasOwnerReply('(false,)\n')).toBe(false);
  });

  it('reads the answer of dbus-send --print-reply', () => {
    const reply = (value: string) =>
      `method return time=1767225600.123456 sender=org.freedesktop.DBus -> destination=:1.42 serial=3 reply_serial=2\n   boolean ${value}\n`;
    expect(nameHasOwnerReply(reply('true'))).toBe(true);
    expect(nameHasOwnerReply(reply('false'))).toBe(false);
  });

  it('takes an error or anything else for no answer', () => {
    expect(nameHasOwnerReply('')).toBeNull();
    expect(nameHasOwnerReply('Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: no bus\n')).toBeNull();
    expect(nameHasOwnerReply('(uint32 1,)\n')).toBeNull();
    expect(nameHasOwnerReply('(true, false)\n')).toBeNull();
  });
});
