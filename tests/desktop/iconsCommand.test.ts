// The README's `node scripts/buildIcons.ts` renders build/icon.svg into the icon files the installers take, and
// build/tray/<state>.svg into the tray icons: run on a clean copy with those files removed, it makes every one of
// them again, the same bytes as the ones kept here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanCopy } from '../support/cleanCopy.ts';

const root = path.resolve(import.meta.dirname, '../..');
// A clean copy links node_modules, which Windows allows administrators only; the other systems run it.
const onWindows = process.platform === 'win32';
const copy = onWindows ? '' : cleanCopy();
afterAll(() => void (copy && fs.rmSync(copy, { recursive: true, force: true })));

const iconFiles = (dir: string) =>
  fs
    .readdirSync(path.join(dir, 'build'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.png') || file.endsWith('.ico') || file.endsWith('.icns'))
    .sort();

it.skipIf(onWindows)(
  'node scripts/buildIcons.ts makes every icon file again, byte for byte',
  () => {
    const kept = iconFiles(root);
    expect(kept).toContain('icon.icns');
    for (const file of iconFiles(copy)) fs.rmSync(path.join(copy, 'build', file));
    expect(iconFiles(copy)).toEqual([]);

    const run = spawnSync(process.execPath, ['scripts/buildIcons.ts'], { cwd: copy, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(iconFiles(copy)).toEqual(kept);
    for (const file of kept) {
      expect(
        fs.readFileSync(path.join(copy, 'build', file)).equals(fs.readFileSync(path.join(root, 'build', file))),
        file,
      ).toBe(true);
    }
  },
  120_000,
);
