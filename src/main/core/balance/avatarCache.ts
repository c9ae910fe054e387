// How many pictures the avatars folder keeps: people scroll past thousands over months, and a cache that only
// grows fills the disk. Past either limit, the pictures unused the longest go first.

export interface CachedPicture {
  name: string;
  bytes: number;
  /** When it was last shown (or fetched). */
  usedAt: number;
}

export interface CacheLimits {
  files: number;
  bytes: number;
}

export const avatarCacheLimits: CacheLimits = { files: 2000, bytes: 50 * 1024 * 1024 };

/** The pictures to delete so the rest keep within the limits: the longest unused first. */
export function picturesToPrune(pictures: readonly CachedPicture[], limits: CacheLimits): string[] {
  const oldestFirst = [...pictures].sort((a, b) => a.usedAt - b.usedAt || a.name.localeCompare(b.name));
  let files = oldestFirst.length;
  let bytes = oldestFirst.reduce((sum, p) => sum + p.bytes, 0);
  const pruned: string[] = [];
  for (const picture of oldestFirst) {
    if (files <= limits.files && bytes <= limits.bytes) break;
    pruned.push(picture.name);
    files--;
    bytes -= picture.bytes;
  }
  return pruned;
}
