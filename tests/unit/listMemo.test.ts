import { describe, expect, it } from 'vitest';
import { listMemo } from '../../src/main/core/balance/listMemo.ts';

describe('the lists a view pages through', () => {
  it('are made once per query and rows, and again when a part of the rows is new', () => {
    const memo = listMemo<number>(2);
    let made = 0;
    const make = (rows: number[]) => () => {
      made++;
      return [...rows].sort((a, b) => a - b);
    };
    const bluesky = [3, 1];
    const mastodon = [2];
    expect(memo('all', [bluesky, mastodon], make([3, 1, 2]))).toEqual([1, 2, 3]);
    expect(memo('all', [bluesky, mastodon], make([3, 1, 2]))).toEqual([1, 2, 3]);
    expect(made).toBe(1);
    // A sync gives the account a new array: the list is made again, even with the same people.
    expect(memo('all', [[3, 1], mastodon], make([3, 1, 2]))).toEqual([1, 2, 3]);
    expect(made).toBe(2);
    expect(memo('all', [bluesky], make([3, 1]))).toEqual([1, 3]);
    expect(made).toBe(3);
  });

  it('keep only the last few queries asked for', () => {
    const memo = listMemo<string>(2);
    let made = 0;
    const rows = [['x']];
    const make = () => {
      made++;
      return ['x'];
    };
    memo('a', rows, make);
    memo('b', rows, make);
    memo('a', rows, make);
    memo('c', rows, make);
    expect(made).toBe(3);
    memo('a', rows, make);
    expect(made).toBe(3);
    memo('b', rows, make);
    expect(made).toBe(4);
  });
});
