import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
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
    expect(reply).toMatchObject({ ok: true, value: { account: { handle: '@alexmorgan_biz', network: 'x' } } });
    const balance = (reply as { ok: true; value: AccountBalance }).value;
    expect(balance.history.at(-1)).toMatchObject({ followers: 486, following: 512, mutuals: 400 });
    const list = services.accounts.notFollowingBack(balance.account.id, {
      search: '',
      filter: 'all',
      sort: 'oldest',
      offset: 0,
      limit: 5,
    });
    expect(list.total).toBe(112);
    expect(list.rows[0]!.person.handle).toMatch(/^x\.com\/i\/user\/9\d{3}$/);
  });

  it('takes follower.js and following.js on their own, with the handle typed in', async () => {
    const { dispatch } = servicesAt(start);
    const reply = await dispatch('importXArchive', {
      handle: '@alexmorgan_biz',
      files: [file('follower.js', followerJs(['1', '2'])), file('following.js', followingJs(['2', '3']))],
    });
    expect(reply).toMatchObject({ ok: true, value: { history: [{ followers: 2, following: 2, mutuals: 1 }] } });
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
