// Sorted ids as plain ASCII bytes, one after the other, as an account file holds them: who does not follow back
// is one merge walk comparing bytes in place, with no string made per id. For ASCII, bytes order as the strings.
import { inKeyOrder, type KeyOrder } from './numberOrder.ts';

/** Row `i`'s id is `lengths[i]` bytes of `bytes` from `starts[i]`. */
export interface IdBytes {
  bytes: Uint8Array;
  starts: Uint32Array;
  lengths: Uint32Array;
}

/**
 * The rows of `following` whose ids are not among `followers` (both sorted), ghosts left out, oldest follow
 * first and equal dates in id order: what notFollowingBackRows answers for strings.
 */
export function notFollowingBackRowsOfBytes(
  followers: IdBytes,
  following: IdBytes,
  followedAt: ArrayLike<number>,
  ghosts: ReadonlyMap<number, unknown>,
): KeyOrder {
  const { bytes: a, starts: aStarts, lengths: aLengths } = followers;
  const { bytes: b, starts: bStarts, lengths: bLengths } = following;
  const count = aStarts.length;
  const rows = new Uint32Array(bStarts.length);
  const dates = new Float64Array(bStarts.length);
  let found = 0;
  let i = 0;
  for (let row = 0; row < bStarts.length; row++) {
    const start = bStarts[row]!;
    const length = bLengths[row]!;
    // Step past the followers whose ids sort before this one; `order` ends as this follower against it.
    let order = 1;
    while (i < count) {
      const other = aStarts[i]!;
      const otherLength = aLengths[i]!;
      const shorter = otherLength < length ? otherLength : length;
      let k = 0;
      while (k < shorter && a[other + k] === b[start + k]) k++;
      order = k < shorter ? a[other + k]! - b[start + k]! : otherLength - length;
      if (order >= 0) break;
      i++;
    }
    if ((i < count && order === 0) || ghosts.has(row)) continue;
    rows[found] = row;
    dates[found++] = followedAt[row]!;
  }
  return inKeyOrder(rows.subarray(0, found), dates.subarray(0, found));
}
