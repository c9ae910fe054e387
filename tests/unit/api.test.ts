import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src/shared/contract.ts';
import type { TimeEntry, TimeSummary } from '../../src/shared/types.ts';
import { servicesAt } from '../support/services.ts';
import { snapshot } from '../support/snapshot.ts';

const morning = new Date(2026, 10, 25, 9, 0).getTime();
const MIN = 60_000;

describe('the API both hosts serve', () => {
  it('refuses invalid input with a typed error naming the field, and changes nothing', async () => {
    const { dispatch } = servicesAt(morning);
    const reply = await dispatch('startSession', { kind: 'lunch' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { kind: expect.any(String) } } });
    expect(await dispatch('getTimer', undefined)).toEqual({ ok: true, value: { running: null, question: null } });
  });

  it('refuses extra keys, wrong types and unknown methods', async () => {
    const { dispatch } = servicesAt(morning);
    expect(await dispatch('dismissNotice', { id: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch('listEntries', { from: 'yesterday', to: 1 })).toMatchObject({
      ok: false,
      error: { fields: { from: expect.any(String) } },
    });
    expect(await dispatch('deleteEverything', undefined)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses input of the wrong shape for every method with a typed error, and changes nothing', async () => {
    const { dispatch, dataDir } = servicesAt(morning);
    await dispatch('addEntry', { kind: 'offline', activity: 'call', start: morning - 60 * MIN, end: morning });
    const before = await snapshot(dispatch, dataDir);
    for (const method of methodNames) {
      for (const input of [42, 'all', [], null, { accountId: 1, id: {}, extra: true }]) {
        const reply = await dispatch(method, input);
        expect(reply, `${method} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
      }
    }
    expect(await snapshot(dispatch, dataDir)).toEqual(before);
  });

  it('refuses a __proto__ key and leaves every object as it was', async () => {
    const { dispatch } = servicesAt(morning);
    const polluting = JSON.parse('{"graceDays": 5, "__proto__": {"polluted": true}}') as unknown;
    expect(await dispatch('updateSettings', polluting)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { graceDays: 3 } });
  });

  it('refuses an online activity on offline time', async () => {
    const { dispatch } = servicesAt(morning);
    const reply = await dispatch('addEntry', {
      kind: 'offline',
      activity: 'posting',
      start: morning - 60 * MIN,
      end: morning,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: { fields: { activity: 'This activity belongs to the other kind of time.' } },
    });
  });

  it('times a session from start to stop, and starting the other kind closes the first', async () => {
    const { dispatch, clock } = servicesAt(morning);
    await dispatch('startSession', { kind: 'online' });
    clock.advance(25 * MIN);
    await dispatch('startSession', { kind: 'offline', activity: 'call' });
    clock.advance(40 * MIN);
    const stopped = await dispatch('stopSession', undefined);
    expect(stopped).toMatchObject({ ok: true, value: { kind: 'offline', activity: 'call', end: morning + 65 * MIN } });
    const summary = (await dispatch('getTimeSummary', undefined)) as { ok: true; value: TimeSummary };
    expect(summary.value.today).toMatchObject({ onlineMs: 25 * MIN, offlineMs: 40 * MIN });
    expect(summary.value.running).toBeNull();
  });

  it('names the entry a new one would overlap', async () => {
    const { dispatch, clock } = servicesAt(morning);
    clock.advance(4 * 60 * MIN);
    await dispatch('addEntry', {
      kind: 'offline',
      activity: 'meeting',
      start: morning,
      end: morning + 90 * MIN,
      note: 'Ana',
    });
    const reply = await dispatch('addEntry', {
      kind: 'online',
      activity: 'posting',
      start: morning + 60 * MIN,
      end: morning + 120 * MIN,
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        fields: { start: expect.stringMatching(/overlaps the offline meeting entry of .*09:00–10:30/) },
      },
    });
  });

  it('refuses reversed, too long and future entries with their own message', async () => {
    const { dispatch } = servicesAt(morning);
    const add = (start: number, end: number) =>
      dispatch('addEntry', { kind: 'offline', activity: 'meeting', start, end });
    expect(await add(morning - MIN, morning - 2 * MIN)).toMatchObject({
      error: { fields: { end: 'The end must be after the start.' } },
    });
    expect(await add(morning - 30 * 60 * MIN, morning - MIN)).toMatchObject({
      error: { fields: { end: 'An entry can last at most 24 hours.' } },
    });
    expect(await add(morning - MIN, morning + 5 * MIN)).toMatchObject({
      error: { fields: { end: 'The end cannot be in the future.' } },
    });
  });

  it('deletes an entry and brings it back with undo', async () => {
    const { dispatch } = servicesAt(morning);
    const added = (await dispatch('addEntry', {
      kind: 'offline',
      activity: 'event',
      start: morning - 120 * MIN,
      end: morning - 30 * MIN,
    })) as { ok: true; value: TimeEntry };
    await dispatch('deleteEntry', { id: added.value.id });
    expect(await dispatch('listEntries', { from: 0, to: morning })).toEqual({ ok: true, value: [] });
    await dispatch('undoDelete', { id: added.value.id });
    expect(await dispatch('listEntries', { from: 0, to: morning })).toEqual({ ok: true, value: [added.value] });
  });

  it('loads sample data only into an empty app', async () => {
    const { dispatch } = servicesAt(morning);
    expect(await dispatch('loadDemo', undefined)).toMatchObject({ ok: true, value: { hasData: true } });
    const balances = (await dispatch('listBalances', undefined)) as { ok: true; value: { history: unknown[] }[] };
    expect(balances.value).toHaveLength(3);
    expect(balances.value[0]!.history.length).toBeGreaterThan(30);
    expect(await dispatch('loadDemo', undefined)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('tells every listener when the timer changes', async () => {
    const { dispatch, services } = servicesAt(morning);
    const seen: string[] = [];
    services.events.listen((event) => seen.push(event));
    await dispatch('startSession', { kind: 'online' });
    expect(seen).toContain('timerChanged');
  });
});
