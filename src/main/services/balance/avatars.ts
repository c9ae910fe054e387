// People's pictures, fetched by main only (the window shows no remote image): checked by core/avatarCheck, kept
// on disk under the data folder by a hash of their address, handed out as data: URLs. A few at a time; an
// address that failed is not asked again for a while. The folder keeps within core/avatarCache's limits, checked at
// start and after each picture written; each file's modification time says when it was last shown.
import fs from 'node:fs';
import path from 'node:path';
import { HOUR, MINUTE } from '../../../shared/calendar.ts';
import { avatarCacheLimits, picturesToPrune, type CacheLimits } from '../../core/balance/avatarCache.ts';
import { avatarDataUrl, avatarFileName, avatarLimit, avatarUrlProblem } from '../../core/balance/avatarCheck.ts';
import type { Clock } from '../../core/clock.ts';

/** Pictures fetched at once. */
const atOnce = 4;
/** A picture that could not be had is not asked for again before this. */
export const avatarRetryMs = 15 * MINUTE;
const timeoutMs = 15_000;
const redirectsFollowed = 3;

export interface AvatarsDeps {
  dataDir: string;
  clock: Clock;
  /** How much the folder keeps; the usual limits unless a test asks for smaller ones. */
  limits?: CacheLimits;
}

/** The body up to the limit; past it, null and the connection is dropped. */
async function boundedBody(response: Response): Promise<Uint8Array | null> {
  if (Number(response.headers.get('content-length')) > avatarLimit) {
    await response.body?.cancel();
    return null;
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > avatarLimit) {
      await reader!.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

export function createAvatars({ dataDir, clock, limits = avatarCacheLimits }: AvatarsDeps) {
  const folder = path.join(dataDir, 'avatars');
  /** The folder's pictures by file name: read at start, kept up to date as pictures are shown and written. */
  const kept = new Map<string, { bytes: number; usedAt: number }>();
  const failedAt = new Map<string, number>();
  const pending = new Map<string, Promise<string | null>>();
  const queue: (() => void)[] = [];
  let active = 0;

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (active >= atOnce) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      queue.shift()?.();
    }
  }

  /** The picture's bytes, every redirect checked by the same rules; null when refused or unreadable. */
  async function download(address: string): Promise<Uint8Array | null> {
    let url = address;
    for (let hop = 0; hop <= redirectsFollowed; hop++) {
      if (avatarUrlProblem(url) !== null) return null;
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'image/png, image/jpeg, image/gif, image/webp' },
      });
      const next = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && next) {
        await response.body?.cancel();
        url = new URL(next, url).href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return null;
      }
      return boundedBody(response);
    }
    return null;
  }

  /** Notes that a picture was shown now, on disk too, so the next start knows which were shown lately. */
  function used(name: string, bytes: number) {
    const now = clock.now();
    kept.set(name, { bytes, usedAt: now });
    try {
      fs.utimesSync(path.join(folder, name), now / 1000, now / 1000);
    } catch {
      // A read-only disk: the order is kept for this run.
    }
  }

  function prune() {
    const pictures = [...kept].map(([name, facts]) => ({ name, ...facts }));
    for (const name of picturesToPrune(pictures, limits)) {
      try {
        fs.rmSync(path.join(folder, name), { force: true });
        kept.delete(name);
      } catch {
        // Tried again after the next picture written.
      }
    }
  }

  function scan() {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return; // No pictures kept yet.
    }
    for (const name of names) {
      try {
        const stat = fs.statSync(path.join(folder, name));
        if (!stat.isFile()) continue;
        // A write cut short by a quit leaves its temporary file; one being written now is younger.
        if (name.includes('.tmp-')) {
          if (clock.now() - stat.mtimeMs > HOUR) fs.rmSync(path.join(folder, name), { force: true });
        } else kept.set(name, { bytes: stat.size, usedAt: stat.mtimeMs });
      } catch {
        // Gone meanwhile, or unreadable: nothing to count.
      }
    }
  }

  function fromDisk(name: string): string | null {
    try {
      const bytes = fs.readFileSync(path.join(folder, name));
      const shown = avatarDataUrl(bytes);
      if (!('url' in shown)) return null;
      used(name, bytes.byteLength);
      return shown.url;
    } catch {
      return null;
    }
  }

  async function fetchAndKeep(address: string, name: string): Promise<string | null> {
    const bytes = await slot(() => download(address)).catch(() => null);
    const shown = bytes === null ? null : avatarDataUrl(bytes);
    if (shown === null || !('url' in shown)) {
      failedAt.set(address, clock.now());
      return null;
    }
    try {
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, name);
      const temporary = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(temporary, bytes!);
      fs.renameSync(temporary, file);
      used(name, bytes!.byteLength);
      prune();
    } catch {
      // A full or read-only disk: shown now, fetched again next time.
    }
    return shown.url;
  }

  scan();
  prune();

  return {
    /** The picture at this address as a data: URL; null when it is refused, unreadable, or failed lately. */
    get(address: string): Promise<string | null> {
      if (avatarUrlProblem(address) !== null) return Promise.resolve(null);
      const name = avatarFileName(address);
      const onDisk = fromDisk(name);
      if (onDisk !== null) return Promise.resolve(onDisk);
      const failed = failedAt.get(address);
      if (failed !== undefined && clock.now() - failed < avatarRetryMs) return Promise.resolve(null);
      let running = pending.get(address);
      if (!running) {
        running = fetchAndKeep(address, name).finally(() => pending.delete(address));
        pending.set(address, running);
      }
      return running;
    },
  };
}
export type Avatars = ReturnType<typeof createAvatars>;
