// The avatars folder keeps within its limits by deleting the pictures unused the longest.
import { describe, expect, it } from 'vitest';
import { avatarCacheLimits, picturesToPrune } from '../../src/main/core/balance/avatarCache.ts';

const picture = (name: string, usedAt: number, bytes = 10) => ({ name, usedAt, bytes });

describe('which cached pictures go', () => {
  it('none while both limits hold, exactly at them included', () => {
    const pictures = [picture('a', 1), picture('b', 2), picture('c', 3)];
    expect(picturesToPrune(pictures, { files: 3, bytes: 30 })).toEqual([]);
  });

  it('past the file limit, the longest unused first, whatever order the folder lists them in', () => {
    const pictures = [picture('new', 50), picture('old', 1), picture('mid', 20), picture('older', 0)];
    expect(picturesToPrune(pictures, { files: 2, bytes: 1000 })).toEqual(['older', 'old']);
  });

  it('past the size limit, as many of the oldest as it takes, even when a newer one is the big one', () => {
    const pictures = [picture('a', 1, 10), picture('b', 2, 10), picture('c', 3, 10), picture('big', 4, 70)];
    expect(picturesToPrune(pictures, { files: 100, bytes: 75 })).toEqual(['a', 'b', 'c']);
  });

  it('keeps 2,000 pictures of a usual size, or 50 MB', () => {
    const many = Array.from({ length: 2003 }, (_, i) => picture(`p${i}`, i, 8_000));
    expect(picturesToPrune(many, avatarCacheLimits)).toEqual(['p0', 'p1', 'p2']);
    const large = Array.from({ length: 60 }, (_, i) => picture(`l${i}`, i, 1024 * 1024));
    expect(picturesToPrune(large, avatarCacheLimits)).toHaveLength(10);
  });
});
