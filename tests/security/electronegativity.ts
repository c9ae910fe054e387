// Runs Electronegativity on src/ and fails on any finding that .electronegativity.json does not justify.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Justification {
  check: string;
  file: string;
  why: string;
}
const config = JSON.parse(fs.readFileSync('.electronegativity.json', 'utf8')) as {
  skippedChecks: Record<string, string>;
  justified: Justification[];
};
const electronVersion = (
  JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-electronegativity-')), 'findings.sarif');

execFileSync(
  'npx',
  [
    'electronegativity',
    '-i',
    'src',
    '-r',
    '-e',
    electronVersion,
    '-x',
    Object.keys(config.skippedChecks).join(','),
    '-o',
    report,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

interface SarifResult {
  ruleId: string;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
}
const sarif = JSON.parse(fs.readFileSync(report, 'utf8')) as { runs: { results: SarifResult[] }[] };
const findings = sarif.runs.flatMap((run) =>
  run.results.map((result) => {
    const where = result.locations?.[0]?.physicalLocation;
    return {
      check: result.ruleId,
      file: where?.artifactLocation?.uri ?? 'N/A',
      location: String(where?.region?.startLine ?? 0),
    };
  }),
);
const justified = (f: (typeof findings)[number]) =>
  config.justified.some((j) => j.check === f.check && j.file === f.file);
const open = findings.filter((f) => !justified(f));

for (const f of findings) console.log(`${justified(f) ? 'justified' : 'FINDING  '} ${f.check} ${f.file}:${f.location}`);
const unused = config.justified.filter((j) => !findings.some((f) => f.check === j.check && f.file === j.file));
for (const j of unused) console.log(`stale justification (no such finding any more): ${j.check} ${j.file}`);
console.log(`electronegativity: ${findings.length - open.length} justified, ${open.length} open`);
process.exit(open.length > 0 || unused.length > 0 ? 1 : 0);
