import { describe, expect, it } from 'vitest';
import { awayDetection } from '../../src/main/core/time/awayDetection.ts';

const x11 = { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' };
const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };

describe('awayDetection', () => {
  it('sees sleep, a locked screen and idle time on macOS and Windows', () => {
    expect(awayDetection('darwin', {}, true)).toEqual({ sleep: true, lock: true, idle: true });
    expect(awayDetection('win32', {}, true)).toEqual({ sleep: true, lock: true, idle: true });
  });

  it('sees sleep and idle time in a Linux X11 session, but never a locked screen', () => {
    expect(awayDetection('linux', x11, true)).toEqual({ sleep: true, lock: false, idle: true });
  });

  it('sees only sleep under Wayland, even where XWayland answers idle reads', () => {
    expect(awayDetection('linux', wayland, true)).toEqual({ sleep: true, lock: false, idle: false });
    expect(awayDetection('linux', { WAYLAND_DISPLAY: 'wayland-1' }, true)).toMatchObject({ idle: false });
  });

  it('promises no idle time where reading it failed', () => {
    expect(awayDetection('linux', x11, false)).toEqual({ sleep: true, lock: false, idle: false });
    expect(awayDetection('darwin', {}, false)).toEqual({ sleep: true, lock: true, idle: false });
  });
});
