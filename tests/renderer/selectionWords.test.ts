import { describe, expect, it } from 'vitest';
import { pickedRange, selectionWords } from '../../src/renderer/balance/selectionWords.ts';

const shown = (over: Partial<Parameters<typeof selectionWords>[1] & object> = {}) => ({
  shown: 0,
  hiddenBySearch: 0,
  hiddenByFilter: 0,
  onOtherList: 0,
  gone: 0,
  ...over,
});

describe('what the selection bar says', () => {
  it('counts the picked, and says how many the list does not show and why', () => {
    expect(selectionWords(0, null)).toBe('No one selected');
    expect(selectionWords(2, shown({ shown: 2 }))).toBe('2 selected');
    expect(selectionWords(200, shown({ shown: 2, hiddenBySearch: 198 }))).toBe(
      '200 selected (198 hidden by the search)',
    );
    expect(selectionWords(5, shown({ shown: 2, hiddenByFilter: 3 }))).toBe('5 selected (3 hidden by the filter)');
    expect(selectionWords(1200, shown({ hiddenBySearch: 1198, hiddenByFilter: 1, gone: 1 }))).toBe(
      '1,200 selected (1,198 hidden by the search, 1 by the filter, 1 no longer on this list)',
    );
  });

  it('says apart who is picked on the other list that shares the selection', () => {
    expect(selectionWords(4, shown({ shown: 2, onOtherList: 2 }), 'Gone or blocking you')).toBe(
      '4 selected (2 under Gone or blocking you)',
    );
  });

  it('while main has not answered yet, says only the count', () => {
    expect(selectionWords(3, null)).toBe('3 selected');
  });
});

describe('a range of rows picked with Shift', () => {
  it('runs from the row last clicked to this one, either way round', () => {
    expect(pickedRange(2, 7, 100)).toEqual({ first: 2, last: 7 });
    expect(pickedRange(7, 2, 100)).toEqual({ first: 2, last: 7 });
  });

  it('is this row alone without an anchor, or when the list has shrunk past it', () => {
    expect(pickedRange(null, 4, 100)).toEqual({ first: 4, last: 4 });
    expect(pickedRange(50, 4, 10)).toEqual({ first: 4, last: 4 });
  });
});
