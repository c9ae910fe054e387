import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StoreNotice } from '../../src/shared/types.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { openStore, type StoreSpec } from '../../src/main/services/store.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const notes = z.object({ items: z.array(z.string()) });
const spec: StoreSpec<z.infer<typeof notes>> = {
  name: 'notes',
  version: 1,
  schema: notes,
  initial: () => ({ items: [] }),
};

function open(dataDir: string, which = spec) {
  const notices: StoreNotice[] = [];
  const store = openStore(which, {
    dataDir,
    openFile: openConfFile,
    clock: manualClock(Date.UTC(2026, 10, 25)),
    onNotice: (n) => notices.push(n),
    onSaved: () => {},
  });
  return { store, notices };
}

describe('versioned stores', () => {
  it('keeps what was written across a reopen, in its own file', () => {
    const dir = tempDir();
    open(dir).store.write({ items: ['call Ana'] });
    const { store, notices } = open(dir);
    expect(store.read()).toEqual({ items: ['call Ana'] });
    expect(notices).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'notes.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      data: { items: ['call Ana'] },
    });
  });

  const broken: [string, string, RegExp][] = [
    ['invalid JSON', '{"schemaVersion": 1, "data": {"items": [', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['no schema version', '{"items": []}', /no schema version/],
    ['the wrong shape', '{"schemaVersion": 1, "data": {"items": "call Ana"}}', /items/],
    ['a newer schema', '{"schemaVersion": 9, "data": {}}', /newer Twoway/],
  ];
  it.each(broken)(
    'moves a file with %s aside, keeps its bytes, tells the user and starts afresh',
    (_, content, reason) => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'notes.json'), content);
      const { store, notices } = open(dir);
      expect(store.read()).toEqual({ items: [] });
      expect(notices).toHaveLength(1);
      expect(notices[0]!.reason).toMatch(reason);
      expect(fs.readFileSync(notices[0]!.movedTo!, 'utf8')).toBe(content);
      store.write({ items: ['fresh'] });
      expect(open(dir).store.read()).toEqual({ items: ['fresh'] });
    },
  );

  it('migrates an older schema and writes the upgraded file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.json'), JSON.stringify({ schemaVersion: 1, data: ['a', 'b'] }));
    const v2 = { ...spec, version: 2, migrations: { 2: (old: unknown) => ({ items: old as string[] }) } };
    expect(open(dir, v2).store.read()).toEqual({ items: ['a', 'b'] });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'notes.json'), 'utf8')).schemaVersion).toBe(2);
  });

  it('refuses to save a value its schema would not read back, and keeps file and memory as they were', () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.write({ items: ['call Ana'] });
    const bad = { items: [{ html: '<b>call Ana</b>' }] } as unknown as { items: string[] };
    expect(() => store.write(bad)).toThrow(
      'Twoway refused to save notes with a value it could not read back (items.0: expected string, received object). Nothing changed.',
    );
    expect(() => store.keep(bad)).toThrow(/could not read back/);
    expect(store.read()).toEqual({ items: ['call Ana'] });
    expect(open(dir).store.read()).toEqual({ items: ['call Ana'] });
  });

  it.each([['account-x-/../../victim-target'], ['../notes'], ['notes/inner'], ['Notes'], ['']])(
    'refuses “%s” as a store name: every file is directly inside the data folder',
    (name) => {
      const dir = tempDir();
      expect(() => open(dir, { ...spec, name })).toThrow(/is not a plain file name/);
      expect(fs.readdirSync(dir)).toEqual([]);
    },
  );

  it('opens an account file an earlier Twoway saved with objects for names, instead of putting it aside', async () => {
    const dir = tempDir();
    const fan = (id: unknown, displayName: unknown) => ({ id, handle: '@fan@example.social', displayName });
    const data = {
      followers: [fan('1', { html: '<b>Fan</b>' }), fan({ evil: true }, 'No id'), fan('2', 'Two')],
      following: [{ ...fan('2', ['Two']), followedAt: Date.UTC(2026, 9, 1), ref: null }],
      history: [{ at: Date.UTC(2026, 10, 24), followers: 3, following: 1, mutuals: 1 }],
      events: [{ at: Date.UTC(2026, 10, 24), type: 'gained-follower', person: fan('1', 7) }],
      heads: { followers: [], following: [] },
      keep: ['2'],
      syncedAt: Date.UTC(2026, 10, 24),
    };
    fs.writeFileSync(path.join(dir, 'account-mastodon-example-1.json'), JSON.stringify({ schemaVersion: 3, data }));
    const { services } = servicesAt(Date.UTC(2026, 10, 25, 12), { dataDir: dir });
    expect(services.status().notices).toEqual([]);
    expect(services.accounts.data('mastodon-example-1')).toEqual({
      ...data,
      followers: [fan('1', ''), fan('2', 'Two')],
      following: [{ ...fan('2', ''), followedAt: Date.UTC(2026, 9, 1), ref: null }],
      events: [{ ...data.events[0], person: fan('1', '') }],
    });
  });

  it('starts the whole app when a time ledger is corrupt, and says so', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'time-entries.json'), '{ not json');
    const { dispatch } = servicesAt(Date.UTC(2026, 10, 25, 12), { dataDir: dir });
    const reply = await dispatch('getAppStatus', undefined);
    expect(reply.ok).toBe(true);
    const status = reply.ok ? (reply.value as { notices: StoreNotice[] }) : null;
    expect(status?.notices.map((n) => n.store)).toEqual(['time-entries']);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('time-entries.unreadable-'))).toBe(true);
  });

  it('writes the heartbeat of a running session without rewriting the ledger', async () => {
    const { dispatch, dataDir, timers } = servicesAt(Date.UTC(2026, 10, 25, 9));
    await dispatch('startSession', { kind: 'online' });
    const ledger = path.join(dataDir, 'shared.automerge');
    const session = path.join(dataDir, 'running-session.json');
    const before = fs.statSync(ledger).mtimeMs;
    fs.utimesSync(ledger, 1, 1);
    fs.utimesSync(session, 1, 1);
    timers.advance(20 * 60_000);
    expect(fs.statSync(session).mtimeMs).toBeGreaterThan(1000);
    expect(fs.statSync(ledger).mtimeMs).toBe(1000);
    expect(before).toBeGreaterThan(1000);
  });
});
