// The layers and the ban on import cycles (.dependency-cruiser.cjs, run by `npm run lint`): the real src keeps
// them, and a cycle or a layer break added to a copy of it is reported under its rule's name.
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = join(import.meta.dirname, '../..');

/** The violations that fail the lint, as `npm run lint` finds them under `baseDir`. */
async function errorsIn(baseDir: string): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(join(root, 'tsconfig.node.json'));
  // Links kept as they are: the copy's node_modules and build are links to the project's.
  const cruiseOptions = { ...options, baseDir, preserveSymlinks: true };
  const { output } = await cruise(['src'], cruiseOptions, {}, { tsConfig });
  return (output as ICruiseResult).summary.violations.filter((violation) => violation.rule.severity === 'error');
}

const shortly = (violations: IViolation[]) =>
  violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`).sort();

// Each case cruises all of src, parsing every module with TypeScript: seconds, not the default 5.
const CRUISE_MS = 60_000;

describe('layers', () => {
  it(
    'the real src breaks no rule',
    async () => {
      expect(shortly(await errorsIn(root))).toEqual([]);
    },
    CRUISE_MS,
  );

  describe('in a copy of src with deliberate breaks', () => {
    let copy: string;
    const add = (path: string, text: string) => writeFile(join(copy, path), text);

    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), 'twoway-layers-'));
      await cp(join(root, 'src'), join(copy, 'src'), { recursive: true });
      // Packages and the icons the shell imports resolve as in the project.
      await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
      await symlink(join(root, 'build'), join(copy, 'build'));
      await mkdir(join(copy, 'tests'));
      await add('tests/servers.ts', 'export const servers = [];\n');
      // A cycle through types only: two files that each name a type of the other.
      await add(
        'src/shared/left.ts',
        "import type { Right } from './right.ts';\nexport type Left = { right?: Right };\n",
      );
      await add(
        'src/shared/right.ts',
        "import type { Left } from './left.ts';\nexport type Right = { left?: Left };\n",
      );
      await add('src/renderer/reachesMain.ts', "export { createApi } from '../main/services/api.ts';\n");
      await add(
        'src/main/core/reachesServices.ts',
        "export type { Accounts } from '../services/balance/accounts.ts';\n",
      );
      await add('src/main/services/reachesElectron.ts', "export { app } from 'electron';\n");
      await add('src/main/services/reachesTests.ts', "export { servers } from '../../../tests/servers.ts';\n");
    });
    afterAll(() => rm(copy, { recursive: true, force: true }));

    it(
      'reports each break under its rule, and nothing else',
      async () => {
        expect(shortly(await errorsIn(copy))).toEqual([
          'core-imports-only-shared: src/main/core/reachesServices.ts → src/main/services/balance/accounts.ts',
          'electron-only-in-shell: src/main/services/reachesElectron.ts → node_modules/electron/index.js',
          'no-circular: src/shared/left.ts → src/shared/right.ts',
          'renderer-imports-only-shared: src/renderer/reachesMain.ts → src/main/services/api.ts',
          'src-imports-no-tests: src/main/services/reachesTests.ts → tests/servers.ts',
        ]);
      },
      CRUISE_MS,
    );
  });
});
