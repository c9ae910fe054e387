// The tray icons, drawn as PNGs at run time: a grey ring when idle, a filled disc in the session's colour while
// timing, orange-red once an online session has used up the day's budget. PNG rather than raw bitmaps, whose
// byte order differs by platform. No Electron here.
import { crc32, deflateSync } from 'node:zlib';
import type { TrayState } from '../core/desktop/trayView.ts';

type Rgb = readonly [number, number, number];

const looks: Record<TrayState, { colour: Rgb; ring: boolean }> = {
  idle: { colour: [138, 143, 152], ring: true },
  online: { colour: [47, 111, 237], ring: false },
  offline: { colour: [46, 158, 91], ring: false },
  over: { colour: [226, 87, 34], ring: false },
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA image as PNG: one filter byte (none) before each row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter set, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The icon for a state, `size` pixels square, edges smoothed by how much of each pixel the shape covers. */
export function trayIconPng(state: TrayState, size: number): Buffer {
  const { colour, ring } = looks[state];
  const centre = size / 2;
  const outer = size * 0.42;
  const inner = ring ? outer - Math.max(1.5, size * 0.14) : -1;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
      const coverage = Math.min(1, Math.max(0, outer + 0.5 - distance), Math.max(0, distance - inner + 0.5));
      const at = (y * size + x) * 4;
      rgba.set([...colour, Math.round(coverage * 255)], at);
    }
  }
  return encodePng(size, size, rgba);
}
