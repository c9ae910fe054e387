// npm run preview:web [-- --demo] [--data-dir DIR] [--port N]: the app in a browser, with real services.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock.ts';
import { createApi } from '../services/api.ts';
import { createServices } from '../services/app.ts';
import { openConfFile } from '../services/confFile.ts';
import { startPreview } from './host.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
  },
});

const dataDir = path.resolve(values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-preview-')));
const rendererDir = path.resolve(import.meta.dirname, '../../../out/renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`No built renderer in ${rendererDir}: run npm run build first.`);
  process.exit(1);
}

// The one locale main writes times and counts in, the system's, as the page's browser most likely has it too.
const locale = Intl.DateTimeFormat().resolvedOptions().locale;
const services = createServices({
  dataDir,
  openFile: openConfFile,
  clock: systemClock,
  host: 'browser-preview',
  locale,
});
await services.start();
if (values.demo && !services.status().hasData) services.loadDemo();
const preview = await startPreview({
  dispatch: createApi(services),
  events: services.events,
  rendererDir,
  port: Number(values.port),
});

console.log(`Twoway preview — data in ${dataDir}`);
console.log(`Open ${preview.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    services.close();
    void preview.close().then(() => process.exit(0));
  });
}
