// Starting Twoway when the user logs in: the flag that keeps that start in the tray, and on Linux the XDG
// autostart entry (https://specifications.freedesktop.org/autostart-spec/) that the session manager runs.
import path from 'node:path';

/** The argument a start at login carries: open hidden in the tray, where one shows. */
export const HIDDEN_FLAG = '--hidden';

/** Named like the installed desktop entry (package.json desktopName), as autostart entries usually are. */
export const AUTOSTART_FILE_NAME = 'twoway.desktop';

/** The process environment, or a test's. */
type Environment = Readonly<Record<string, string | undefined>>;

/** $XDG_CONFIG_HOME/autostart; ~/.config/autostart when it is unset or relative (the spec ignores relative ones). */
export function autostartFolder(env: Environment, home: string): string {
  const config = env.XDG_CONFIG_HOME;
  const base = config && path.posix.isAbsolute(config) ? config : path.posix.join(home, '.config');
  return path.posix.join(base, 'autostart');
}

/**
 * What the session manager should run: the AppImage file the user keeps (APPIMAGE names it; the executable
 * itself sits in a mount that changes every run), else the installed executable.
 */
export function launcherPath(env: Environment, execPath: string): string {
  return env.APPIMAGE || execPath;
}

/**
 * One argument of an Exec line, quoted as the Desktop Entry spec asks: inside double quotes a backslash goes
 * before `"`, `` ` ``, `$` and `\`; `%` is written `%%` (field codes); then the string escape doubles every
 * backslash again (so a literal backslash becomes four).
 */
export function execArgument(argument: string): string {
  if (/[\n\r\t\0]/.test(argument)) {
    throw new Error(`A start-up command cannot hold a line break or tab: ${JSON.stringify(argument)}.`);
  }
  const quoted = `"${argument.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\');
}

/** The autostart entry that starts `launcher` hidden in the tray at login. */
export function autostartEntry(launcher: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Twoway',
    'Comment=Followers vs following, time online vs offline — starts in the tray',
    `Exec=${execArgument(launcher)} ${HIDDEN_FLAG}`,
    'Icon=twoway',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Whether an autostart entry (null: no file) starts the app: desktop settings that turn one off without
 * deleting it write Hidden=true or X-GNOME-Autostart-enabled=false.
 */
export function autostartEnabled(content: string | null): boolean {
  if (content === null) return false;
  return !/^\s*Hidden\s*=\s*true\s*$/m.test(content) && !/^\s*X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(content);
}

export interface HiddenStartInput {
  argv: readonly string[];
  /** macOS says so for its login items, which carry no arguments. */
  openedAtLogin: boolean;
  /**
   * Whether a tray icon shows here, asked only for a start at login: a window hidden where no tray shows could
   * never be found again.
   */
  trayShows: () => Promise<boolean>;
}

/** Whether this start opens no window and waits in the tray. */
export async function startsHidden({ argv, openedAtLogin, trayShows }: HiddenStartInput): Promise<boolean> {
  if (!openedAtLogin && !argv.includes(HIDDEN_FLAG)) return false;
  return trayShows();
}

/**
 * At start, the saved setting against what the system holds: the system wins where the user changed it there
 * (removed the login item, turned the entry off), and an entry that is on is written again, so it follows an
 * AppImage that moved.
 */
export function startAtLoginAtStart(saved: boolean, system: boolean): { setting: boolean; rewrite: boolean } {
  return { setting: system, rewrite: saved && system };
}
