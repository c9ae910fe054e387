// People's pictures, fetched by main only (the window shows no remote image): checked by core/avatarCheck, kept
// on disk under the data folder by a hash of their address, handed out as data: URLs. A few at a time; an
// address that failed is not asked again for a while.
import fs from 'node:fs';
import path from 'node:path';
import { MINUTE } from '../../shared/calendar.ts';
import { avatarDataUrl, avatarFileName, avatarLimit, avatarUrlProblem } from '../core/avatarCheck.ts';
import type { Clock } from '../core/clock.ts';

/** Pictures fetched at once. */
const atOnce = 4;
/** A picture that could not be had is not asked for again before this. */
export const avatarRetryMs = 15 * MINUTE;
const timeoutMs = 15_000;
const redirectsFollowed = 3;

export interface AvatarsDeps {
  dataDir: string;
  clock: Clock;
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

export function createAvatars({ dataDir, clock }: AvatarsDeps) {
  const folder = path.join(dataDir, 'avatars');
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

  function fromDisk(file: string): string | null {
    try {
      const shown = avatarDataUrl(fs.readFileSync(file));
      return 'url' in shown ? shown.url : null;
    } catch {
      return null;
    }
  }

  async function fetchAndKeep(address: string, file: string): Promise<string | null> {
    const bytes = await slot(() => download(address)).catch(() => null);
    const shown = bytes === null ? null : avatarDataUrl(bytes);
    if (shown === null || !('url' in shown)) {
      failedAt.set(address, clock.now());
      return null;
    }
    try {
      fs.mkdirSync(folder, { recursive: true });
      const temporary = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(temporary, bytes!);
      fs.renameSync(temporary, file);
    } catch {
      // A full or read-only disk: shown now, fetched again next time.
    }
    return shown.url;
  }

  return {
    /** The picture at this address as a data: URL; null when it is refused, unreadable, or failed lately. */
    get(address: string): Promise<string | null> {
      if (avatarUrlProblem(address) !== null) return Promise.resolve(null);
      const file = path.join(folder, avatarFileName(address));
      const kept = fromDisk(file);
      if (kept !== null) return Promise.resolve(kept);
      const failed = failedAt.get(address);
      if (failed !== undefined && clock.now() - failed < avatarRetryMs) return Promise.resolve(null);
      let running = pending.get(address);
      if (!running) {
        running = fetchAndKeep(address, file).finally(() => pending.delete(address));
        pending.set(address, running);
      }
      return running;
    },
  };
}
export type Avatars = ReturnType<typeof createAvatars>;
