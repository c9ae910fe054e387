// The account's file of columns: what is saved reads back the same, today's JSON file is rewritten once, and a
// file that is not whole or not Twoway's is kept aside and shown.
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AccountData, Followed, Person } from '../../src/shared/people.ts';
import type { StoreNotice } from '../../src/shared/types.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { byId, notFollowingBack } from '../../src/main/core/balance/followGraph.ts';
import { columnsOf, decodeAccount, encodeAccount } from '../../src/main/services/balance/accountFile.ts';
import { openAccountData } from '../../src/main/services/balance/accountData.ts';
import { openConfFile } from '../../src/main/services/confFile.ts';
import { notFollowingBackOf } from '../../src/main/services/balance/notFollowingBackOf.ts';
import { tempDir } from '../support/tempDir.ts';

const now = Date.UTC(2026, 10, 25, 12);
const DAY = 86_400_000;
const person = (id: string, more: Partial<Person> = {}): Person => ({
  id,
  handle: `${id}.test`,
  displayName: id,
  ...more,
});
const follow = (id: string, daysAgo: number, more: Partial<Followed> = {}): Followed => ({
  ...person(id),
  followedAt: now - daysAgo * DAY,
  ref: `rk-${id}`,
  ...more,
});

/** Everything a file holds: names in any script, half a surrogate pair, a moved account, no ref, another host. */
const account = (): AccountData => ({
  followers: [
    person('ana', { displayName: 'Ana Müller 🌻' }),
    person('ben', { displayName: 'broken \ud83d pair' }),
    person('cem', { profileHost: 'other.example' }),
  ],
  following: [
    follow('ana', 40),
    follow('dia', 5, { displayName: 'Диана', ref: null }),
    follow('eli', 2, { ghost: { reason: 'moved', movedTo: 'eli2.test' } }),
    follow('fay', 3, { ghost: { reason: 'deleted' }, profileHost: 'far.example', handle: '' }),
    follow('gus', 5),
  ],
  history: [{ at: now - DAY, followers: 3, following: 5, mutuals: 1, posts: 12 }],
  events: [{ at: now - DAY, type: 'gained-follower', person: person('ana') }],
  heads: { followers: ['cem', 'ana'], following: ['gus'] },
  keep: ['dia'],
  syncedAt: now - DAY,
  scannedAt: now - DAY,
});

function open(dataDir: string, id = 'bluesky-me') {
  const notices: StoreNotice[] = [];
  const store = openAccountData(id, {
    dataDir,
    openFile: openConfFile,
    clock: manualClock(now),
    onNotice: (n) => notices.push(n),
    onSaved: () => {},
  });
  return { store, notices };
}

describe('an account file of columns', () => {
  it('reads back what was saved, to the last character and date, across a reopen', () => {
    const dir = tempDir();
    open(dir).store.write(account());
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.read()).toEqual(account());
    expect(fs.readdirSync(dir)).toEqual(['account-bluesky-me.bin']);
  });

  it('answers who does not follow back from the ids and dates alone, as the lists of people would', () => {
    const data = decodeAccount(encodeAccount(account()));
    const list = notFollowingBackOf(data, new Set(['dia']), now, 3);
    const rows = list.all();
    // The count of who is due, and a row asked for alone, agree with the rows made all at once.
    expect([list.length, list.due(), list.row(1)]).toEqual([2, 1, rows[1]]);
    expect(notFollowingBackOf(account(), new Set(['dia']), now, 3).due()).toBe(1);
    expect(Object.getOwnPropertyDescriptor(data, 'following')?.get).toBeDefined();
    expect(rows).toEqual(notFollowingBack(account(), new Set(['dia']), now, 3));
    expect(rows.map((r) => [r.person.id, r.due, r.kept])).toEqual([
      ['dia', true, true],
      ['gus', true, false],
    ]);
    expect(columnsOf(data)?.following.ghosts.size).toBe(2);
    // A changed copy has no columns behind it and is read as objects.
    expect(columnsOf({ ...data })).toBeNull();
  });

  it('opens a large account by its header: the people are read when first asked for', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => person(`did:plc:${String(i).padStart(8, '0')}`)).sort(byId);
    const data = decodeAccount(encodeAccount({ ...account(), followers: many, following: [] }));
    expect(data.history).toEqual(account().history);
    expect(Object.getOwnPropertyDescriptor(data, 'followers')?.get).toBeDefined();
    expect(data.followers).toEqual(many);
    expect(Object.getOwnPropertyDescriptor(data, 'followers')?.value).toBe(data.followers);
  });

  it('answers the same when ids are not plain ASCII or one id begins another', () => {
    const followers = [person('ana'), person('anab'), person('zoë')];
    const following = [follow('an', 3), follow('ana', 9), follow('anab', 4), follow('anac', 8), follow('zoë', 5)];
    const data = decodeAccount(encodeAccount({ ...account(), followers, following }));
    const expected = notFollowingBack({ followers, following }, new Set(), now, 3);
    expect(notFollowingBackOf(data, new Set(), now, 3).all()).toEqual(expected);
    expect(expected.map((r) => r.person.id)).toEqual(['anac', 'an']);
    const ascii = decodeAccount(
      encodeAccount({ ...account(), followers: followers.slice(0, 2), following: following.slice(0, 4) }),
    );
    expect(
      notFollowingBackOf(ascii, new Set(), now, 3)
        .all()
        .map((r) => r.person.id),
    ).toEqual(['anac', 'an']);
  });

  it('writes an unfollow, a follow and a keep-list change after a reopen: each reads back as written', () => {
    const dir = tempDir();
    open(dir).store.write(account());
    const { store } = open(dir);
    const read = store.read();
    const unfollowed = { ...read, following: read.following.filter((f) => f.id !== 'dia') };
    store.write(unfollowed);
    const followed = {
      ...store.read(),
      following: [...store.read().following, follow('zed', 0, { displayName: '\ud83d' })],
    };
    store.write(followed);
    store.write({ ...store.read(), keep: [] });
    const expected = { ...account(), following: [...account().following, follow('zed', 0, { displayName: '\ud83d' })] };
    expected.following = expected.following.filter((f) => f.id !== 'dia');
    expect(open(dir).store.read()).toEqual({ ...expected, keep: [] });
  });

  it('refuses to save what it could not read back, naming the value, and keeps what it had', () => {
    const dir = tempDir();
    const { store } = open(dir);
    store.write(account());
    const bad = { ...account(), following: [{ ...follow('hal', 1), followedAt: '2026-11-24' }] } as never;
    expect(() => store.write(bad)).toThrow(
      'Twoway refused to save account-bluesky-me with a value it could not read back (following.0.followedAt: expected number, received string). Nothing changed.',
    );
    const noName = { ...account(), followers: [{ id: 'x', handle: 'x.test', displayName: null }] } as never;
    expect(() => store.keep(noName)).toThrow(/followers\.0\.displayName: expected string, received null/);
    expect(() => store.write({ ...account(), keep: 'dia' } as never)).toThrow(/keep: expected array/);
    expect(store.read()).toEqual(account());
    expect(open(dir).store.read()).toEqual(account());
  });
});

describe("today's JSON account file", () => {
  const oldFile = (dir: string, version: number, data: unknown) =>
    fs.writeFileSync(path.join(dir, 'account-bluesky-me.json'), JSON.stringify({ schemaVersion: version, data }));

  it('is read once, rewritten as columns, and removed once the new file reads back the same', () => {
    const dir = tempDir();
    oldFile(dir, 4, account());
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.read()).toEqual(account());
    expect(fs.readdirSync(dir)).toEqual(['account-bluesky-me.bin']);
    expect(decodeAccount(fs.readFileSync(path.join(dir, 'account-bluesky-me.bin')))).toEqual(account());
  });

  it('of an older schema is upgraded on the way: lists sorted by id', () => {
    const dir = tempDir();
    // Version 2 had no first-page ids.
    const v2 = { ...account(), heads: undefined };
    oldFile(dir, 2, { ...v2, followers: [...v2.followers].reverse(), following: [...v2.following].reverse() });
    expect(open(dir).store.read()).toEqual({ ...account(), heads: { followers: [], following: [] } });
  });

  it('left beside a complete new file by a crash is removed, the new file read', () => {
    const dir = tempDir();
    open(dir).store.write(account());
    oldFile(dir, 4, { ...account(), keep: [] });
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.read().keep).toEqual(['dia']);
    expect(fs.readdirSync(dir)).toEqual(['account-bluesky-me.bin']);
  });

  it('is read again when the new file beside it is damaged: the damaged one kept aside, nothing lost', () => {
    const dir = tempDir();
    oldFile(dir, 4, account());
    fs.writeFileSync(path.join(dir, 'account-bluesky-me.bin'), 'TWOWAYAD cut short');
    const { store, notices } = open(dir);
    expect(notices).toEqual([expect.objectContaining({ reason: expect.stringMatching(/damaged or cut short/) })]);
    expect(store.read()).toEqual(account());
    expect(fs.readdirSync(dir).sort()).toEqual(['account-bluesky-me.bin', path.basename(notices[0]!.movedTo!)]);
  });

  it('that is damaged is kept aside and shown, and the account starts empty', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'account-bluesky-me.json'), '{"schemaVersion": 4, "data": {"followers": [');
    const { store, notices } = open(dir);
    expect(store.read().followers).toEqual([]);
    expect(notices).toEqual([
      expect.objectContaining({ store: 'account-bluesky-me', reason: expect.stringMatching(/not valid JSON/) }),
    ]);
    expect(fs.readdirSync(dir)).toEqual([path.basename(notices[0]!.movedTo!)]);
  });
});

describe('a damaged account file', () => {
  /** A file whose header is replaced, its checksum made right: whole, but not what Twoway wrote. */
  function withHeader(bytes: Buffer, change: (header: Header) => unknown): Buffer {
    const end = 12 + bytes.readUInt32LE(8);
    const header = Buffer.from(JSON.stringify(change(JSON.parse(bytes.toString('utf8', 12, end)) as Header)));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const content = Buffer.concat([bytes.subarray(0, 8), length, header, bytes.subarray(end, bytes.length - 4)]);
    const check = Buffer.alloc(4);
    check.writeUInt32LE(crc32(content));
    return Buffer.concat([content, check]);
  }
  type Header = { lists: { followers: { count: number; columns: { at: number; bytes: number }[] } } };
  const cases: [string, (bytes: Buffer) => Buffer, RegExp][] = [
    ['one byte changed', (b) => Buffer.from(b.map((x, i) => (i === b.length >> 1 ? x ^ 1 : x))), /checksum/],
    ['cut short', (b) => b.subarray(0, b.length - 10), /damaged or cut short/],
    [
      'a column past its end',
      (b) => withHeader(b, (h: Header) => ((h.lists.followers.columns[1]!.bytes += 1e6), h)),
      /runs past its end/,
    ],
    [
      'a count that does not fit',
      (b) => withHeader(b, (h: Header) => ((h.lists.followers.count += 1), h)),
      /does not add up/,
    ],
    [
      'a newer schema',
      (b) => withHeader(b, (h) => ({ ...h, schemaVersion: 9 })),
      /newer Twoway \(schema 9, this one reads up to 5\)/,
    ],
    ['another app’s file', () => Buffer.from('PK\u0003\u0004 not an account at all'), /not a Twoway account file/],
  ];
  it.each(cases)(
    '(%s) is kept aside byte for byte, the user told why, and the account starts empty',
    (_, damage, reason) => {
      const dir = tempDir();
      open(dir).store.write(account());
      const file = path.join(dir, 'account-bluesky-me.bin');
      const damaged = damage(fs.readFileSync(file));
      fs.writeFileSync(file, damaged);
      const { store, notices } = open(dir);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ store: 'account-bluesky-me', reason: expect.stringMatching(reason) });
      expect(notices[0]!.movedTo).toMatch(/account-bluesky-me\.unreadable-.*\.bin$/);
      expect(fs.readFileSync(notices[0]!.movedTo!)).toEqual(damaged);
      expect(store.read()).toEqual(expect.objectContaining({ followers: [], following: [], syncedAt: null }));
    },
  );
});
