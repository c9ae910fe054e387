// Start at login without Electron: the XDG autostart entry on disk (read, written whole through a temp file
// renamed over it, or removed) and the hook that applies the setting before it is saved. A refusal says which
// file and why, and leaves the setting as it was.
import fs from 'node:fs';
import path from 'node:path';
import {
  AUTOSTART_FILE_NAME,
  autostartEnabled,
  autostartEntry,
  autostartFolder,
  launcherPath,
  startAtLoginAtStart,
} from '../core/desktop/startAtLogin.ts';
import { invalid } from './failure.ts';
import type { ApplyToSystem, SettingsService } from './settings.ts';

function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message ?? String(error);
}

export function autostartFile(folder: string) {
  const file = path.join(folder, AUTOSTART_FILE_NAME);
  return {
    file,
    /** The entry's text, or null when there is none (or it cannot be read, which the session manager would not either). */
    read(): string | null {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    write(content: string): void {
      const temp = `${file}.${process.pid}.tmp`;
      try {
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(temp, content, { mode: 0o644 });
        fs.renameSync(temp, file);
      } catch (error) {
        if (fs.existsSync(temp)) fs.rmSync(temp, { force: true });
        throw invalid({
          startAtLogin: `Couldn't turn on start at login: ${file} could not be written (${reason(error)}).`,
        });
      }
    },
    remove(): void {
      try {
        fs.rmSync(file, { force: true });
      } catch (error) {
        throw invalid({
          startAtLogin: `Couldn't turn off start at login: ${file} could not be removed (${reason(error)}).`,
        });
      }
    },
  };
}

/** Start at login as the system keeps it. */
export interface LoginItem {
  /** Whether the system starts Twoway at login now. */
  isOn(): boolean;
  /** Throws a Failure that says why, when the system refuses. */
  set(on: boolean): void;
}

/** Linux: the XDG autostart entry in the user's config folder starts the AppImage or executable. */
export function xdgLoginItem(env: NodeJS.ProcessEnv, home: string, execPath: string): LoginItem {
  const file = autostartFile(autostartFolder(env, home));
  return {
    isOn: () => autostartEnabled(file.read()),
    set: (on) => (on ? file.write(autostartEntry(launcherPath(env, execPath))) : file.remove()),
  };
}

/** What the settings service calls before saving: the login item follows the setting. */
export function applyStartAtLogin(item: LoginItem): ApplyToSystem {
  return (next, previous) => {
    if (next.startAtLogin !== previous.startAtLogin) item.set(next.startAtLogin);
  };
}

/**
 * At start (installed app only): the setting follows a change made in the system's own settings, and an entry
 * that is on is written again. A failure here is logged; the setting keeps its saved value.
 */
export function reconcileStartAtLogin(item: LoginItem, settings: Pick<SettingsService, 'get' | 'update'>): void {
  const saved = settings.get().startAtLogin;
  const { setting, rewrite } = startAtLoginAtStart(saved, item.isOn());
  try {
    if (rewrite) item.set(true);
    if (setting !== saved) settings.update({ startAtLogin: setting });
  } catch (error) {
    console.error('twoway: could not renew start at login', error);
  }
}
