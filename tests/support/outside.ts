import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tempDir.ts';

/** Every file under `root` but those in `skip`, by its path from root, with its bytes. */
function filesUnder(root: string, skip: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const name = path.join(prefix, entry.name);
    if (path.join(root, name) === skip) continue;
    if (entry.isDirectory()) Object.assign(files, filesUnder(root, skip, name));
    else files[name] = fs.readFileSync(path.join(root, name), 'latin1');
  }
  return files;
}

/**
 * A data folder among the user's other files — one named like what a hostile server's id points at, one in a
 * sibling folder. `outside()` lists every file outside the data folder: equal before and after means untouched.
 */
export function dataDirAmongOthers() {
  const root = tempDir();
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(root, 'victim-target.json'), JSON.stringify({ mine: 'a file of the user’s own' }));
  fs.mkdirSync(path.join(root, 'documents'));
  fs.writeFileSync(path.join(root, 'documents', 'clients.json'), '[{"name":"Ana"}]');
  return { root, dataDir, outside: () => filesUnder(root, dataDir) };
}
