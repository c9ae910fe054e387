// npm run bench: one JSON line per measurement; "goal" is the upper bound.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { line } from './measure.ts';

await import('./time.ts');
await import('./followers.ts');
await import('./firstRows.ts');
await import('./bluesky.ts');
await import('./catchUp.ts');
await import('./xArchive.ts');
await import('./devices.ts');

// The renderer's initial JavaScript, gzipped (npm run bench builds first).
const assets = path.join('out', 'renderer', 'assets');
const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
const bytes = js.reduce((sum, f) => sum + gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
line('renderer initial JS, gzipped', bytes / 1024, 'KB', 200);
