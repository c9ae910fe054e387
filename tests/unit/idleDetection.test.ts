import { describe, expect, it } from 'vitest';
import { systemReportsIdle } from '../../src/main/core/time/idleDetection.ts';

describe('systemReportsIdle', () => {
  it('trusts the idle time on macOS and Windows, whatever the environment says', () => {
    expect(systemReportsIdle('darwin', {})).toBe(true);
    expect(systemReportsIdle('win32', { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });

  it('trusts it in a Linux X11 session', () => {
    expect(systemReportsIdle('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(true);
    expect(systemReportsIdle('linux', {})).toBe(true);
  });

  it('refuses it under Wayland, told either way, even with XWayland’s DISPLAY set', () => {
    expect(systemReportsIdle('linux', { XDG_SESSION_TYPE: 'wayland' })).toBe(false);
    expect(systemReportsIdle('linux', { XDG_SESSION_TYPE: 'Wayland' })).toBe(false);
    expect(systemReportsIdle('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' })).toBe(false);
    expect(systemReportsIdle('linux', { XDG_SESSION_TYPE: 'tty', WAYLAND_DISPLAY: 'wayland-1' })).toBe(false);
  });

  it('does not take an empty WAYLAND_DISPLAY for Wayland', () => {
    expect(systemReportsIdle('linux', { WAYLAND_DISPLAY: '', XDG_SESSION_TYPE: 'x11' })).toBe(true);
  });
});
