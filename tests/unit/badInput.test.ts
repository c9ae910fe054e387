// The catalogue of bad input: each case goes through the real API dispatch, is refused with its own message,
// and leaves every file and every answer of the app as it was.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/shared/contract.ts';
import { archiveFiles, archiveZip, followerJs, followingJs, truncatedZip } from '../servers/xArchive.ts';
import { servicesAt } from '../support/services.ts';
import { snapshot } from '../support/snapshot.ts';

const now = new Date(2026, 10, 25, 12, 0).getTime();
const MIN = 60_000;
const yesterdayAt = (hours: number, minutes = 0) => new Date(2026, 10, 24, hours, minutes).getTime();
const file = (name: string, content: string | Buffer) => ({ name, base64: Buffer.from(content).toString('base64') });
const owner = { accountId: '4242', username: 'alexmorgan_biz', displayName: 'Alex Morgan' };
const completeArchive = (extra: Record<string, string> = {}) =>
  archiveZip({ ...archiveFiles({ followers: ['1', '2'], following: ['2', '3'], account: owner }), ...extra });

/** A zip whose follower.js says it holds 100 bytes and inflates to 50 MB. */
function zipBomb(): Buffer {
  const zip = archiveZip({ 'data/follower.js': Buffer.alloc(50 * 1024 * 1024, 0x20), 'data/following.js': '' });
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(100, central + 24);
  return zip;
}

/** A zip entry packed with a method other than store or deflate (here 14, LZMA). */
function lzmaZip(): Buffer {
  const zip = archiveZip({ 'data/follower.js': followerJs(['1']), 'data/following.js': followingJs(['1']) });
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt16LE(14, central + 10);
  return zip;
}

/** A follow-list entry whose deflate stream is garbage. */
function damagedEntryZip(): Buffer {
  const zip = archiveZip({ 'data/follower.js': followerJs(['1', '2', '3']), 'data/following.js': followingJs([]) });
  const data = 30 + 'data/follower.js'.length;
  zip.fill(0xff, data, data + 8);
  return zip;
}

interface Case {
  method: string;
  input: unknown | (() => unknown);
  code: ErrorCode;
  /** The field the message is shown beside, when it belongs to one. */
  field?: string;
  message: string | RegExp;
}

const mastodon = { network: 'mastodon', instanceUrl: 'https://mastodon.example', handle: '@me' };
const entry = { kind: 'offline', activity: 'meeting', start: yesterdayAt(14), end: yesterdayAt(15) };

const catalogue: Record<string, Case> = {
  // X archives
  'an archive upload of a photo': {
    method: 'importXArchive',
    input: { files: [file('holiday.jpg', randomBytes(2000))] },
    code: 'invalid-input',
    field: 'files',
    message:
      'holiday.jpg is not part of an X archive: choose the archive .zip, or follower.js and following.js from its data folder.',
  },
  'a truncated archive zip': {
    method: 'importXArchive',
    input: { files: [file('twitter.zip', truncatedZip())] },
    code: 'invalid-input',
    field: 'files',
    message: 'The zip file is incomplete or damaged (its table of contents is missing).',
  },
  'a text file named .zip': {
    method: 'importXArchive',
    input: { files: [file('twitter.zip', 'this is not a zip')] },
    code: 'invalid-input',
    field: 'files',
    message: 'This file is not a zip archive.',
  },
  'a follower.js that is not UTF-8': {
    method: 'importXArchive',
    input: { files: [file('follower.js', Buffer.from([0x77, 0xff, 0xfe, 0x3d])), file('following.js', '')] },
    code: 'invalid-input',
    field: 'files',
    message: 'follower.js is not UTF-8 text: is it really from the X archive?',
  },
  'a 50 MB download that is not a zip': {
    method: 'importXArchive',
    input: () => ({ files: [file('twitter-2026-11-20.zip', randomBytes(50 * 1024 * 1024))] }),
    code: 'invalid-input',
    field: 'files',
    message: 'This file is not a zip archive.',
  },
  'a zip whose list inflates to 50 MB though it claims 100 bytes': {
    method: 'importXArchive',
    input: () => ({ files: [file('twitter.zip', zipBomb())] }),
    code: 'invalid-input',
    field: 'files',
    message: 'data/follower.js is damaged in the zip.',
  },
  'an upload over 100 MB': {
    method: 'importXArchive',
    input: () => ({ files: [{ name: 'twitter.zip', base64: 'A'.repeat(140_000_004) }] }),
    code: 'invalid-input',
    field: 'files.0.base64',
    message:
      'This file is larger than 100 MB: upload follower.js and following.js from the archive’s data folder instead.',
  },
  'a zip with an entry named ../../evil.js': {
    method: 'importXArchive',
    input: { files: [file('twitter.zip', completeArchive({ '../../evil.js': 'window.YTD.follower.part0 = [ ]' }))] },
    code: 'invalid-input',
    field: 'files',
    message: 'This zip names a file outside itself (../../evil.js): it is not an X archive.',
  },
  'a zip with an absolute entry name': {
    method: 'importXArchive',
    input: { files: [file('twitter.zip', completeArchive({ '/etc/cron.d/evil': '* * * * * root true' }))] },
    code: 'invalid-input',
    field: 'files',
    message: 'This zip names a file outside itself (/etc/cron.d/evil): it is not an X archive.',
  },
  'a zip packed with a method Twoway cannot read': {
    method: 'importXArchive',
    input: { handle: 'alexmorgan_biz', files: [file('twitter.zip', lzmaZip())] },
    code: 'invalid-input',
    field: 'files',
    message: 'data/follower.js is compressed in a way Twoway cannot read.',
  },
  'a zip with a damaged list': {
    method: 'importXArchive',
    input: { handle: 'alexmorgan_biz', files: [file('twitter.zip', damagedEntryZip())] },
    code: 'invalid-input',
    field: 'files',
    message: 'data/follower.js is damaged in the zip.',
  },
  'an upload with no files': {
    method: 'importXArchive',
    input: { files: [] },
    code: 'invalid-input',
    field: 'files',
    message: 'Choose the archive .zip, or follower.js and following.js.',
  },

  // Handles and account names
  'a Bluesky handle without a domain': {
    method: 'addAccount',
    input: { network: 'bluesky', handle: 'alice' },
    code: 'invalid-input',
    field: 'handle',
    message: 'A Bluesky handle looks like name.bsky.social.',
  },
  'a Bluesky handle with a space': {
    method: 'addAccount',
    input: { network: 'bluesky', handle: 'alice smith.bsky.social' },
    code: 'invalid-input',
    field: 'handle',
    message: 'A Bluesky handle looks like name.bsky.social.',
  },
  'a Mastodon handle with two @ after the name': {
    method: 'addAccount',
    input: { ...mastodon, handle: '@me@@mastodon.example' },
    code: 'invalid-input',
    field: 'handle',
    message: 'A Mastodon handle looks like @name or @name@instance.social.',
  },
  'an X handle of 16 characters': {
    method: 'addAccount',
    input: { network: 'x', handle: '@abcdefghijklmnop', token: 'x-user-token-1' },
    code: 'invalid-input',
    field: 'handle',
    message: 'An X handle has at most 15 letters, digits or underscores.',
  },
  'an X handle with a hyphen, on an archive import': {
    method: 'importXArchive',
    input: { handle: 'alex-morgan', files: [file('follower.js', followerJs(['1']))] },
    code: 'invalid-input',
    field: 'handle',
    message: 'An X handle has at most 15 letters, digits or underscores.',
  },

  // Instance and server addresses
  'an instance over plain http': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'http://mastodon.example' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'Use the https:// address: Twoway does not send your account over plain http.',
  },
  'a javascript: address': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'javascript:alert(1)' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'Twoway only connects over https://, not javascript:.',
  },
  'a file: address': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'file:///etc/passwd' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'Twoway only connects over https://, not file:.',
  },
  'an address on a home network': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'https://192.168.1.20' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'This address is on a private network; use the server’s public https address.',
  },
  'the cloud metadata address': {
    method: 'addAccount',
    input: { network: 'bluesky', handle: 'alice.bsky.social', appviewUrl: 'https://169.254.169.254' },
    code: 'invalid-input',
    field: 'appviewUrl',
    message: 'This address is on a private network; use the server’s public https address.',
  },
  'a handle resolver on a private network': {
    method: 'addAccount',
    input: { network: 'bluesky', handle: 'alice.bsky.social', handleResolverUrl: 'https://192.168.1.20' },
    code: 'invalid-input',
    field: 'handleResolverUrl',
    message: 'This address is on a private network; use the server’s public https address.',
  },
  'a private address written as a decimal number': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'https://167772161' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'This address is on a private network; use the server’s public https address.',
  },
  'a private address inside an IPv6 address': {
    method: 'addAccount',
    input: { network: 'x', handle: 'alexmorgan_biz', token: 'x-user-token-1', apiUrl: 'https://[::ffff:10.0.0.1]' },
    code: 'invalid-input',
    field: 'apiUrl',
    message: 'This address is on a private network; use the server’s public https address.',
  },
  'a carrier-grade NAT address': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'https://100.64.0.7' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'This address is on a private network; use the server’s public https address.',
  },
  'an instance without a scheme': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'mastodon.social' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'Start the address with https:// (for example https://mastodon.social).',
  },
  'an address carrying a password': {
    method: 'addAccount',
    input: { ...mastodon, instanceUrl: 'https://me:hunter2@mastodon.example' },
    code: 'invalid-input',
    field: 'instanceUrl',
    message: 'Leave the user name and password out of the address.',
  },

  // Tokens and app passwords
  'a token of three characters': {
    method: 'addAccount',
    input: { ...mastodon, token: 'abc' },
    code: 'invalid-input',
    field: 'token',
    message: 'This access token is too short.',
  },
  'a token with a space in it': {
    method: 'addAccount',
    input: { ...mastodon, token: 'abcd efgh ijkl' },
    code: 'invalid-input',
    field: 'token',
    message: 'An access token has no spaces or special characters; paste it again.',
  },
  'a token pasted with a line break inside': {
    method: 'addAccount',
    input: { network: 'x', handle: 'alexmorgan_biz', token: 'AAAAAAAA\nBBBBBBBB' },
    code: 'invalid-input',
    field: 'token',
    message: 'An API token has no spaces or special characters; paste it again.',
  },
  'a token of 600 characters': {
    method: 'addAccount',
    input: { ...mastodon, token: 'a'.repeat(600) },
    code: 'invalid-input',
    field: 'token',
    message: 'This access token is too long.',
  },
  'an app password with accented letters': {
    method: 'addAccount',
    input: { network: 'bluesky', handle: 'alice.bsky.social', appPassword: 'pässwörd-1234' },
    code: 'invalid-input',
    field: 'appPassword',
    message: 'An app password has no spaces or special characters; paste it again.',
  },

  // Time entries typed by hand
  'an entry that ends before it starts': {
    method: 'addEntry',
    input: { ...entry, start: yesterdayAt(15), end: yesterdayAt(14) },
    code: 'invalid-input',
    field: 'end',
    message: 'The end must be after the start.',
  },
  'an entry that ends as it starts': {
    method: 'addEntry',
    input: { ...entry, end: entry.start },
    code: 'invalid-input',
    field: 'end',
    message: 'The end must be after the start.',
  },
  'an entry that ends in the future': {
    method: 'addEntry',
    input: { ...entry, start: now - 30 * MIN, end: now + 30 * MIN },
    code: 'invalid-input',
    field: 'end',
    message: 'The end cannot be in the future.',
  },
  'an entry of 30 hours': {
    method: 'addEntry',
    input: { ...entry, start: now - 31 * 60 * MIN, end: now - 60 * MIN },
    code: 'invalid-input',
    field: 'end',
    message: 'An entry can last at most 24 hours.',
  },
  'an entry overlapping another': {
    method: 'addEntry',
    input: { ...entry, start: yesterdayAt(10), end: yesterdayAt(11) },
    code: 'invalid-input',
    field: 'start',
    message: 'This overlaps the offline meeting entry of Tue 24 Nov, 09:00–10:30.',
  },
  'an online activity logged as offline time': {
    method: 'addEntry',
    input: { ...entry, activity: 'posting' },
    code: 'invalid-input',
    field: 'activity',
    message: 'This activity belongs to the other kind of time.',
  },
  'a note longer than 2,000 characters': {
    method: 'addEntry',
    input: { ...entry, note: 'x'.repeat(2001) },
    code: 'invalid-input',
    field: 'note',
    message: 'A note is at most 2,000 characters.',
  },
  'an edit of an entry that was deleted': {
    method: 'updateEntry',
    input: { id: 'gone', entry },
    code: 'not-found',
    message: 'This entry no longer exists.',
  },

  // Settings
  'a negative daily budget': {
    method: 'updateSettings',
    input: { dailyOnlineBudgetMin: -30 },
    code: 'invalid-input',
    field: 'dailyOnlineBudgetMin',
    message: 'The daily online budget must be at least 1 minute.',
  },
  'a daily budget longer than a day': {
    method: 'updateSettings',
    input: { dailyOnlineBudgetMin: 1500 },
    code: 'invalid-input',
    field: 'dailyOnlineBudgetMin',
    message: 'The daily online budget is at most 1,440 minutes (24 hours).',
  },
  'a negative grace period': {
    method: 'updateSettings',
    input: { graceDays: -1 },
    code: 'invalid-input',
    field: 'graceDays',
    message: 'The grace period cannot be negative.',
  },
  'an online share of 150 %': {
    method: 'updateSettings',
    input: { onlineShareTargetPct: 150 },
    code: 'invalid-input',
    field: 'onlineShareTargetPct',
    message: 'A share is at most 100 %.',
  },
  'quiet hours that end as they start': {
    method: 'updateSettings',
    input: { quietHours: { from: '22:00', to: '22:00' } },
    code: 'invalid-input',
    field: 'quietHours.to',
    message: 'Quiet hours need an end different from their start.',
  },
  'quiet hours at 25:00': {
    method: 'updateSettings',
    input: { quietHours: { from: '25:00', to: '07:00' } },
    code: 'invalid-input',
    field: 'quietHours.from',
    message: 'Use the 24-hour form HH:MM, for example 07:30.',
  },
  'a sync every −6 hours': {
    method: 'updateSettings',
    input: { syncEveryHours: -6 },
    code: 'invalid-input',
    field: 'syncEveryHours',
    message: 'Use 0 to sync only on demand.',
  },
  'a daily write cap of 0': {
    method: 'updateSettings',
    input: { dailyWriteCap: 0 },
    code: 'invalid-input',
    field: 'dailyWriteCap',
    message: 'Allow at least 1 follow or unfollow a day.',
  },

  // Accounts and the queue
  'a sync of an archive account': {
    method: 'syncAccount',
    input: { accountId: 'x-4242' },
    code: 'conflict',
    message: 'This X account comes from an archive: import a newer archive to update it.',
  },
  'an unfollow of someone not in the last sync': {
    method: 'enqueue',
    input: { accountId: 'x-4242', action: 'unfollow', personIds: ['999'] },
    code: 'not-found',
    message: 'None of these people are in the last sync; sync again.',
  },
  'removing an account Twoway does not have': {
    method: 'removeAccount',
    input: { accountId: 'mastodon-nowhere-1' },
    code: 'not-found',
    message: 'This account is no longer in Twoway.',
  },
  'sample data over the user’s own': {
    method: 'loadDemo',
    input: undefined,
    code: 'conflict',
    message: 'Sample data can only be loaded while Twoway is empty.',
  },
};

/** An app with a little of everything: changed settings, a manual entry and an X account from its archive. */
async function world() {
  const s = servicesAt(now);
  const seeded = [
    await s.dispatch('updateSettings', { graceDays: 5, quietHours: { from: '21:00', to: '07:00' } }),
    await s.dispatch('addEntry', { ...entry, start: yesterdayAt(9), end: yesterdayAt(10, 30) }),
    await s.dispatch('importXArchive', { files: [file('twitter.zip', completeArchive())] }),
  ];
  for (const reply of seeded) expect(reply).toMatchObject({ ok: true });
  return s;
}

describe('bad input', () => {
  it('has a catalogue of at least 30 cases', () => {
    expect(Object.keys(catalogue).length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(catalogue))('refuses %s with its own message and changes nothing', async (_, bad) => {
    const { dispatch, dataDir } = await world();
    const before = await snapshot(dispatch, dataDir);
    const input = typeof bad.input === 'function' ? (bad.input as () => unknown)() : bad.input;
    const reply = await dispatch(bad.method, input);
    expect(reply).toMatchObject({ ok: false, error: { code: bad.code, message: bad.message } });
    if (bad.field) expect(reply).toMatchObject({ error: { fields: { [bad.field]: bad.message } } });
    expect(await snapshot(dispatch, dataDir)).toEqual(before);
  });

  it.each([
    ['wrap past midnight', { from: '22:00', to: '07:00' }],
    ['stay within a day', { from: '12:30', to: '13:30' }],
    ['are switched off', null],
  ])('accepts quiet hours that %s', async (_, quietHours) => {
    const { dispatch } = await world();
    expect(await dispatch('updateSettings', { quietHours })).toMatchObject({ ok: true, value: { quietHours } });
    expect(await dispatch('getSettings', undefined)).toMatchObject({ ok: true, value: { quietHours } });
  });
});
