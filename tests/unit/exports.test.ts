import { afterAll, describe, expect, it } from 'vitest';
import { toCsv, isoLocal } from '../../src/main/core/report/csv.ts';
import { servicesAt } from '../support/services.ts';

const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

/** A strict RFC 4180 reader, to prove the files read back to what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and ends every record with CRLF', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['plain', 'say "hi", then\nleave'],
        [null, 3],
      ],
    );
    expect(text).toBe('a,b\r\nplain,"say ""hi"", then\nleave"\r\n,3\r\n');
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['plain', 'say "hi", then\nleave'],
      ['', '3'],
    ]);
  });

  it('writes local times with their UTC offset, winter and summer', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(isoLocal(new Date(2026, 0, 5, 9, 30).getTime())).toBe('2026-01-05T09:30:00+01:00');
    expect(isoLocal(new Date(2026, 6, 5, 9, 30).getTime())).toBe('2026-07-05T09:30:00+02:00');
    process.env.TZ = 'America/St_Johns';
    expect(isoLocal(new Date(2026, 0, 5, 9, 30).getTime())).toBe('2026-01-05T09:30:00-03:30');
  });

  it('exports the time entries, daily totals and outcomes of a range, zone stated', async () => {
    process.env.TZ = 'Europe/Berlin';
    const now = new Date(2026, 10, 25, 15).getTime();
    const { dispatch } = servicesAt(now);
    const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).getTime();
    await dispatch('addEntry', {
      kind: 'online',
      activity: 'posting',
      start: at(23, 23, 30),
      end: at(24, 0, 30),
      note: 'Late, "quick" post, then bed',
    });
    await dispatch('addEntry', { kind: 'offline', activity: 'meeting', start: at(24, 10), end: at(24, 11, 15) });
    await dispatch('addEntry', { kind: 'offline', activity: 'call', start: at(10, 10), end: at(10, 11) });
    await dispatch('addOutcome', {
      date: '2026-11-24',
      type: 'client',
      channel: 'offline',
      value: 1200.5,
      currency: 'EUR',
      person: 'Omar, Events',
    });
    await dispatch('addOutcome', { date: '2026-11-01', type: 'lead', channel: 'x' });

    const entries = await dispatch('exportCsv', { table: 'entries', from: '2026-11-23', to: '2026-11-29' });
    expect(entries.ok).toBe(true);
    if (!entries.ok) return;
    expect(entries.value.fileName).toBe('twoway-time-entries-2026-11-23-to-2026-11-29.csv');
    expect(parseCsv(entries.value.text)).toEqual([
      ['start', 'end', 'time_zone', 'kind', 'activity', 'minutes', 'note', 'source'],
      [
        '2026-11-23T23:30:00+01:00',
        '2026-11-24T00:30:00+01:00',
        'Europe/Berlin',
        'online',
        'posting',
        '60',
        'Late, "quick" post, then bed',
        'manual',
      ],
      [
        '2026-11-24T10:00:00+01:00',
        '2026-11-24T11:15:00+01:00',
        'Europe/Berlin',
        'offline',
        'meeting',
        '75',
        '',
        'manual',
      ],
    ]);

    const daily = await dispatch('exportCsv', { table: 'daily', from: '2026-11-23', to: '2026-11-24' });
    expect(daily.ok && parseCsv(daily.value.text)).toEqual([
      ['date', 'time_zone', 'online_minutes', 'offline_minutes', 'online_budget_minutes', 'over_budget'],
      ['2026-11-23', 'Europe/Berlin', '30', '0', '45', 'no'],
      ['2026-11-24', 'Europe/Berlin', '30', '75', '45', 'no'],
    ]);

    const outcomes = await dispatch('exportCsv', { table: 'outcomes', from: '2026-11-01', to: '2026-11-30' });
    expect(outcomes.ok && parseCsv(outcomes.value.text)).toEqual([
      ['date', 'type', 'channel', 'value', 'currency', 'person', 'note'],
      ['2026-11-01', 'lead', 'x', '', '', '', ''],
      ['2026-11-24', 'client', 'offline', '1200.50', 'EUR', 'Omar, Events', ''],
    ]);
  });

  it('refuses a range that ends before it starts', async () => {
    const { dispatch } = servicesAt(Date.now());
    const reply = await dispatch('exportCsv', { table: 'daily', from: '2026-11-23', to: '2026-11-01' });
    expect(!reply.ok && reply.error.fields?.to).toBe('The range must end on or after its first day.');
  });
});
