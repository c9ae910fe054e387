// A stand-in for Electron's executable, for the tests of the start chain and of packaging, which must run where
// Electron cannot: a shell script under Electron's own file name that records how it was started (its arguments
// and working folder) as one JSON line in the file named by TWOWAY_STAND_IN_LOG, then exits.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

export interface StandInStart {
  argv: string[];
  cwd: string;
}

const script = `#!/bin/sh
# Stand-in for Electron: records its start for the test that launched it.
log="\${TWOWAY_STAND_IN_LOG:-/dev/null}"
node -e 'process.stdout.write(JSON.stringify({ argv: process.argv.slice(1), cwd: process.cwd() }) + "\\n")' -- "$@" >> "$log"
`;

/** Electron's files as its release zip holds them on Linux, as far as installing and packaging look. */
export function standInFiles(version: string): Record<string, { data: Uint8Array; mode: number }> {
  const text = (value: string) => new TextEncoder().encode(value);
  return {
    electron: { data: text(script), mode: 0o755 },
    version: { data: text(version), mode: 0o644 },
    LICENSE: { data: text('Stand-in for Electron in tests.\n'), mode: 0o644 },
  };
}

/** Writes the stand-in as an unpacked Electron folder (what electron-builder's `electronDist` takes). */
export function writeStandInElectron(dir: string, version: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, { data, mode }] of Object.entries(standInFiles(version))) {
    fs.writeFileSync(path.join(dir, name), data, { mode });
  }
  return path.join(dir, 'electron');
}

/** The stand-in as Electron's release zip for Linux, with the executable's mode kept, and its SHA-256. */
export function standInZip(version: string): { bytes: Uint8Array; sha256: string } {
  const entries: Parameters<typeof zipSync>[0] = {};
  for (const [name, { data, mode }] of Object.entries(standInFiles(version))) {
    // Unix permissions ride in the upper 16 bits of the external attributes (os 3 = Unix).
    entries[name] = [data, { os: 3, attrs: ((0o100000 | mode) << 16) >>> 0 }];
  }
  const bytes = zipSync(entries);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The starts the stand-in recorded, oldest first. */
export function readStandInStarts(logFile: string): StandInStart[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StandInStart);
}
