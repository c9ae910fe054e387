// The GitHub workflows: valid by GitHub's workflow schema (action-validator), and saying what a reader relies
// on — CI runs `npm test` on the three systems and the Electron spec under a display on Linux; a v* tag builds
// and publishes the installers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../support/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const workflows = path.join(root, '.github/workflows');
const ci = path.join(workflows, 'ci.yml');
const release = path.join(workflows, 'release.yml');
const systems = ['ubuntu-latest', 'macos-latest', 'windows-latest'];

const validatorDir = path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json'));
const validatorBin = path.join(validatorDir, 'cli.mjs');

function validate(file: string) {
  const run = spawnSync(process.execPath, [validatorBin, file], { encoding: 'utf8' });
  return { status: run.status, errors: run.stderr };
}

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  strategy?: { matrix: { os: string[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, { tags?: string[] } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (file: string) => parse(fs.readFileSync(file, 'utf8')) as Workflow;

const runs = (job: Job, command: RegExp) =>
  job.steps.filter((step) => step.run !== undefined && command.test(step.run));

describe('the workflow files', () => {
  it.each(['ci.yml', 'release.yml'])('%s passes GitHub’s workflow schema', (name) => {
    expect(validate(path.join(workflows, name))).toEqual({ status: 0, errors: '' });
  });

  it('are checked for real: a misspelt key fails, and the error names it', () => {
    const copy = path.join(tempDir(), 'ci.yml');
    const text = fs.readFileSync(ci, 'utf8');
    expect(text).toContain('    runs-on: ');
    fs.writeFileSync(copy, text.replace('    runs-on: ', '    runs_on: '));
    const { status, errors } = validate(copy);
    expect(status).toBe(1);
    expect(errors).toContain("Additional property 'runs_on' is not allowed");
  });

  it.each(['ci.yml', 'release.yml'])(
    '%s uses the Node of .node-version (24.18.x), npm’s cache included',
    async (name) => {
      expect(fs.readFileSync(path.join(root, '.node-version'), 'utf8')).toMatch(/^24\.18\.\d+\n?$/);
      const jobs = Object.values(read(path.join(workflows, name)).jobs).filter((job) =>
        job.steps.some((step) => step.run === 'npm ci'),
      );
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) {
        const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
        expect(setup?.with).toMatchObject({ 'node-version-file': '.node-version', cache: 'npm' });
      }
    },
  );
});

describe('CI', () => {
  it('runs on every push and pull request', () => {
    const { on } = read(ci);
    expect(Object.keys(on).sort()).toEqual(['pull_request', 'push']);
    expect(on.push).toBeNull();
  });

  it('runs `npm test` on Linux, macOS and Windows, after `npm ci`', () => {
    const { jobs } = read(ci);
    expect(Object.keys(jobs)).toEqual(['test']);
    const job = jobs.test!;
    expect(job.strategy?.matrix.os).toEqual(systems);
    const commands = job.steps.map((step) => step.run);
    const test = runs(job, /^npm test$/);
    expect(test).toHaveLength(1);
    expect(test[0]!.if).toBeUndefined();
    expect(commands.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npm test'));
  });

  it('runs the Bluesky server tests on Linux and skips them, saying so, elsewhere', () => {
    const job = read(ci).jobs.test!;
    const setup = runs(job, /bash tests\/bluesky-server\/setup\.sh/);
    expect(setup.map((step) => step.if)).toEqual(["runner.os == 'Linux'"]);
    const skip = runs(job, /TWOWAY_SKIP_BLUESKY_SERVER=1/);
    expect(skip.map((step) => step.if)).toEqual(["runner.os != 'Linux'"]);
  });

  it('runs the real Electron spec on every system, under a display on Linux, once the binary is installed', () => {
    const job = read(ci).jobs.test!;
    const spec = runs(job, /npx playwright test --project electron$/);
    expect(spec.map((step) => step.if)).toEqual(["runner.os == 'Linux'", "runner.os != 'Linux'"]);
    expect(spec[0]!.run).toMatch(/(^| )xvfb-run -a /);
    // Where the binary is installed a skip would hide a broken app: the spec must run.
    for (const step of spec) expect(step.env?.TWOWAY_REQUIRE_ELECTRON).toBe('1');
    const steps = job.steps.map((step) => step.run);
    const installed = steps.indexOf('npx --no install-electron');
    expect(installed).toBeGreaterThan(steps.indexOf('npm test'));
    for (const step of spec) expect(job.steps.indexOf(step)).toBeGreaterThan(installed);
    expect(fs.existsSync(path.join(root, 'tests/electron/desktopBus.sh'))).toBe(true);
  });

  it('keeps the Playwright traces of a failed run', () => {
    const job = read(ci).jobs.test!;
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toMatchObject({ if: 'failure()', with: { path: 'test-results/' } });
  });
});

describe('Release', () => {
  it('runs on v* tags only', () => {
    const { on } = read(release);
    expect(on).toEqual({ push: { tags: ['v*'] } });
  });

  it('builds on the three systems and publishes to the release with the repository token', () => {
    const { jobs, permissions } = read(release);
    expect(permissions).toEqual({ contents: 'write' });
    const build = jobs.build!;
    expect(build.strategy?.matrix.os).toEqual(systems);
    expect(build.needs).toBe('draft');
    const commands = build.steps.map((step) => step.run);
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npx electron-vite build'));
    const publish = runs(build, /electron-builder/);
    expect(publish).toHaveLength(1);
    expect(commands.indexOf('npx electron-vite build')).toBeLessThan(build.steps.indexOf(publish[0]!));
    expect(publish[0]).toMatchObject({
      run: 'npx electron-builder --publish always',
      env: { GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}' },
    });
  });

  it('signs where the secrets are given and otherwise publishes unsigned', () => {
    const [publish] = runs(read(release).jobs.build!, /electron-builder/);
    const env = publish!.env!;
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
    ])
      expect(env[secret]).toBe(`\${{ secrets.${secret} }}`);
    // Looking for a certificate in the keychain only where one was given for that system.
    expect(env.CSC_IDENTITY_AUTO_DISCOVERY).toContain("runner.os == 'macOS' && secrets.CSC_LINK != ''");
    expect(env.CSC_IDENTITY_AUTO_DISCOVERY).toContain("runner.os == 'Windows' && secrets.WIN_CSC_LINK != ''");
  });
});
