// What `npm start` and `npm run dev` decide about Electron's binary, which `npm install` does not fetch (electron
// 45 downloads it on first use): whether it is there, how to run Electron's installer, and what to tell the user.
// Pure: ensureElectron.ts reads the files, runs the installer and prints.

/** What is on disk in node_modules/electron, and the Electron of the user's own if ELECTRON_EXEC_PATH names one. */
export interface ElectronOnDisk {
  /** The electron package's version. */
  version: string;
  platform: string;
  /** dist/version, path.txt and whether dist/<path.txt> exists, as the installer leaves them. */
  distVersion?: string;
  pathTxt?: string;
  executableExists: boolean;
  own?: { path: string; exists: boolean };
}

export type NextStep = { kind: 'start' } | { kind: 'download' } | { kind: 'refuse'; message: string };

/** One request Electron's installer made, as installerTap.ts saw it. */
export interface InstallerRequest {
  url: string;
  status?: number;
  statusText?: string;
  error?: string;
}

/** The executable inside dist/, as Electron's installer names it in path.txt. */
export function executableName(platform: string): string {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Start when the user's own Electron is there or ours is installed: the same checks as the installer's
 * isInstalled(). Otherwise download it, or refuse a missing ELECTRON_EXEC_PATH (electron-vite would start it).
 */
export function nextStep(disk: ElectronOnDisk): NextStep {
  if (disk.own) {
    if (disk.own.exists) return { kind: 'start' };
    return {
      kind: 'refuse',
      message: `ELECTRON_EXEC_PATH names ${disk.own.path}, which does not exist. Point it at an Electron executable, or unset it to use the one in node_modules/electron.`,
    };
  }
  const installed =
    disk.distVersion?.replace(/^v/, '') === disk.version &&
    disk.pathTxt === executableName(disk.platform) &&
    disk.executableExists;
  return installed ? { kind: 'start' } : { kind: 'download' };
}

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** The proxy the user named, if any. */
export function proxyOf(env: NodeJS.ProcessEnv): string | undefined {
  return proxyVariables.map((name) => env[name]).find(Boolean);
}

/** The installer reads HTTPS_PROXY / HTTP_PROXY only when ELECTRON_GET_USE_PROXY is set: set it for a proxy. */
export function installerEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return proxyOf(env) && !env.ELECTRON_GET_USE_PROXY ? { ...env, ELECTRON_GET_USE_PROXY: '1' } : env;
}

/** "fetch failed: connect ECONNREFUSED 127.0.0.1:9": an error and its innermost cause, on one line. */
export function describeError(error: unknown): string {
  const described = (value: unknown): string => {
    if (!(value instanceof Error)) return String(value);
    const own = value.message || (value as NodeJS.ErrnoException).code || value.name;
    const inner = value instanceof AggregateError && value.errors.length ? value.errors[0] : value.cause;
    if (inner === undefined) return own;
    const cause = described(inner);
    return value.message ? `${own}: ${cause}` : cause;
  };
  return described(error).replace(/\s+/g, ' ').trim();
}

/** The first line the installer printed, without the error's class name ("HTTPError: ..."). */
export function installerReason(output: string): string {
  const first = output.split('\n').find((line) => line.trim()) ?? 'it printed nothing';
  return first.trim().replace(/^[A-Za-z]*Error: /, '');
}

/** How the user runs the same thing again: `npm start` or `npm run dev`. */
export function rerunCommand(lifecycleEvent: string | undefined): string {
  return !lifecycleEvent || lifecycleEvent === 'start' ? 'npm start' : `npm run ${lifecycleEvent}`;
}

export function downloadNotice(version: string, dist: string): string {
  return `Electron ${version} is not installed yet: downloading it once (about 100 MB) into ${dist} ...`;
}

export function installedNotice(version: string, requests: InstallerRequest[], seconds: number): string {
  const source = requests[0] ? `from ${requests[0].url}` : 'from the download cache';
  return `Electron ${version} installed ${source} in ${seconds.toFixed(1)} s.`;
}

export interface FailedInstall {
  version: string;
  requests: InstallerRequest[];
  /** Why the installer failed in its own words (installerReason), or why its result cannot start. */
  reason: string;
  /** The proxy the download went through (proxyOf). */
  proxy?: string;
  rerun: string;
}

/** One paragraph: what failed (the address and the error), what helps, and what works without Electron. */
export function installFailure({ version, requests, reason, proxy, rerun }: FailedInstall): string {
  const failed = requests.find((request) => request.error || (request.status ?? 0) >= 400);
  const answer = (request: InstallerRequest) => `the server answered ${request.status} ${request.statusText}`.trim();
  const what = failed
    ? `Downloading ${failed.url}${proxy ? ` through the proxy ${proxy}` : ''} failed: ${failed.error ?? answer(failed)}.`
    : requests[0]
      ? `It downloaded ${requests[0].url}, then installing failed: ${reason}`
      : `Its installer failed before downloading anything: ${reason}`;
  return [
    `Twoway cannot open: Electron ${version} is not installed and could not be installed.`,
    what.endsWith('.') ? what : `${what}.`,
    `If you are offline, connect and run ${rerun} again (the download happens once).`,
    'To download from another server, set ELECTRON_MIRROR to a copy of https://github.com/electron/electron/releases/download/;',
    'behind a proxy, set HTTPS_PROXY (or HTTP_PROXY);',
    'if the download cache cannot be written, set electron_config_cache to a folder that can.',
    'Without Electron, `npm run preview:web` opens Twoway in your browser.',
  ].join(' ');
}
