import { describe, expect, it } from 'vitest';
import { archiveOwner, archivePeople, sameOwner } from '../../src/main/core/networks/x/archive.ts';
import { isUnnamed, personLabel, xProfileUrl } from '../../src/shared/xPeople.ts';
import { accountJs } from '../servers/xArchive.ts';

const list = (...links: unknown[]) =>
  `window.YTD.follower.part0 = ${JSON.stringify(links.map((userLink, i) => ({ follower: { accountId: String(i + 1), userLink } })))}`;

describe('the people of an X archive list', () => {
  it('takes a username only from a link to the profile itself', () => {
    const people = archivePeople(
      'data/follower.js',
      list(
        'https://twitter.com/intent/user?user_id=1',
        'https://twitter.com/quiet_ana',
        'https://x.com/Ben_42/',
        'https://twitter.com/i',
        'https://evil.example/someone',
        'javascript:alert(1)',
        'https://twitter.com/much_too_long_for_x',
        42,
      ),
      'follower',
    );
    expect(people.map((p) => p.handle)).toEqual([null, '@quiet_ana', '@Ben_42', null, null, null, null, null]);
  });

  it('reads the owner from account.js only when its id and username are X’s forms', () => {
    expect(archiveOwner(accountJs({ accountId: '4242', username: 'alexmorgan_biz', displayName: 'Alex' }))).toEqual({
      accountId: '4242',
      username: 'alexmorgan_biz',
      displayName: 'Alex',
    });
    expect(archiveOwner(accountJs({ accountId: '../4242', username: 'alexmorgan_biz' }))).toBeNull();
    expect(archiveOwner(accountJs({ accountId: '4242', username: 'alex morgan' }))).toBeNull();
    expect(archiveOwner('window.YTD.account.part0 = [ {')).toBeNull();
  });

  it('knows an account’s archive by its X id, or by its handle where no id is known', () => {
    const owner = { accountId: '4242', username: 'AlexMorgan_biz' };
    expect(sameOwner({ handle: '@alexmorgan_biz', userId: '4242' }, owner)).toBe(true);
    expect(sameOwner({ handle: '@alexmorgan_biz', userId: '777' }, owner)).toBe(false);
    expect(sameOwner({ handle: '@alexmorgan_biz', userId: null }, owner)).toBe(true);
    expect(sameOwner({ handle: '@someone_else', userId: null }, owner)).toBe(false);
  });
});

describe('people known by their X id alone', () => {
  it('show as “X account <id>”, never as an address, with the profile link by id', () => {
    expect(personLabel({ id: '1900000000000000001', handle: '' })).toBe('X account 1900000000000000001');
    // What earlier versions stored as the handle reads the same.
    expect(personLabel({ id: '12', handle: 'x.com/i/user/12' })).toBe('X account 12');
    expect(isUnnamed({ handle: '@quiet_ana' })).toBe(false);
    expect(personLabel({ id: '12', handle: '@quiet_ana' })).toBe('@quiet_ana');
    expect(xProfileUrl('1900000000000000001')).toBe('https://x.com/i/user/1900000000000000001');
  });
});
