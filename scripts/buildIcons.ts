// Renders build/icon.svg into every icon the installers take, offline, with the local Chromium:
//   node scripts/buildIcons.ts      (CHROMIUM_PATH if Chromium is not at /usr/bin/chromium)
// build/icon.png (1024), build/icons/NxN.png (Linux), build/icon.ico (Windows), build/icon.icns (macOS), and
// from build/tray/<state>.svg the tray icons in build/tray (which files: src/main/core/desktop/trayIconFile.ts).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { trayIconFiles } from '../src/main/core/desktop/trayIconFile.ts';

const buildDir = path.resolve(import.meta.dirname, '..', 'build');
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size (the @2x types share sizes with the plain ones).
const icnsTypes: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

interface Rendered {
  png: Buffer;
  rgba: Buffer;
}

/** One image to draw: an SVG at a size, or its template (black, keeping only the shape's alpha). */
interface Drawing {
  svg: string;
  size: number;
  template?: boolean;
}

/** Chromium draws each SVG at each size itself (no downscaling of a large bitmap), so small sizes stay crisp. */
async function render(drawings: Drawing[]): Promise<Rendered[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    // A string, not a function: this project's Node types have no DOM.
    const drawn = await page.evaluate<{ png: string; rgba: string }[]>(`(async () => {
      const drawings = ${JSON.stringify(drawings)};
      const images = new Map();
      for (const { svg } of drawings) {
        if (images.has(svg)) continue;
        const image = new Image();
        image.src = 'data:image/svg+xml,' + encodeURIComponent(svg);
        await image.decode();
        images.set(svg, image);
      }
      return drawings.map(({ svg, size, template }) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = size;
        const context = canvas.getContext('2d');
        context.drawImage(images.get(svg), 0, 0, size, size);
        if (template) {
          context.globalCompositeOperation = 'source-in';
          context.fillStyle = '#000';
          context.fillRect(0, 0, size, size);
        }
        const pixels = context.getImageData(0, 0, size, size).data;
        let rgba = '';
        for (let i = 0; i < pixels.length; i += 0x8000) rgba += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
        return { png: canvas.toDataURL('image/png').split(',')[1], rgba: btoa(rgba) };
      });
    })()`);
    return drawn.map(({ png, rgba }) => ({ png: Buffer.from(png, 'base64'), rgba: Buffer.from(rgba, 'base64') }));
  } finally {
    await browser.close();
  }
}

/** A 32-bit BMP as ICO stores it: header, bottom-up BGRA rows, then the AND mask, left clear (alpha carries transparency). */
function icoBitmap(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, pixels, mask]);
}

/** Windows icon: bitmaps up to 48 px for the oldest readers, PNG above (as Windows' own icons do). */
function ico(images: Map<number, Rendered>): Buffer {
  const entries = icoSizes.map((size) => {
    const image = images.get(size)!;
    return { size, data: size <= 48 ? icoBitmap(size, image.rgba) : image.png };
  });
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at); // 0 means 256
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...entries.map((entry) => entry.data)]);
}

function icns(images: Map<number, Rendered>): Buffer {
  const elements = icnsTypes.map(([type, size]) => {
    const png = images.get(size)!.png;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((sum, element) => sum + element.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

const svg = fs.readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const sizes = [...new Set([...linuxSizes, ...icoSizes, ...icnsTypes.map(([, size]) => size)])];
const trayDir = path.join(buildDir, 'tray');
const trayFiles = trayIconFiles();
const traySvg = (state: string) => fs.readFileSync(path.join(trayDir, `${state}.svg`), 'utf8');
const drawn = await render([
  ...sizes.map((size) => ({ svg, size })),
  ...trayFiles.map(({ state, pixels, template }) => ({ svg: traySvg(state), size: pixels, template })),
]);
const images = new Map(sizes.map((size, i) => [size, drawn[i]!]));
fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
for (const size of linuxSizes) {
  fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), images.get(size)!.png);
}
fs.writeFileSync(path.join(buildDir, 'icon.png'), images.get(1024)!.png);
fs.writeFileSync(path.join(buildDir, 'icon.ico'), ico(images));
fs.writeFileSync(path.join(buildDir, 'icon.icns'), icns(images));
trayFiles.forEach(({ file }, i) => fs.writeFileSync(path.join(trayDir, file), drawn[sizes.length + i]!.png));
console.log(
  `icons written to ${path.relative(process.cwd(), buildDir) || '.'}: ${sizes.sort((a, b) => a - b).join(', ')} px, ` +
    `and ${trayFiles.length} tray icons`,
);
