// Asks the session bus whether a StatusNotifier host is there to show the tray icon, with gdbus or, where
// GLib's tool is missing, dbus-send. Thin: it runs one command with a timeout and hands the answer to core.
// Nothing here imports electron, so the tests run it against a real bus.
import { execFile } from 'node:child_process';
import { asksTheBus, nameHasOwnerReply, STATUS_NOTIFIER_WATCHER, trayShows } from '../core/desktop/trayAvailability.ts';

export interface BusQueryOptions {
  /** The environment the tools see; its DBUS_SESSION_BUS_ADDRESS names the bus. */
  env?: NodeJS.ProcessEnv;
  /** A bus that does not answer in this time counts as no answer. */
  timeoutMs?: number;
  /** Told, in a sentence, why the bus could not be asked. */
  warn?: (message: string) => void;
}

const commands: [string, string[]][] = [
  [
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      STATUS_NOTIFIER_WATCHER,
    ],
  ],
  [
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${STATUS_NOTIFIER_WATCHER}`,
    ],
  ],
];

type Outcome = { answer: boolean | null; missing: boolean; why: string };

// The bus is asked again each time the window gains focus: the same failure is logged once, not every time.
const logged = new Set<string>();
const warnOnce = (message: string) => {
  if (logged.has(message)) return;
  logged.add(message);
  console.warn(message);
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        const answer = nameHasOwnerReply(stdout);
        resolve({ answer, missing: false, why: answer === null ? `${command} answered "${stdout.trim()}"` : '' });
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') resolve({ answer: null, missing: true, why: `${command} is not installed` });
      else if (error.killed) resolve({ answer: null, missing: false, why: `no answer within ${timeoutMs} ms` });
      else resolve({ answer: null, missing: false, why: `${command}: ${stderr.trim() || error.message}` });
    });
  });
}

/** Whether the session bus has an owner for the StatusNotifier watcher; null when it could not be asked. */
export async function statusNotifierWatcherOnBus({
  env = process.env,
  timeoutMs = 1000,
  warn = warnOnce,
}: BusQueryOptions = {}): Promise<boolean | null> {
  const reasons: string[] = [];
  for (const [command, args] of commands) {
    const { answer, missing, why } = await run(command, args, env, timeoutMs);
    if (answer !== null) return answer;
    reasons.push(why);
    if (!missing) break;
  }
  warn(`twoway: could not ask the session bus for a tray (${reasons.join('; ')}); closing the window minimizes it.`);
  return null;
}

/** Whether a tray icon shows on this desktop now: the check the window's close and a hidden start rely on. */
export async function checkTrayShows(platform: string = process.platform, options?: BusQueryOptions) {
  return trayShows(platform, asksTheBus(platform) ? await statusNotifierWatcherOnBus(options) : null);
}
