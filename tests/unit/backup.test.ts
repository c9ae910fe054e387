import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servicesAt } from '../support/services.ts';

const now = new Date(2026, 10, 25, 15).getTime();

async function backupOf(dispatch: ReturnType<typeof servicesAt>['dispatch']): Promise<string> {
  const reply = await dispatch('exportBackup', undefined);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value.text;
}

/** Everything a user would see of their data, to prove a refused restore changed nothing. */
async function everything(dispatch: ReturnType<typeof servicesAt>['dispatch']) {
  const text = await backupOf(dispatch);
  return (JSON.parse(text) as { data: unknown }).data;
}

function demo() {
  const app = servicesAt(now);
  app.services.loadDemo();
  return app;
}

describe('backup and restore', () => {
  it('backs up everything but secrets', async () => {
    const app = demo();
    const [account] = app.services.accounts.list();
    await app.services.accounts.save(account!, { token: 'tok-SECRET-never-in-a-backup' });
    const text = await backupOf(app.dispatch);
    const file = JSON.parse(text) as { app: string; kind: string; format: number; data: Record<string, unknown[]> };
    expect(file).toMatchObject({ app: 'twoway', kind: 'backup', format: 1 });
    expect(file.data.timeEntries!.length).toBeGreaterThan(20);
    expect(file.data.outcomes!.length).toBeGreaterThan(3);
    expect(file.data.accounts).toHaveLength(3);
    expect(text).not.toContain('tok-SECRET');
  });

  it('shows a dry run, then restores into an empty Twoway; a second restore adds nothing', async () => {
    const source = demo();
    const text = await backupOf(source.dispatch);
    const target = servicesAt(now);
    const before = await everything(target.dispatch);

    const preview = await target.dispatch('previewRestore', { text });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const counts = Object.fromEntries(preview.value.sections.map((s) => [s.name, s]));
    expect(counts['Time entries']!.added).toBe(source.services.time.list(-Infinity, Infinity).length);
    expect(counts['Outcomes']!.added).toBe(source.services.outcomes.list().length);
    expect(counts['Network accounts']!.added).toBe(3);
    expect(counts['Catch-up briefings']!.added).toBe(Object.keys(source.services.catchUp.all()).length);
    expect(counts['Catch-up briefings']!.added).toBeGreaterThan(0);
    expect(await everything(target.dispatch)).toEqual(before);

    const restored = await target.dispatch('restoreBackup', { text });
    expect(restored.ok ? 'restored' : restored.error.message).toBe('restored');
    expect(await everything(target.dispatch)).toEqual(await everything(source.dispatch));
    const balances = await target.dispatch('listBalances', undefined);
    expect(balances.ok && balances.value.map((b) => b.history.at(-1)?.followers)).toEqual([203, 118, 486]);

    const again = await target.dispatch('previewRestore', { text });
    expect(again.ok && again.value.sections.filter((s) => s.added + s.changed > 0)).toEqual([]);
  });

  it('merges without duplicates: an overlapping session recorded under another id is skipped', async () => {
    const source = servicesAt(now);
    const at = (h: number) => new Date(2026, 10, 24, h).getTime();
    await source.dispatch('addEntry', { kind: 'online', activity: 'posting', start: at(9), end: at(10) });
    await source.dispatch('addEntry', { kind: 'offline', activity: 'meeting', start: at(13), end: at(14) });
    const text = await backupOf(source.dispatch);

    const target = servicesAt(now, { idPrefix: 'other' });
    await target.dispatch('addEntry', { kind: 'online', activity: 'posting', start: at(9), end: at(10) });
    const preview = await target.dispatch('previewRestore', { text });
    const entries = preview.ok && preview.value.sections.find((s) => s.name === 'Time entries');
    expect(entries).toMatchObject({ added: 1, skipped: 1, changed: 0 });
    await target.dispatch('restoreBackup', { text });
    expect(target.services.time.list(-Infinity, Infinity)).toHaveLength(2);
  });

  /** A demo Twoway where the user said why they keep one person and lifted the protection of another. */
  async function withChoices() {
    const app = demo();
    const [account] = app.services.accounts.list();
    const [kept, lifted] = app.services.accounts.data(account!.id).following;
    const keep = { accountId: account!.id, personId: kept!.id, keep: true, reason: 'Hosts the Tuesday meetup' };
    expect(await app.dispatch('setKeep', keep)).toMatchObject({ ok: true });
    const lift = { accountId: account!.id, personId: lifted!.id, protected: false };
    expect(await app.dispatch('setProtected', lift)).toMatchObject({ ok: true });
    return { app, accountId: account!.id, kept: kept!, lifted: lifted! };
  }

  it('restores why people are kept and whose protection was lifted', async () => {
    const { app, accountId, kept, lifted } = await withChoices();
    const text = await backupOf(app.dispatch);
    const target = servicesAt(now);
    const preview = await target.dispatch('previewRestore', { text });
    const choices = preview.ok && preview.value.sections.find((s) => s.name === 'Keep reasons and lifted protections');
    expect(choices).toMatchObject({ added: 2, changed: 0, skipped: 0 });

    expect(await target.dispatch('restoreBackup', { text })).toMatchObject({ ok: true });
    const facts = target.services.people.factsFor(accountId);
    expect(facts(kept).keepReason).toBe('Hosts the Tuesday meetup');
    expect(target.services.people.choices()[accountId]?.lifted).toEqual([lifted.id]);
    const again = await target.dispatch('previewRestore', { text });
    const same = again.ok && again.value.sections.find((s) => s.name === 'Keep reasons and lifted protections');
    expect(same).toMatchObject({ added: 0, changed: 0, skipped: 2 });
    // Still there after a restart: the restore wrote the file.
    const reopened = servicesAt(now, { dataDir: target.dataDir });
    expect(reopened.services.people.factsFor(accountId)(kept).keepReason).toBe('Hosts the Tuesday meetup');
  });

  it('restores a backup made before keep reasons were in backups, leaving the ones here as they are', async () => {
    const { app, accountId, kept } = await withChoices();
    const here = app.services.people.choices();
    const file = JSON.parse(await backupOf(demo().dispatch)) as { data: Record<string, unknown> };
    delete file.data.peopleChoices;
    const reply = await app.dispatch('restoreBackup', { text: JSON.stringify(file) });
    expect(reply.ok ? 'restored' : reply.error.message).toBe('restored');
    expect(app.services.people.choices()).toEqual(here);
    expect(app.services.people.factsFor(accountId)(kept).keepReason).toBe('Hosts the Tuesday meetup');
  });

  it.each([
    ['plain text', () => 'hello', 'This file is not a Twoway backup: it is not JSON.'],
    [
      'another app’s JSON',
      () => '{"name":"my-app","version":"1.0.0"}',
      'This file is not a Twoway backup: it lacks the Twoway backup header.',
    ],
    [
      'a newer format',
      (t: string) => t.replace('"format":1', '"format":7'),
      'This backup was made by a newer Twoway (backup format 7); this one reads format 1. Update Twoway to restore it.',
    ],
    [
      'a duplicated id',
      (t: string) => {
        const file = JSON.parse(t) as { data: { outcomes: unknown[] } };
        file.data.outcomes.push(file.data.outcomes[0]);
        return JSON.stringify(file);
      },
      /^This backup lists the outcome “id-\d+” twice; it may have been edited by hand\.$/,
    ],
    [
      'an entry ending before it starts',
      (t: string) => {
        const file = JSON.parse(t) as { data: { timeEntries: { end: number; start: number }[] } };
        file.data.timeEntries[2]!.end = file.data.timeEntries[2]!.start - 1;
        return JSON.stringify(file);
      },
      /^This backup is damaged: the time entry “id-\d+” ends before it starts\.$/,
    ],
    [
      'a damaged section',
      (t: string) => {
        const file = JSON.parse(t) as { data: { settings: { dailyOnlineBudgetMin: number } } };
        file.data.settings.dailyOnlineBudgetMin = -10;
        return JSON.stringify(file);
      },
      'This backup is damaged at data.settings.dailyOnlineBudgetMin: The daily online budget must be at least 1 minute.',
    ],
    ['a truncated file', (t: string) => t.slice(0, t.length / 2), 'This file is not a Twoway backup: it is not JSON.'],
  ])('refuses %s with a clear message and changes nothing', async (_name, damage, message) => {
    const source = demo();
    const text = damage(await backupOf(source.dispatch));
    const target = servicesAt(now);
    await target.dispatch('addEntry', {
      kind: 'offline',
      activity: 'call',
      start: new Date(2026, 10, 25, 9).getTime(),
      end: new Date(2026, 10, 25, 10).getTime(),
    });
    const before = await everything(target.dispatch);
    for (const method of ['previewRestore', 'restoreBackup'] as const) {
      const reply = await target.dispatch(method, { text });
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('invalid-input');
      expect(reply.error.message).toMatch(message);
    }
    expect(await everything(target.dispatch)).toEqual(before);
  });

  it('never applies part of a restore: a file that cannot be written undoes what was written', async () => {
    const text = await backupOf(demo().dispatch);
    const target = servicesAt(now);
    await target.dispatch('updateSettings', { dailyOnlineBudgetMin: 20 });
    const before = await everything(target.dispatch);
    // The catch-up file is written after the settings, the ledger and the outcomes; a folder in its place makes it fail.
    const outcomesFile = path.join(target.dataDir, 'catch-up.json');
    fs.rmSync(outcomesFile, { force: true });
    fs.mkdirSync(outcomesFile);
    const reply = await target.dispatch('restoreBackup', { text });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.message).toMatch(/^Nothing was restored, because a file could not be written: /);
    expect(await everything(target.dispatch)).toEqual(before);
    fs.rmSync(outcomesFile, { recursive: true });
    const reopened = servicesAt(now, { dataDir: target.dataDir });
    expect(reopened.services.settings.get().dailyOnlineBudgetMin).toBe(20);
    expect(reopened.services.time.list(-Infinity, Infinity)).toEqual([]);
    expect(reopened.services.outcomes.list()).toEqual([]);
  });
});
