// Whether the system can say how long the user has been away from keyboard and mouse. Electron reads it from
// the window system; under Wayland that is X11 through XWayland, which never sees input to Wayland windows and
// would call a busy user idle. There, only suspend and lock pause the timer.

/** The environment variables the decision reads (process.env fits). */
export type SessionEnvironment = Readonly<Record<string, string | undefined>>;

export function systemReportsIdle(platform: string, env: SessionEnvironment): boolean {
  if (platform !== 'linux') return true;
  const wayland = env.XDG_SESSION_TYPE?.toLowerCase() === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  return !wayland;
}
