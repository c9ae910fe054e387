// What a built Node/Electron program loads at run time, read from its files as Node would resolve them: the
// packages it needs (from package.json dependencies) and the files it reaches (from import, export from, import()
// and require). The same lookups run on the checkout and on a packed app.asar, so the two can be compared.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** A file tree to resolve in: the checkout on disk, or a packed app.asar. Paths are relative, with '/'. */
export interface Tree {
  isFile(file: string): boolean;
  read(file: string): Buffer;
}

export interface Manifest {
  name: string;
  version: string;
  main?: string;
  exports?: unknown;
  imports?: unknown;
  repository?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export const readManifest = (tree: Tree, dir: string) =>
  JSON.parse(tree.read(path.posix.join(dir, 'package.json')).toString('utf8')) as Manifest;

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Node's lookup: node_modules/<name> beside the requiring file's folder, then in each folder above it. */
function findPackage(tree: Tree, name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.posix.dirname(dir)) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (tree.isFile(`${candidate}/package.json`)) return candidate;
    if (dir === '.') return undefined;
  }
}

/** Everything the named packages need, transitively, as `name@version` by folder, and what could not be found. */
export function dependencyClosure(tree: Tree, names: string[]): { packages: Map<string, string>; missing: string[] } {
  const packages = new Map<string, string>();
  const missing: string[] = [];
  const queue = names.map((name) => ({ name, from: '.', required: true, neededBy: 'the app' }));
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const dir = findPackage(tree, next.name, next.from);
    if (dir === undefined) {
      if (next.required) missing.push(`${next.name} (needed by ${next.neededBy})`);
      continue;
    }
    if (packages.has(dir)) continue;
    const pkg = readManifest(tree, dir);
    packages.set(dir, `${pkg.name}@${pkg.version}`);
    const edge = (name: string, required: boolean) => ({ name, from: dir, required, neededBy: pkg.name });
    queue.push(...Object.keys(pkg.dependencies ?? {}).map((name) => edge(name, true)));
    // Optional and peer packages count where they are installed (a peer marked optional is the user's choice).
    queue.push(...Object.keys(pkg.optionalDependencies ?? {}).map((name) => edge(name, false)));
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => !pkg.peerDependenciesMeta?.[name]?.optional);
    queue.push(...peers.map((name) => edge(name, false)));
  }
  return { packages, missing };
}

const specifiersOf = (source: string) => ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
const isScript = (file: string) => /\.[cm]?js$/.test(file);
const providedByRuntime = (specifier: string) => isBuiltin(specifier) || packageName(specifier) === 'electron';

/** The folder of the package a file belongs to ('.' for the app's own files). */
function ownerOf(file: string): string {
  const at = file.lastIndexOf('node_modules/') + 'node_modules/'.length;
  if (at < 'node_modules/'.length) return '.';
  const rest = file.slice(at).split('/');
  return file.slice(0, at) + rest.slice(0, rest[0]!.startsWith('@') ? 2 : 1).join('/');
}

function manifests(tree: Tree): (dir: string) => Manifest {
  const read = new Map<string, Manifest>();
  return (dir) => read.get(dir) ?? read.set(dir, readManifest(tree, dir)).get(dir)!;
}

/** The packages a file and the files it imports relatively load; Electron's own modules come with Electron. */
export function packagesImportedBy(tree: Tree, entry: string): string[] {
  const names = new Set<string>();
  walk(tree, entry, { bare: (specifier) => names.add(packageName(specifier)) });
  return [...names].sort();
}

/**
 * Every file reached from the entry, through packages too, named `package@version/path` (or `app/path` outside
 * node_modules) so that a package hoisted to another folder still matches; and the imports that resolved to nothing.
 */
export function loadedFiles(tree: Tree, entry: string): { files: Set<string>; unresolved: Set<string> } {
  const manifestOf = manifests(tree);
  const id = (file: string) => {
    const owner = ownerOf(file);
    if (owner === '.') return `app/${file}`;
    const { name, version } = manifestOf(owner);
    return `${name}@${version}/${file.slice(owner.length + 1)}`;
  };
  const unresolved = new Set<string>();
  const files = walk(tree, entry, { unresolved: (specifier, from) => unresolved.add(`${specifier} from ${id(from)}`) });
  return { files: new Set([...files].map(id)), unresolved };
}

interface WalkOptions {
  /** Given, package specifiers go to it and are not followed; absent, they are resolved into their packages. */
  bare?: (specifier: string) => void;
  unresolved?: (specifier: string, from: string) => void;
}

function walk(tree: Tree, entry: string, options: WalkOptions): Set<string> {
  const manifestOf = manifests(tree);
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!isScript(file)) continue;
    const owner = ownerOf(file);
    for (const specifier of specifiersOf(tree.read(file).toString('utf8'))) {
      if (providedByRuntime(specifier)) continue;
      let targets: (string | undefined)[];
      if (specifier.startsWith('.')) {
        targets = [resolveFile(tree, path.posix.join(path.posix.dirname(file), specifier))];
      } else if (specifier.startsWith('#')) {
        // The package's own import map: `#name` to one of its files.
        const mapped = mapTargets(manifestOf(owner).imports, specifier).filter((target) => target.startsWith('./'));
        targets = mapped.map((target) => resolveFile(tree, path.posix.join(owner, target)));
      } else if (options.bare) {
        options.bare(specifier);
        continue;
      } else if (declares(manifestOf(owner), packageName(specifier))) {
        targets = resolvePackage(tree, manifestOf, specifier, path.posix.dirname(file));
      } else {
        // Not a dependency of the package requiring it (a guarded optional require, as `debug` makes of
        // supports-color): found only where something else happens to install it.
        continue;
      }
      const found = targets.filter((target) => target !== undefined);
      if (found.length === 0) options.unresolved?.(specifier, file);
      queue.push(...found);
    }
  }
  return seen;
}

function declares(pkg: Manifest, name: string): boolean {
  const optionalPeer = pkg.peerDependenciesMeta?.[name]?.optional === true;
  return (
    name === pkg.name ||
    name in (pkg.dependencies ?? {}) ||
    name in (pkg.optionalDependencies ?? {}) ||
    (name in (pkg.peerDependencies ?? {}) && !optionalPeer)
  );
}

function resolveFile(tree: Tree, file: string): string | undefined {
  const candidates = [file, `${file}.js`, `${file}.cjs`, `${file}.mjs`, `${file}.json`, `${file}/index.js`];
  return candidates.find((candidate) => tree.isFile(candidate));
}

/** The files a package specifier may load: through the package's exports map, else its main. */
function resolvePackage(
  tree: Tree,
  manifestOf: (dir: string) => Manifest,
  specifier: string,
  from: string,
): (string | undefined)[] {
  const name = packageName(specifier);
  const dir = findPackage(tree, name, from);
  if (dir === undefined) return [];
  const pkg = manifestOf(dir);
  const subpath = `.${specifier.slice(name.length)}`;
  const inPackage = (target: string) => resolveFile(tree, path.posix.join(dir, target));
  if (pkg.exports === undefined) return [inPackage(subpath === '.' ? (pkg.main ?? 'index.js') : subpath)];
  return mapTargets(pkg.exports, subpath).map(inPackage);
}

// Conditions Node matches in Electron's main process; `import` and `require` are both kept, either may load.
const conditions = new Set(['node', 'import', 'require', 'module-sync', 'default']);

/** The targets an exports or imports map gives a subpath (`.`, `./name` or `#name`), patterns with `*` included. */
function mapTargets(map: unknown, subpath: string): string[] {
  const targets: string[] = [];
  const collect = (value: unknown, star?: string): void => {
    if (typeof value === 'string') targets.push(star === undefined ? value : value.replaceAll('*', star));
    else if (Array.isArray(value)) value.forEach((item) => collect(item, star));
    else if (value && typeof value === 'object') {
      for (const [key, nested] of Object.entries(value)) if (conditions.has(key)) collect(nested, star);
    }
  };
  const keyed = (map ?? {}) as Record<string, unknown>;
  if (typeof map !== 'object' || !Object.keys(keyed).some((key) => key.startsWith('.') || key.startsWith('#'))) {
    if (subpath === '.') collect(map);
  } else if (subpath in keyed) {
    collect(keyed[subpath]);
  } else {
    for (const [key, value] of Object.entries(keyed)) {
      const [prefix, suffix] = key.split('*');
      if (suffix === undefined || !subpath.startsWith(prefix!) || !subpath.endsWith(suffix)) continue;
      collect(value, subpath.slice(prefix!.length, subpath.length - suffix.length));
    }
  }
  return targets;
}
