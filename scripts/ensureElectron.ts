// `npm start` and `npm run dev` run this before electron-vite. electron 45 downloads its binary on first use, not
// at `npm install` (so installing works offline), and electron-vite starts only an Electron that is there: install
// it with Electron's own installer when it is missing, and when that fails say in one paragraph what failed and
// what helps. Exits non-zero then, so electron-vite does not run.
//   node scripts/ensureElectron.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  downloadNotice,
  executableName,
  installedNotice,
  installerEnvironment,
  installerReason,
  installFailure,
  nextStep,
  proxyOf,
  rerunCommand,
  type ElectronOnDisk,
  type InstallerRequest,
} from './electronInstall.ts';

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as {
  version: string;
};

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function onDisk(): ElectronOnDisk {
  const pathTxt = readIfThere(path.join(electronDir, 'path.txt'));
  const own = process.env.ELECTRON_EXEC_PATH;
  return {
    version,
    platform: process.platform,
    distVersion: readIfThere(path.join(electronDir, 'dist', 'version')),
    pathTxt,
    executableExists: pathTxt !== undefined && fs.existsSync(path.join(electronDir, 'dist', pathTxt)),
    own: own ? { path: own, exists: fs.existsSync(own) } : undefined,
  };
}

/** Runs Electron's installer with the tap; its output is kept for the message, not shown raw. */
function runInstaller(): Promise<{ code: number | null; output: string; requests: InstallerRequest[] }> {
  const tap = new URL('./installerTap.ts', import.meta.url).href;
  const installer = spawn(process.execPath, ['--import', tap, path.join(electronDir, 'install.js')], {
    env: installerEnvironment(process.env),
    stdio: ['inherit', 'inherit', 'pipe', 'pipe'],
  });
  let output = '';
  let reports = '';
  installer.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  installer.stdio[3]!.on('data', (chunk: Buffer) => (reports += chunk.toString()));
  return new Promise((resolve) => {
    installer.on('error', (error) => resolve({ code: null, output: error.message, requests: [] }));
    installer.on('close', (code) => {
      const requests = reports
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as InstallerRequest);
      resolve({ code, output, requests });
    });
  });
}

/** 0 when Electron can start; otherwise 1, after saying why. */
async function ensureElectron(): Promise<number> {
  const step = nextStep(onDisk());
  if (step.kind === 'refuse') {
    console.error(step.message);
    return 1;
  }
  if (step.kind === 'start') return 0;
  console.log(downloadNotice(version, path.relative(process.cwd(), path.join(electronDir, 'dist'))));
  const started = performance.now();
  const { code, output, requests } = await runInstaller();
  if (code !== 0 || nextStep(onDisk()).kind !== 'start') {
    const reason =
      code === 0
        ? `the download holds no ${executableName(process.platform)} for ${process.platform}-${process.arch}`
        : installerReason(output);
    const rerun = rerunCommand(process.env.npm_lifecycle_event);
    console.error(installFailure({ version, requests, reason, proxy: proxyOf(process.env), rerun }));
    return 1;
  }
  // Warnings the installer printed on the way (a deprecated platform, say).
  process.stderr.write(output);
  console.log(installedNotice(version, requests, (performance.now() - started) / 1000));
  return 0;
}

process.exitCode = await ensureElectron();
