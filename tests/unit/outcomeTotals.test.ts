import { describe, expect, it } from 'vitest';
import { inPeriod, outcomeTotals } from '../../src/shared/outcomeTotals.ts';
import type { Outcome } from '../../src/shared/outcomes.ts';

let next = 0;
const outcome = (patch: Partial<Outcome>): Outcome => ({
  id: `o${++next}`,
  date: '2026-11-20',
  type: 'conversation',
  channel: 'offline',
  value: null,
  currency: null,
  person: '',
  note: '',
  ...patch,
});

describe('outcomeTotals', () => {
  it('counts each type, with zero for the types not logged', () => {
    const totals = outcomeTotals([
      outcome({ type: 'lead' }),
      outcome({ type: 'lead' }),
      outcome({ type: 'client', value: 1200, currency: 'EUR' }),
    ]);
    expect(totals.count).toBe(3);
    expect(totals.byType).toEqual([
      { type: 'connection', count: 0 },
      { type: 'conversation', count: 0 },
      { type: 'meeting', count: 0 },
      { type: 'lead', count: 2 },
      { type: 'client', count: 1 },
      { type: 'media', count: 0 },
    ]);
  });

  it('adds values only within a currency, never across', () => {
    const totals = outcomeTotals([
      outcome({ type: 'client', value: 4500, currency: 'EUR' }),
      outcome({ type: 'client', value: 1200, currency: 'EUR' }),
      outcome({ type: 'client', value: 300, currency: 'USD' }),
      outcome({ type: 'lead', value: 0.1, currency: 'GBP' }),
      outcome({ type: 'lead', value: 0.2, currency: 'GBP' }),
      outcome({ type: 'meeting' }),
    ]);
    expect(totals.value).toEqual({ EUR: 5700, GBP: 0.3, USD: 300 });
    expect(Object.keys(totals.value)).toEqual(['EUR', 'GBP', 'USD']);
  });

  it('is nothing for no outcomes', () => {
    expect(outcomeTotals([])).toMatchObject({ count: 0, value: {} });
  });
});

describe('inPeriod', () => {
  it('takes this month, last month (across a new year) and this year', () => {
    expect(inPeriod('2026-11-01', 'this-month', '2026-11-30')).toBe(true);
    expect(inPeriod('2026-10-31', 'this-month', '2026-11-30')).toBe(false);
    expect(inPeriod('2026-10-31', 'last-month', '2026-11-30')).toBe(true);
    expect(inPeriod('2025-12-15', 'last-month', '2026-01-10')).toBe(true);
    expect(inPeriod('2026-12-15', 'last-month', '2026-01-10')).toBe(false);
    expect(inPeriod('2026-01-01', 'this-year', '2026-11-30')).toBe(true);
    expect(inPeriod('2025-12-31', 'this-year', '2026-11-30')).toBe(false);
    expect(inPeriod('1999-01-01', 'all', '2026-11-30')).toBe(true);
  });
});
