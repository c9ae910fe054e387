import { describe, expect, it } from 'vitest';
import { showsGettingStarted } from '../../src/shared/gettingStarted.ts';
import type { GettingStarted } from '../../src/shared/types.ts';

const fresh: GettingStarted = { account: 'open', budget: 'open', session: 'open', begun: false };

describe('showsGettingStarted', () => {
  it('shows on a first run, before any data', () => {
    expect(showsGettingStarted(fresh, false)).toBe(true);
  });

  it('stays away when sample data or the user’s own data came first, untouched', () => {
    expect(showsGettingStarted(fresh, true)).toBe(false);
  });

  it('stays while begun, with data, until no step is open', () => {
    expect(showsGettingStarted({ ...fresh, account: 'done', begun: true }, true)).toBe(true);
    expect(showsGettingStarted({ account: 'done', budget: 'skipped', session: 'open', begun: true }, true)).toBe(true);
    expect(showsGettingStarted({ account: 'done', budget: 'skipped', session: 'done', begun: true }, true)).toBe(false);
    expect(
      showsGettingStarted({ account: 'skipped', budget: 'skipped', session: 'skipped', begun: false }, false),
    ).toBe(false);
  });
});
