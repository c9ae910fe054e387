import { describe, expect, it } from 'vitest';
import { ascendingOrder, firstInOrder, inKeyOrder } from '../../src/main/core/balance/numberOrder.ts';

// Follow dates as they come: many equal (a first sync dates every follow it finds at once), some far apart.
function dates(n: number, seed: number): Float64Array {
  const keys = new Float64Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    keys[i] = x % 3 === 0 ? 1_700_000_000_000 : 1_700_000_000_000 + (x % 5000) * 60_000;
  }
  return keys;
}

/** The order a comparison sort gives: by number, equal numbers in their order in the list. */
const sortedIndexes = (keys: Float64Array) =>
  Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));

describe('a long list in order of a number', () => {
  it('orders dates as a comparison sort does, equal dates in list order', () => {
    const keys = dates(20_000, 3);
    expect(Array.from(ascendingOrder(keys))).toEqual(sortedIndexes(keys));
  });

  it('orders any numbers, fractions, negatives and infinities among them', () => {
    const keys = Float64Array.from({ length: 5000 }, (_, i) => (((i * 7919) % 1000) - 500) / 7);
    keys.set([Infinity, -Infinity, 0, -0.5, 0.5], 100);
    expect(Array.from(ascendingOrder(keys))).toEqual(sortedIndexes(keys));
  });
});

describe('the first window of a long list by date', () => {
  it('is the start of the whole order, equal dates in list order', () => {
    for (const [n, count] of [
      [0, 10],
      [5, 10],
      [1000, 1],
      [1000, 256],
      [20_000, 256],
    ] as const) {
      const keys = dates(n, n + count);
      expect(Array.from(firstInOrder(keys, count))).toEqual(Array.from(ascendingOrder(keys).subarray(0, count)));
    }
  });

  it('answers any place of the list, sorting it all only past the first window', () => {
    const keys = dates(5000, 7);
    const rows = Uint32Array.from(keys, (_, i) => i * 2);
    const order = inKeyOrder(rows, keys);
    const whole = Array.from(ascendingOrder(keys), (i) => i * 2);
    const read = Array.from({ length: order.length }, (_, k) => order.at(k));
    expect(read).toEqual(whole);
    expect(order.found).toBe(rows);
  });
});
