// Damaged files, a crash with a session running, a full disk and a read-only data folder: the app starts or
// keeps running, tells the user, and loses nothing it had.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import * as Automerge from '@automerge/automerge';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/shared/contract.ts';
import type { AppStatus, StoreNotice, TimeEntry, TimerState } from '../../src/shared/types.ts';
import { MINUTE } from '../../src/shared/calendar.ts';
import { archiveFiles, archiveZip } from '../servers/xArchive.ts';
import { startAppProcess, type AppProcess } from '../support/appProcess.ts';
import { servicesAt } from '../support/services.ts';
import { tempDir } from '../support/tempDir.ts';

const start = new Date(2026, 10, 25, 9, 0).getTime();
const file = (name: string, content: string | Buffer) => ({ name, base64: Buffer.from(content).toString('base64') });
const value = <T>(reply: Reply<unknown>) => {
  expect(reply).toMatchObject({ ok: true });
  return (reply as { ok: true; value: T }).value;
};

const running: AppProcess[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.kill();
});

/** A data folder with every store in it: settings, entries, a running session, a reminder, an account, a queue. */
async function usedDataDir(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twoway-used-'));
  const { dispatch, timers } = servicesAt(start, { dataDir });
  const zip = archiveZip(
    archiveFiles({
      followers: ['1', '2'],
      following: ['2', '3'],
      account: { accountId: '4242', username: 'alexmorgan_biz', displayName: 'Alex' },
    }),
  );
  const steps: [string, unknown][] = [
    ['updateSettings', { dailyOnlineBudgetMin: 1, quietHours: null }],
    ['addEntry', { kind: 'offline', activity: 'meeting', start: start - 90 * MINUTE, end: start - 30 * MINUTE }],
    ['importXArchive', { files: [file('twitter.zip', zip)] }],
    ['enqueue', { accountId: 'x-4242', action: 'unfollow', personIds: ['3'] }],
    ['startSession', { kind: 'online' }],
  ];
  for (const [method, input] of steps) value(await dispatch(method, input));
  timers.advance(2 * MINUTE);
  return dataDir;
}

/** Starts the app on a copy of a data folder as a window would: status first, then the balances. */
async function startOn(source: string, damage?: (dir: string) => void) {
  const dataDir = tempDir();
  fs.cpSync(source, dataDir, { recursive: true });
  damage?.(dataDir);
  const s = servicesAt(start + 10 * MINUTE, { dataDir });
  let shown = value<AppStatus>(await s.dispatch('getAppStatus', undefined));
  s.services.events.listen((event, payload) => {
    if (event === 'statusChanged') shown = payload as AppStatus;
  });
  await s.services.start();
  value(await s.dispatch('listBalances', undefined));
  const files = Object.fromEntries(fs.readdirSync(dataDir).map((f) => [f, fs.readFileSync(path.join(dataDir, f))]));
  return { ...s, shown: () => shown, files };
}

type Damage = [string, (bytes: Buffer) => Buffer, RegExp];
const unreadableDocument = /it is not a Twoway document Automerge can read/;
const documentDamages: Damage[] = [
  [
    'corrupt',
    (b) => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.alloc(16), b.subarray(b.length >> 1)]),
    unreadableDocument,
  ],
  ['empty', () => Buffer.alloc(0), unreadableDocument],
  ['truncated', (b) => b.subarray(0, b.length >> 1), unreadableDocument],
  [
    'another Automerge document',
    () => Buffer.from(Automerge.save(Automerge.from({ notes: 'old' }))),
    unreadableDocument,
  ],
];
/**
 * The shared document without what a start itself says of this device (its name, what it is timing): a damaged
 * device file or running session changes that part, and only that.
 */
const authored = (bytes: Buffer) => {
  const content = Automerge.toJS(Automerge.load<Record<string, unknown>>(bytes));
  delete content.devices;
  return content;
};
const damages: Damage[] = [
  [
    'corrupt',
    (b) => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.alloc(16), b.subarray(b.length >> 1)]),
    /not valid JSON/,
  ],
  ['empty', () => Buffer.alloc(0), /not valid JSON/],
  ['truncated', (b) => b.subarray(0, b.length >> 1), /not valid JSON/],
  [
    'wrong-schema',
    (b) => Buffer.from(JSON.stringify({ schemaVersion: JSON.parse(b.toString()).schemaVersion, data: 'old notes' })),
    /its content is not what Twoway expects/,
  ],
];

/** An account file with its header's data replaced and its checksum made right again: intact, but not Twoway's. */
function otherHeader(bytes: Buffer): Buffer {
  const end = 12 + bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, end)) as Record<string, unknown>;
  const text = Buffer.from(JSON.stringify({ ...header, data: 'old notes' }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(text.length);
  const content = Buffer.concat([bytes.subarray(0, 8), length, text, bytes.subarray(end, bytes.length - 4)]);
  const check = Buffer.alloc(4);
  check.writeUInt32LE(crc32(content));
  return Buffer.concat([content, check]);
}
const accountDamages: Damage[] = [
  [
    'corrupt',
    (b) => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.alloc(16), b.subarray(b.length >> 1)]),
    /damaged or cut short/,
  ],
  ['empty', () => Buffer.alloc(0), /it is empty/],
  ['truncated', (b) => b.subarray(0, b.length >> 1), /damaged or cut short/],
  ['a JSON file', () => Buffer.from('{"schemaVersion":5,"data":{}}'), /not a Twoway account file/],
  ['wrong-schema', otherHeader, /its content is not what Twoway expects/],
];

describe('damaged store files', async () => {
  const used = await usedDataDir();
  const stores = fs.readdirSync(used).filter((f) => /\.(json|bin|automerge)$/.test(f));
  const baseline = await startOn(used);
  afterAll(() => fs.rmSync(used, { recursive: true, force: true }));

  it('covers every store the app writes', () => {
    const names = stores.map((f) => f.replace(/\.(json|bin|automerge)$/, ''));
    expect(names).toEqual(
      expect.arrayContaining([
        'settings',
        'shared',
        'device',
        'running-session',
        'reminders',
        'accounts',
        'account-x-4242',
        'action-queue',
      ]),
    );
  });

  const cases = stores.flatMap((store) =>
    (store.endsWith('.bin') ? accountDamages : store.endsWith('.automerge') ? documentDamages : damages).map(
      ([kind, damage, reason]) => [store, kind, damage, reason] as const,
    ),
  );
  it.each(cases)(
    '%s, %s: kept aside, the user told, the app started with the rest intact',
    async (store, _, damage, reason) => {
      const damaged = damage(fs.readFileSync(path.join(used, store)));
      const app = await startOn(used, (dir) => fs.writeFileSync(path.join(dir, store), damaged));

      const notices = app.shown().notices;
      expect(notices).toHaveLength(1);
      const notice: StoreNotice = notices[0]!;
      expect(notice).toMatchObject({
        store: store.replace(/\.(json|bin|automerge)$/, ''),
        reason: expect.stringMatching(reason),
      });
      expect(fs.readFileSync(notice.movedTo!)).toEqual(damaged);
      expect(path.dirname(notice.movedTo!)).toBe(app.dataDir);
      // Every other file is what an undamaged start leaves; the reminder log may add what the fresh store prompts.
      for (const [name, bytes] of Object.entries(baseline.files)) {
        if (name === store) continue;
        if (name === 'reminders.json') {
          const shown = (b: Buffer | undefined) => (JSON.parse(String(b)) as { data: { shown: string[] } }).data.shown;
          expect(shown(app.files[name])).toEqual(expect.arrayContaining(shown(fs.readFileSync(path.join(used, name)))));
        } else if (name === 'shared.automerge') {
          expect(authored(app.files[name]!), name).toEqual(authored(bytes));
        } else expect(app.files[name], name).toEqual(bytes);
      }
      expect(await app.dispatch('getTimer', undefined)).toMatchObject({ ok: true });
      expect(
        await app.dispatch('addEntry', { kind: 'offline', activity: 'call', start: start, end: start + 5 * MINUTE }),
      ).toMatchObject({ ok: true });
    },
  );
});

describe('a crash with a session running', { timeout: 20_000 }, () => {
  it.each([3, 17, 42])(
    'after %i minutes: the next start offers the session back, at most a minute lost',
    async (minutes) => {
      const dataDir = tempDir();
      const app = await startAppProcess({ dataDir, start });
      running.push(app);
      value(await app.call('startSession', { kind: 'offline', activity: 'meeting' }));
      const crashedAt = await app.advance(minutes * MINUTE + Math.floor(Math.random() * 60_000));
      expect((await app.kill()).signal).toBe('SIGKILL');

      const later = servicesAt(crashedAt + 2 * 60 * MINUTE, { dataDir });
      const { question } = value<TimerState>(await later.dispatch('getTimer', undefined));
      expect(question).toMatchObject({ reason: 'crashed' });
      expect(crashedAt - question!.from).toBeLessThan(MINUTE);
      value(await later.dispatch('answerTimerQuestion', { answer: 'discard' }));
      const entries = value<TimeEntry[]>(await later.dispatch('listEntries', { from: 0, to: crashedAt + MINUTE }));
      expect(entries).toMatchObject([{ kind: 'offline', activity: 'meeting', start }]);
      expect(crashedAt - entries[0]!.end).toBeLessThan(MINUTE);
    },
  );
});

/** What a user would lose if the app stopped now: the files as they are on disk, read by a fresh start. */
async function onDisk(dataDir: string, at: number) {
  const copy = tempDir();
  fs.cpSync(dataDir, copy, { recursive: true });
  const { dispatch } = servicesAt(at, { dataDir: copy });
  return {
    entries: value<TimeEntry[]>(await dispatch('listEntries', { from: 0, to: at })).map((e) => e.note),
    timer: value<TimerState>(await dispatch('getTimer', undefined)),
  };
}

const unsaved = (status: AppStatus) =>
  Object.fromEntries(status.notices.filter((n) => n.movedTo === null).map((n) => [n.store, n.reason]));

/**
 * The app runs, a session is timed and an entry kept; then writes start failing. What the user asks is refused
 * with the reason; the session runs on, its heartbeat kept in memory and the user told; nothing held is lost,
 * and everything is saved once writing works again.
 */
async function writesFailThenRecover(app: AppProcess, dataDir: string, fail: () => void, recover: () => void) {
  const entry = (note: string, hour: number) => ({
    kind: 'offline',
    activity: 'call',
    start: start - (hour + 1) * 60 * MINUTE,
    end: start - hour * 60 * MINUTE,
    note,
  });
  value(await app.call('addEntry', entry('before', 3)));
  value(await app.call('startSession', { kind: 'online', activity: 'posting' }));
  await app.advance(2 * MINUTE);

  fail();
  const refusals = [
    await app.call('addEntry', entry('while failing', 2)),
    await app.call('updateSettings', { graceDays: 9 }),
  ];
  const failingAt = await app.advance(3 * MINUTE);
  const told = unsaved(await app.statusSeen());
  // Nothing held is lost, and the session runs on without a false "were you away?".
  const entries = value<TimeEntry[]>(await app.call('listEntries', { from: 0, to: failingAt }));
  expect(entries.map((e) => e.note)).toEqual(['before']);
  expect(value<TimerState>(await app.call('getTimer'))).toMatchObject({ running: { start }, question: null });
  expect(value(await app.call('getSettings'))).toMatchObject({ graceDays: 3 });
  expect((await onDisk(dataDir, failingAt)).entries).toEqual(['before']);

  recover();
  const savedAt = await app.advance(MINUTE);
  expect(unsaved(await app.statusSeen())).toEqual({});
  value(await app.call('addEntry', entry('after', 2)));
  const disk = await onDisk(dataDir, savedAt);
  expect(disk.entries).toEqual(['before', 'after']);
  expect(disk.timer).toMatchObject({ running: { kind: 'online', start } });
  expect(savedAt - disk.timer.question!.from).toBeLessThanOrEqual(MINUTE);
  expect(app.output()).not.toMatch(/Error/);
  return { refusals, told };
}

describe('a data folder that cannot be written', { timeout: 30_000 }, () => {
  it('on a full disk: the app keeps running, refuses changes with the reason, loses nothing, saves once there is room', async () => {
    const dataDir = tempDir();
    const app = await startAppProcess({ dataDir, start });
    running.push(app);
    // The kernel refuses every byte past the file-size limit, as a full disk refuses them.
    const limit = (size: string) => execFileSync('prlimit', ['--pid', String(app.pid), `--fsize=${size}:`]);
    const { refusals, told } = await writesFailThenRecover(
      app,
      dataDir,
      () => limit('0'),
      () => limit('unlimited'),
    );
    const why = 'there is no room for it on the disk (EFBIG)';
    for (const reply of refusals) {
      expect(reply).toEqual({
        ok: false,
        error: { code: 'unavailable', message: `Twoway could not save this change: ${why}. Nothing changed.` },
      });
    }
    expect(told).toEqual({ 'running-session': why });
  });

  it('in a read-only folder: the app keeps running, refuses changes with the reason, loses nothing, saves once it may', async () => {
    const dataDir = tempDir();
    // Root may write anywhere, so the app runs as an ordinary user would run it.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chownSync(dataDir, 65534, 65534);
    const app = await startAppProcess({ dataDir, start, user: asRoot ? { uid: 65534, gid: 65534 } : undefined });
    running.push(app);
    const { refusals, told } = await writesFailThenRecover(
      app,
      dataDir,
      () => fs.chmodSync(dataDir, 0o555),
      () => fs.chmodSync(dataDir, 0o755),
    );
    const why = 'the data folder is read-only (EACCES)';
    for (const reply of refusals) {
      expect(reply).toEqual({
        ok: false,
        error: { code: 'unavailable', message: `Twoway could not save this change: ${why}. Nothing changed.` },
      });
    }
    expect(told).toEqual({ 'running-session': why });
  });
});
