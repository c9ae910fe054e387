// The order of a long list by a number (a follow date), stable: a radix sort over the numbers' bits, linear in
// the list's length, where a comparison sort of half a million rows costs several times as much.

const DIGITS = 4;
const RADIX = 1 << 16;

/**
 * Indexes of `keys` from the smallest number to the largest, equal numbers in their order in `keys`. Any finite
 * number or infinity works; NaN is not a key.
 */
export function ascendingOrder(keys: Float64Array): Uint32Array {
  let [min, max, whole] = [Infinity, -Infinity, true];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key < min) min = key;
    if (key > max) max = key;
    if (whole && !Number.isInteger(key)) whole = false;
  }
  return whole && max - min <= Number.MAX_SAFE_INTEGER ? wholeOrder(keys, min, max - min) : bitOrder(keys);
}

/**
 * One pass of a radix sort: `order` into `next` by each row's digit, stably; `count` holds how many rows have each
 * digit, and ends as where each digit's rows end.
 */
function countingPass(order: Uint32Array, next: Uint32Array, digit: Uint16Array, count: Uint32Array) {
  let start = 0;
  for (let k = 0; k < count.length; k++) {
    const c = count[k]!;
    count[k] = start;
    start += c;
  }
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!;
    next[count[digit[row]!]!++] = row;
  }
}

const SMALL_BITS = 11;
const SMALL_RADIX = 1 << SMALL_BITS;

/**
 * Whole numbers (dates in ms) by their distance from the smallest, 11 bits at a time: a count table that stays
 * in the processor's cache, and only as many passes as the spread needs (three for dates 90 days apart).
 */
function wholeOrder(keys: Float64Array, min: number, spread: number): Uint32Array {
  const n = keys.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const digit = new Uint16Array(n);
  const count = new Uint32Array(SMALL_RADIX);
  for (let scale = 1; scale <= spread; scale *= SMALL_RADIX) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(digit[i] = Math.floor((keys[i]! - min) / scale) % SMALL_RADIX)]!++;
    countingPass(order, next, digit, count);
    [order, next] = [next, order];
  }
  return order;
}

/** Any numbers, infinities too, by their 64 bits: four 16-bit digits. */
function bitOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  // Each number as 64 bits that compare as unsigned integers in the numbers' order: the sign bit flipped, and
  // every bit of a negative number too. Four 16-bit digits, least significant first.
  const digits = Array.from({ length: DIGITS }, () => new Uint16Array(n));
  const counts = Array.from({ length: DIGITS }, () => new Uint32Array(RADIX));
  const [d0, d1, d2, d3] = digits as [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
  const [c0, c1, c2, c3] = counts as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  for (let i = 0; i < n; i++) {
    let low = bits[2 * i]!;
    let high = bits[2 * i + 1]!;
    if (high & 0x80000000) {
      low = ~low;
      high = ~high;
    } else high |= 0x80000000;
    c0[(d0[i] = low & 0xffff)]!++;
    c1[(d1[i] = low >>> 16)]!++;
    c2[(d2[i] = high & 0xffff)]!++;
    c3[(d3[i] = high >>> 16)]!++;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  for (let d = 0; d < DIGITS; d++) {
    const digit = digits[d]!;
    const count = counts[d]!;
    // A digit all numbers share (the high bits of dates a few years apart) leaves the order as it is.
    if (n === 0 || count[digit[0]!] === n) continue;
    countingPass(order, next, digit, count);
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Indexes of the `count` smallest of `keys`, smallest first, equal numbers in their order in `keys`: the first
 * window of ascendingOrder, from one pass that keeps the latest of the window on top of a heap.
 */
export function firstInOrder(keys: Float64Array, count: number): Uint32Array {
  const size = Math.min(count, keys.length);
  const heap = new Uint32Array(size);
  // Whether index a sorts after index b.
  const after = (a: number, b: number) => keys[a]! > keys[b]! || (keys[a] === keys[b] && a > b);
  for (let i = 0; i < keys.length; i++) {
    let at: number;
    if (i < size) {
      for (at = i; at > 0 && after(i, heap[(at - 1) >> 1]!); at = (at - 1) >> 1) heap[at] = heap[(at - 1) >> 1]!;
    } else {
      // Indexes only grow, so one equal to the latest of the window sorts after it and stays out.
      if (size === 0 || !after(heap[0]!, i)) continue;
      for (at = 0; ;) {
        let child = 2 * at + 1;
        if (child >= size) break;
        if (child + 1 < size && after(heap[child + 1]!, heap[child]!)) child++;
        if (!after(heap[child]!, i)) break;
        heap[at] = heap[child]!;
        at = child;
      }
    }
    heap[at] = i;
  }
  return heap.sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/** Rows a walk found, in key order; a reader of the first window alone never has the whole list sorted. */
export interface KeyOrder {
  readonly length: number;
  /** The rows as the walk found them, in no particular order: for counting. */
  readonly found: Uint32Array;
  /** The row k-th by key. */
  at(k: number): number;
}

const WINDOW = 256;

/** `rows` ordered by `keys` (aligned with them), stably, sorted only as far as `at` is asked. */
export function inKeyOrder(rows: Uint32Array, keys: Float64Array): KeyOrder {
  let first: Uint32Array | null = null;
  let all: Uint32Array | null = null;
  return {
    length: rows.length,
    found: rows,
    at(k) {
      if (!all && k < WINDOW) return rows[(first ??= firstInOrder(keys, WINDOW))[k]!]!;
      return rows[(all ??= ascendingOrder(keys))[k]!]!;
    },
  };
}
