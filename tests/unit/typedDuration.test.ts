import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/shared/typedDuration.ts';

const MIN = 60_000;

describe('typed durations', () => {
  it.each([
    ['1h30', 90],
    ['1h 30', 90],
    ['1 h 30 min', 90],
    ['90m', 90],
    ['90 min', 90],
    ['1:30', 90],
    ['0:05', 5],
    ['45', 45],
    ['1.5h', 90],
    ['1,5 h', 90],
    ['2h', 120],
    ['2 hours', 120],
    ['.25h', 15],
    [' 1H30 ', 90],
    ['24h', 24 * 60],
  ])('reads “%s” as %i minutes', (typed, minutes) => {
    expect(parseDuration(typed)).toEqual({ ms: minutes * MIN });
  });

  it('refuses minutes of 60 or more after hours, and proposes what was meant', () => {
    expect(parseDuration('1h70')).toEqual({ error: 'Minutes go up to 59: “1h70” has 70. Did you mean 2h10?' });
    expect(parseDuration('1:60')).toEqual({ error: 'Minutes go up to 59: “1:60” has 60. Did you mean 2h00?' });
  });

  it('says how to type a duration when the text is none', () => {
    for (const typed of ['abc', '1h30x', 'h', '1..5h', '-5']) {
      expect(parseDuration(typed)).toEqual({
        error: `“${typed}” is not a duration. Type it like 1h30, 90m, 1:30, 1.5h or 45 (minutes).`,
      });
    }
    expect(parseDuration('  ')).toEqual({
      error: 'Enter a duration. Type it like 1h30, 90m, 1:30, 1.5h or 45 (minutes).',
    });
  });

  it('refuses nothing at all and more than a day', () => {
    expect(parseDuration('0')).toEqual({ error: 'A duration must be at least 1 minute.' });
    expect(parseDuration('0h00')).toEqual({ error: 'A duration must be at least 1 minute.' });
    expect(parseDuration('25h')).toEqual({ error: 'An entry can last at most 24 hours.' });
  });
});
