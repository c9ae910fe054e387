import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { XImportResult } from '../../src/shared/xImport.ts';
import { personLabel } from '../../src/shared/xPeople.ts';
import { archiveFiles, archiveZip, followerJs, followingJs, traversalZip, truncatedZip } from '../servers/xArchive.ts';
import { servicesAt } from '../support/services.ts';

const start = Date.UTC(2026, 10, 25, 12);
const ids = (prefix: number, n: number) => Array.from({ length: n }, (_, i) => String(prefix + i));
const file = (name: string, content: string | Buffer) => ({ name, base64: Buffer.from(content).toString('base64') });
const owner = { accountId: '4242', username: 'alexmorgan_biz', displayName: 'Alex Morgan' };

describe('importing the X data archive', () => {
  it('reads the zip, any number of parts, with or without userLink, and shows the balance', async () => {
    const { dispatch, services } = servicesAt(start);
    const followers = ids(1000, 486);
    const following = [...followers.slice(0, 400), ...ids(9000, 112)];
    const zip = archiveZip(archiveFiles({ followers, following, partSize: 200, withUserLink: false, account: owner }));
    const reply = await dispatch('importXArchive', { files: [file('twitter-2026-11-20.zip', zip)] });
    expect(reply).toMatchObject({
      ok: true,
      value: { balance: { account: { handle: '@alexmorgan_biz', network: 'x' } }, followers: 486, following: 512 },
    });
    const { balance, owner: found } = (reply as { ok: true; value: XImportResult }).value;
    expect(found).toEqual({ handle: '@alexmorgan_biz', displayName: 'Alex Morgan' });
    expect(balance.history.at(-1)).toMatchObject({ followers: 486, following: 512, mutuals: 400 });
    const list = services.accounts.notFollowingBack(balance.account.id, {
      search: '',
      filter: 'all',
      sort: 'oldest',
      offset: 0,
      limit: 5,
    });
    expect(list.total).toBe(112);
    // The archive names nobody: the person is their id until a name is known, never an address posing as one.
    expect(list.rows[0]!.person.handle).toBe('');
    expect(personLabel(list.rows[0]!.person)).toMatch(/^X account 9\d{3}$/);
  });

  it('reads a ZIP64 archive, as zip tools write past 4 GB or 65,535 files', async () => {
    const { dispatch } = servicesAt(start);
    const zip = archiveZip(archiveFiles({ followers: ['1', '2', '3'], following: ['3'], account: owner }), {
      zip64: true,
    });
    expect(await dispatch('importXArchive', { files: [file('x.zip', zip)] })).toMatchObject({
      ok: true,
      value: { followers: 3, following: 1, balance: { account: { id: 'x-4242' } } },
    });
  });

  it('takes follower.js and following.js on their own, with the handle typed in', async () => {
    const { dispatch } = servicesAt(start);
    const reply = await dispatch('importXArchive', {
      handle: '@alexmorgan_biz',
      files: [file('follower.js', followerJs(['1', '2'])), file('following.js', followingJs(['2', '3']))],
    });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        owner: null,
        balance: { account: { handle: '@alexmorgan_biz' }, history: [{ followers: 2, mutuals: 1 }] },
      },
    });
  });

  it('compares a re-import with the last one, dating follows from when first seen', async () => {
    const { dispatch, services, clock } = servicesAt(start);
    const files = (followers: string[], following: string[]) => [
      file('x.zip', archiveZip(archiveFiles({ followers, following, account: owner }))),
    ];
    await dispatch('importXArchive', { files: files(['1', '2', '3'], ['1', '7']) });
    clock.advance(5 * DAY);
    await dispatch('importXArchive', { files: files(['1', '3', '4'], ['1', '7', '8']) });
    const data = services.accounts.data('x-4242');
    expect(data.events.map((e) => `${e.type}:${e.person.id}`)).toEqual([
      'gained-follower:4',
      'lost-follower:2',
      'followed:8',
    ]);
    expect(data.following.find((f) => f.id === '7')!.followedAt).toBe(start);
    expect(data.following.find((f) => f.id === '8')!.followedAt).toBe(start + 5 * DAY);
    expect(services.accounts.balances()).toHaveLength(1);
  });

  it('tells a re-import’s gains and losses, names the people a newer archive links, and keeps names known before', async () => {
    const { dispatch, services, clock } = servicesAt(start);
    const upload = (contents: Parameters<typeof archiveFiles>[0], accountId?: string) =>
      dispatch('importXArchive', {
        ...(accountId && { accountId }),
        files: [file('x.zip', archiveZip(archiveFiles({ account: owner, ...contents })))],
      });
    const first = await upload({ followers: ['1', '2', '3'], following: ['1', '7', '9'] });
    expect(first).toMatchObject({ ok: true, value: { previousAt: null, gained: { count: 0 }, lost: { count: 0 } } });
    clock.advance(5 * DAY);
    const second = await upload(
      { followers: ['1', '3', '4', '5'], following: ['1', '9', '8'], names: { '4': 'new_fan', '9': 'quiet_one' } },
      'x-4242',
    );
    expect(second).toMatchObject({
      ok: true,
      value: {
        previousAt: start,
        followers: 4,
        following: 3,
        gained: {
          count: 2,
          people: [
            { id: '4', handle: '@new_fan' },
            { id: '5', handle: '' },
          ],
        },
        lost: { count: 1, people: [{ id: '2', handle: '' }] },
        followed: { count: 1, people: [{ id: '8' }] },
        unfollowed: { count: 1, people: [{ id: '7' }] },
      },
    });
    // A later archive that links no profiles keeps the names learned from the one before.
    clock.advance(DAY);
    await upload({ followers: ['1', '3', '4', '5'], following: ['1', '9', '8'] }, 'x-4242');
    const data = services.accounts.data('x-4242');
    expect(data.followers.find((p) => p.id === '4')!.handle).toBe('@new_fan');
    expect(data.following.find((p) => p.id === '9')!.handle).toBe('@quiet_one');
    expect(personLabel(data.following.find((p) => p.id === '8')!)).toBe('X account 8');
  });

  it('refuses to re-import another account’s archive into an account, and changes nothing', async () => {
    const { dispatch, services } = servicesAt(start);
    await dispatch('importXArchive', {
      files: [file('x.zip', archiveZip(archiveFiles({ followers: ['1'], following: ['2'], account: owner })))],
    });
    const before = services.accounts.data('x-4242');
    const someoneElse = { accountId: '777', username: 'someone_else' };
    const reply = await dispatch('importXArchive', {
      accountId: 'x-4242',
      files: [file('x.zip', archiveZip(archiveFiles({ followers: ['5'], following: ['6'], account: someoneElse })))],
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        fields: {
          files: 'This is the archive of @someone_else, not of @alexmorgan_biz: choose @alexmorgan_biz’s archive.',
        },
      },
    });
    expect(services.accounts.data('x-4242')).toEqual(before);
    expect(services.accounts.list()).toHaveLength(1);
  });

  it('re-imports loose follower.js and following.js into the account whose menu asked, without a handle', async () => {
    const { dispatch, services } = servicesAt(start);
    await dispatch('importXArchive', {
      files: [file('x.zip', archiveZip(archiveFiles({ followers: ['1'], following: ['2'], account: owner })))],
    });
    const reply = await dispatch('importXArchive', {
      accountId: 'x-4242',
      files: [
        file('follower.js', followerJs(['1', '3'])),
        file('follower-part1.js', followerJs(['4'], { part: 1 })),
        file('following.js', followingJs(['2'])),
      ],
    });
    expect(reply).toMatchObject({
      ok: true,
      value: { followers: 3, gained: { count: 2 }, balance: { account: { id: 'x-4242' } } },
    });
    expect(services.accounts.list()).toHaveLength(1);
  });

  const broken: [string, { name: string; base64: string }[], string, RegExp][] = [
    ['a file that is not from the archive', [file('photo.jpg', 'JFIF')], 'files', /not part of an X archive/],
    ['a truncated zip', [file('x.zip', truncatedZip())], 'files', /incomplete or damaged/],
    ['a file that is not a zip', [file('x.zip', 'hello')], 'files', /not a zip archive/],
    [
      'text that is not UTF-8',
      [file('follower.js', Buffer.from([0x77, 0xff, 0xfe, 0x3d])), file('following.js', followingJs([]))],
      'files',
      /not UTF-8/,
    ],
    [
      'a file without its “=” line',
      [file('follower.js', '[]'), file('following.js', followingJs([]))],
      'files',
      /no “window.YTD… =” line/,
    ],
    [
      'damaged JSON after “=”',
      [file('follower.js', 'window.YTD.follower.part0 = [ { "follower" :'), file('following.js', followingJs([]))],
      'files',
      /not valid JSON/,
    ],
    [
      'entries of the wrong kind',
      [file('follower.js', followingJs(['1'])), file('following.js', followingJs([]))],
      'files',
      /expected a “follower” with an accountId/,
    ],
    ['no following.js', [file('follower.js', followerJs(['1']))], 'files', /no following\.js/],
    [
      'no owner and no handle',
      [file('follower.js', followerJs(['1'])), file('following.js', followingJs(['1']))],
      'handle',
      /enter your X handle/,
    ],
  ];
  it.each(broken)('refuses %s with a specific message and changes nothing', async (_, files, field, message) => {
    const { dispatch, services } = servicesAt(start);
    const reply = await dispatch('importXArchive', { files });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: { [field]: expect.stringMatching(message) } },
    });
    expect(services.accounts.list()).toEqual([]);
  });

  it('refuses a zip with a path-traversal entry name without writing anything outside', async () => {
    const { dispatch, dataDir } = servicesAt(start);
    const reply = await dispatch('importXArchive', { handle: 'me', files: [file('x.zip', traversalZip())] });
    expect(reply).toMatchObject({
      ok: false,
      error: { fields: { files: 'This zip names a file outside itself (../evil.js): it is not an X archive.' } },
    });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${dataDir}/..`).includes('evil.js')).toBe(false);
  });
});
