import { describe, expect, it } from 'vitest';
import { firstSeenChanges } from '../../src/main/core/balance/firstSeen.ts';
import { accountKey, byAccount, splitAccountKey } from '../../src/main/core/devices/accountKey.ts';

describe('the earliest first sighting of a follow', () => {
  it('takes another device’s earlier date and offers this device’s earlier or only one', () => {
    const local: [string, number][] = [
      ['a', 500],
      ['b', 100],
      ['c', 300],
      ['d', 200],
    ];
    const shared = new Map([
      ['a', 400],
      ['b', 150],
      ['c', 300],
    ]);
    const { earlier, share } = firstSeenChanges(local, shared);
    expect([...earlier]).toEqual([['a', 400]]);
    expect([...share]).toEqual([
      ['b', 100],
      ['d', 200],
    ]);
  });

  it('never offers a follow without a date', () => {
    expect(firstSeenChanges([['a', Number.NaN]], new Map()).share.size).toBe(0);
  });
});

describe('keys of an account and a person', () => {
  it('split back at the account, whatever the network’s id holds', () => {
    const key = accountKey('mastodon-social-1', 'odd\nid with spaces');
    expect(splitAccountKey(key)).toEqual({ accountId: 'mastodon-social-1', id: 'odd\nid with spaces' });
    expect(splitAccountKey('no-break')).toBeNull();
    expect(
      byAccount(
        new Map([
          [key, 1],
          ['junk', 2],
        ]),
      ),
    ).toEqual(new Map([['mastodon-social-1', new Map([['odd\nid with spaces', 1]])]]));
  });
});

describe('a large account', () => {
  it('offers at most a sync’s share of dates, the latest first; the rest at the next syncs', () => {
    const local = Array.from({ length: 10 }, (_, i) => [`p${i}`, 1000 + i] as const);
    const first = firstSeenChanges(local, new Map(), 4);
    expect([...first.share.keys()]).toEqual(['p9', 'p8', 'p7', 'p6']);
    const next = firstSeenChanges(local, first.share, 4);
    expect([...next.share.keys()]).toEqual(['p5', 'p4', 'p3', 'p2']);
  });
});
