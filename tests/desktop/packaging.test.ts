// What the installers carry, proven on electron-builder's own output: `npm run dist -- --linux --dir` (the one
// target that downloads nothing) with the stand-in Electron, then the app.asar read back.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trayIconFiles } from '../../src/main/core/desktop/trayIconFile.ts';
import { dependencyClosure, loadedFiles, packagesImportedBy, readManifest, type Tree } from '../support/moduleGraph.ts';
import { decodePng } from '../support/png.ts';
import { writeStandInElectron } from '../support/standInElectron.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const disk: Tree = {
  isFile: (file) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile() ?? false,
  read: (file) => fs.readFileSync(path.join(root, file)),
};
const manifest = readManifest(disk, '.');
const main = path.posix.normalize(manifest.main ?? 'index.js');
const electronVersion = readManifest(disk, 'node_modules/electron').version;

const sorted = (values: Iterable<string>) => [...values].sort();

describe('the packaged app (npm run dist -- --dir, Linux)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-packaging-'));
  const output = path.join(work, 'dist');
  const appDir = path.join(output, 'linux-unpacked');
  const asar = path.join(appDir, 'resources', 'app.asar');
  let entries = new Set<string>();
  const folders = new Set<string>();
  const asarTree: Tree = {
    isFile: (file) => entries.has(`/${file}`) && !folders.has(`/${file}`),
    read: (file) => extractFile(asar, file),
  };
  // Every request electron-builder makes lands here and is refused: a download fails at once instead of hanging.
  const attempts: string[] = [];
  const offline = http.createServer((request, response) => {
    attempts.push(`${request.method} ${request.url}`);
    response.writeHead(403).end('offline');
  });
  offline.on('connect', (request, socket) => {
    attempts.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });

  beforeAll(async () => {
    if (!disk.isFile(main)) throw new Error(`${main} is missing: run npm run build first`);
    writeStandInElectron(path.join(work, 'electron'), electronVersion);
    offline.listen(0, '127.0.0.1');
    await once(offline, 'listening');
    const { port } = offline.address() as { port: number };
    const refuse = `http://127.0.0.1:${port}`;
    // The README's `npm run dist` (a build, then electron-builder), for the one target that needs no download.
    const args = ['run', 'dist', '--', '--linux', '--dir', '--publish', 'never'];
    args.push(`-c.electronDist=${path.join(work, 'electron')}`, `-c.directories.output=${output}`);
    const env = {
      ...process.env,
      // An empty cache: nothing downloaded earlier can stand in for a download now.
      ELECTRON_BUILDER_CACHE: path.join(work, 'cache'),
      ELECTRON_MIRROR: `${refuse}/electron/`,
      ELECTRON_BUILDER_BINARIES_MIRROR: `${refuse}/electron-builder-binaries/`,
      NODE_USE_ENV_PROXY: '1',
      HTTP_PROXY: refuse,
      HTTPS_PROXY: refuse,
      NO_PROXY: '',
      NO_UPDATE_NOTIFIER: '1',
      npm_config_offline: 'true',
    };
    try {
      await promisify(execFile)('npm', args, { cwd: root, env, timeout: 120_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      const tried = attempts.length ? `, after trying to download ${attempts.join(', ')}` : '';
      throw new Error(`npm run dist failed${tried}:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
    }
    entries = new Set(listPackage(asar, { isPack: false }).map((entry) => entry.split(path.sep).join('/')));
    for (const entry of entries) folders.add(path.posix.dirname(entry));
  }, 150_000);

  afterAll(() => {
    offline.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('was built without a download', () => {
    expect(attempts).toEqual([]);
  });

  it('holds the built app, its manifest and its modules, and nothing else of the checkout', () => {
    const topLevel = sorted([...entries].filter((entry) => entry.split('/').length === 2));
    expect(topLevel).toEqual(['/node_modules', '/out', '/package.json']);
    for (const folder of ['tests', 'bench', 'src', 'docs', 'build', 'scripts', '.tools']) {
      expect(entries.has(`/${folder}`), `${folder}/ is packed`).toBe(false);
    }
  });

  it('packs out/main, out/preload and out/renderer exactly as built', () => {
    const built = fs
      .readdirSync(path.join(root, 'out'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    for (const part of ['main', 'preload', 'renderer']) {
      expect(built.filter((file) => file.startsWith(`out/${part}/`)).length, `out/${part}`).toBeGreaterThan(0);
    }
    const packed = [...entries].filter((entry) => entry.startsWith('/out/') && !folders.has(entry));
    expect(sorted(packed)).toEqual(sorted(built.map((file) => `/${file}`)));
    for (const file of built) expect(asarTree.read(file).equals(disk.read(file)), file).toBe(true);
  });

  it("starts from the packed manifest's main, inside the archive", () => {
    const packedMain = path.posix.normalize(readManifest(asarTree, '.').main ?? 'index.js');
    expect(packedMain).toBe(main);
    expect(asarTree.isFile(packedMain), `${packedMain} is not in app.asar`).toBe(true);
    expect(asarTree.read(packedMain).equals(disk.read(packedMain))).toBe(true);
  });

  it('holds every package the main process loads, with everything each of them needs', () => {
    const imports = packagesImportedBy(disk, main);
    expect(imports.length).toBeGreaterThan(0);
    const installed = dependencyClosure(disk, imports);
    expect(installed.missing, 'not installed in the checkout').toEqual([]);
    const packed = dependencyClosure(asarTree, imports);
    expect(packed.missing).toEqual([]);
    expect(sorted(new Set(packed.packages.values()))).toEqual(sorted(new Set(installed.packages.values())));
  });

  it('holds every file the main process reaches through its imports', () => {
    const installed = loadedFiles(disk, main);
    const packed = loadedFiles(asarTree, main);
    // The walk went into each package the main process imports (a file id starts with the package's name@).
    for (const name of packagesImportedBy(disk, main)) {
      expect(
        [...installed.files].some((id) => id.startsWith(`${name}@`)),
        name,
      ).toBe(true);
    }
    const lost = [...packed.unresolved].filter((miss) => !installed.unresolved.has(miss));
    expect(lost, 'imports that find nothing in app.asar').toEqual([]);
    expect(sorted(packed.files)).toEqual(sorted(installed.files));
  });

  it('holds only production dependencies: no devDependency, nor anything only they need', () => {
    // electron-builder may hoist a package to another folder than npm did: packages compare by name and version.
    const production = new Set(dependencyClosure(disk, Object.keys(manifest.dependencies ?? {})).packages.values());
    const packageRoot = /^\/(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+package\.json$/;
    const packed = [...entries]
      .filter((entry) => packageRoot.test(entry))
      .map((entry) => readManifest(asarTree, path.posix.dirname(entry.slice(1))))
      .map((pkg) => `${pkg.name}@${pkg.version}`);
    expect(packed.length).toBeGreaterThan(0);
    expect(
      packed.filter((id) => !production.has(id)),
      'packed, yet no production dependency needs it',
    ).toEqual([]);
    const devOnly = Object.keys(manifest.devDependencies ?? {})
      .map((name) => readManifest(disk, `node_modules/${name}`))
      .map((pkg) => `${pkg.name}@${pkg.version}`)
      .filter((id) => !production.has(id));
    expect(devOnly).toContain(`electron@${electronVersion}`);
    expect(packed.filter((id) => devOnly.includes(id))).toEqual([]);
  });

  it('carries the tray icons beside app.asar, in resources/tray where the packaged app looks, as build/tray has them', () => {
    const tray = path.join(appDir, 'resources', 'tray');
    const files = trayIconFiles().map((icon) => icon.file);
    expect(sorted(fs.readdirSync(tray))).toEqual(sorted(files));
    for (const file of files) {
      expect(
        fs.readFileSync(path.join(tray, file)).equals(fs.readFileSync(path.join(root, 'build', 'tray', file))),
        file,
      ).toBe(true);
    }
  });

  it('names its executable and tells electron-updater where releases are', () => {
    fs.accessSync(path.join(appDir, 'twoway'), fs.constants.X_OK);
    const updateConfig = Object.fromEntries(
      fs
        .readFileSync(path.join(appDir, 'resources', 'app-update.yml'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/:\s*/, 2)),
    );
    const [owner, repo] = (manifest.repository ?? '').replace(/^github:/, '').split('/');
    expect(updateConfig).toMatchObject({ provider: 'github', owner, repo });
  });
});

describe('the icons every installer takes', () => {
  const build = path.join(root, 'build');
  /** Width and height from a PNG's header chunk. */
  const pngSize = (png: Buffer) => {
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  it('has a 1024 px PNG and the Linux sizes from 16 to 512', () => {
    expect(pngSize(fs.readFileSync(path.join(build, 'icon.png')))).toEqual([1024, 1024]);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(fs.readFileSync(path.join(build, 'icons', `${size}x${size}.png`))), `${size}`).toEqual([
        size,
        size,
      ]);
    }
  });

  it('has a Windows .ico from 16 to 256 px', () => {
    const ico = fs.readFileSync(path.join(build, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const size = ico[at] || 256;
      const image = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      // Each image is a PNG or a 32-bit bitmap (header size 40, height counting the mask rows).
      const drawn = image[0] === 0x89 ? pngSize(image) : [image.readInt32LE(4), image.readInt32LE(8) / 2];
      expect(drawn, `image ${i}`).toEqual([size, size]);
      return size;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns up to 1024 px (512 px at 2x)', () => {
    const icns = fs.readFileSync(path.join(build, 'icon.icns'));
    expect([icns.subarray(0, 4).toString('latin1'), icns.readUInt32BE(4)]).toEqual(['icns', icns.length]);
    const found: Record<string, number[]> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      found[icns.subarray(at, at + 4).toString('latin1')] = pngSize(
        icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)),
      );
    }
    const pixels = {
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    };
    for (const [type, size] of Object.entries(pixels)) expect(found[type], type).toEqual([size, size]);
  });

  it('has a tray icon for every state and scale, the macOS ones black with only their shape in the alpha', () => {
    for (const { file, pixels, template } of trayIconFiles()) {
      const { width, height, rgba } = decodePng(fs.readFileSync(path.join(build, 'tray', file)));
      expect([width, height], file).toEqual([pixels, pixels]);
      const drawn: number[] = [];
      for (let at = 0; at < rgba.length; at += 4) if (rgba[at + 3]! > 0) drawn.push(rgba.readUInt32BE(at) >>> 8);
      // A shape on a clear ground: some pixels drawn, the corners left clear.
      expect(drawn.length, file).toBeGreaterThan(pixels * 2);
      expect(rgba[3], file).toBe(0);
      if (template) expect(new Set(drawn), file).toEqual(new Set([0]));
      else
        expect(
          drawn.some((rgb) => rgb !== 0),
          file,
        ).toBe(true);
    }
  });
});
