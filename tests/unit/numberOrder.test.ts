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
