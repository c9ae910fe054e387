import { describe, expect, it } from 'vitest';
import { servicesAt } from '../support/services.ts';

const now = new Date(2026, 10, 25, 15).getTime();

describe('the outcomes log', () => {
  it('logs, edits, deletes and brings back an outcome, newest day first', async () => {
    const { dispatch } = servicesAt(now);
    const first = await dispatch('addOutcome', { date: '2026-11-20', type: 'lead', channel: 'bluesky', person: 'Kim' });
    const second = await dispatch('addOutcome', {
      date: '2026-11-24',
      type: 'client',
      channel: 'offline',
      value: 4500,
      currency: 'eur',
      note: 'Retainer',
    });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value).toMatchObject({ currency: 'EUR', value: 4500 });
    const listed = await dispatch('listOutcomes', undefined);
    expect(listed.ok && listed.value.map((o) => o.date)).toEqual(['2026-11-24', '2026-11-20']);

    const edited = await dispatch('updateOutcome', {
      id: first.value.id,
      outcome: { date: '2026-11-20', type: 'meeting', channel: 'bluesky', person: 'Kim' },
    });
    expect(edited.ok && edited.value.type).toBe('meeting');

    await dispatch('deleteOutcome', { id: second.value.id });
    expect((await dispatch('listOutcomes', undefined)).ok).toBe(true);
    const afterDelete = await dispatch('listOutcomes', undefined);
    expect(afterDelete.ok && afterDelete.value).toHaveLength(1);
    await dispatch('undoDeleteOutcome', { id: second.value.id });
    const restored = await dispatch('listOutcomes', undefined);
    expect(restored.ok && restored.value.map((o) => o.id)).toEqual([second.value.id, first.value.id]);
  });

  it('keeps outcomes across a restart', async () => {
    const a = servicesAt(now);
    await a.dispatch('addOutcome', { date: '2026-11-25', type: 'media', channel: 'x', note: 'Shown on TV' });
    const b = servicesAt(now, { dataDir: a.dataDir });
    const listed = await b.dispatch('listOutcomes', undefined);
    expect(listed.ok && listed.value[0]).toMatchObject({ type: 'media', note: 'Shown on TV' });
  });

  it.each([
    [{ date: '2026-11-26' }, 'date', 'The date cannot be in the future.'],
    [{ date: '2026-02-30' }, 'date', 'This date does not exist.'],
    [{ date: '25/11/2026' }, 'date', 'Use a date like 2026-11-23.'],
    [{ value: 100 }, 'currency', 'Say which currency this value is in.'],
    [{ currency: 'EUR' }, 'value', 'Enter the value too.'],
    [{ value: -5, currency: 'EUR' }, 'value', 'A value cannot be negative.'],
    [{ value: 10.005, currency: 'EUR' }, 'value', 'A value has at most two decimals.'],
    [{ value: 10, currency: 'euro' }, 'currency', 'A currency is a three-letter code such as EUR, USD or GBP.'],
    [{ type: 'sale' }, 'type', undefined],
  ])('refuses %o with a message on the %s field and keeps the log unchanged', async (patch, field, message) => {
    const { dispatch } = servicesAt(now);
    const reply = await dispatch('addOutcome', { date: '2026-11-25', type: 'lead', channel: 'offline', ...patch });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid-input');
    expect(Object.keys(reply.error.fields ?? {})).toContain(field);
    if (message) expect(reply.error.fields?.[field]).toBe(message);
    const listed = await dispatch('listOutcomes', undefined);
    expect(listed.ok && listed.value).toEqual([]);
  });

  it('says so when the outcome to edit or bring back is gone', async () => {
    const { dispatch } = servicesAt(now);
    const edit = await dispatch('updateOutcome', {
      id: 'nope',
      outcome: { date: '2026-11-25', type: 'lead', channel: 'offline' },
    });
    expect(!edit.ok && edit.error.message).toBe('This outcome no longer exists.');
    const undo = await dispatch('undoDeleteOutcome', { id: 'nope' });
    expect(!undo.ok && undo.error.message).toBe('There is nothing to undo for this outcome.');
  });
});
