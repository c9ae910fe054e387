import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src/shared/contract.ts';
import { accountMethods } from '../../src/shared/contract/accounts.ts';
import { appMethods } from '../../src/shared/contract/app.ts';
import { catchUpMethods } from '../../src/shared/contract/catchUp.ts';
import { devicesMethods } from '../../src/shared/contract/devices.ts';
import { peopleMethods } from '../../src/shared/contract/people.ts';
import { queueMethods } from '../../src/shared/contract/queue.ts';
import { reportMethods } from '../../src/shared/contract/report.ts';
import { timeMethods } from '../../src/shared/contract/time.ts';
import { servicesAt } from '../support/services.ts';

const features = [
  appMethods,
  timeMethods,
  reportMethods,
  accountMethods,
  peopleMethods,
  queueMethods,
  catchUpMethods,
  devicesMethods,
];

describe('the contract', () => {
  it('has each method from exactly one feature, so none hides another', () => {
    const declared = features.flatMap((feature) => Object.keys(feature));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...methodNames].sort()).toEqual([...declared].sort());
  });

  it('hands the handlers the defaults of each schema, so inputs may leave them out', async () => {
    const { dispatch } = servicesAt(new Date(2026, 10, 25, 9, 0).getTime());
    await dispatch('loadDemo', undefined);
    const page = { search: '', offset: 0, limit: 100 };
    const lists = { filter: 'all', only: 'anyone' };
    const same = async (method: string, short: unknown, full: unknown) => {
      const [left, right] = [await dispatch(method, short), await dispatch(method, full)];
      expect(left, method).toMatchObject({ ok: true });
      expect(left, method).toEqual(right);
    };
    const everyone = { accountId: null };
    await same('getCatchUp', undefined, { withScanned: false });
    await same('listNotFollowingBack', everyone, { ...everyone, ...page, ...lists, sort: 'oldest' });
    await same('listGhosts', everyone, { ...everyone, ...page });
    await same('listNotFollowedBack', everyone, { ...everyone, ...page });
    await same('listDue', everyone, { ...everyone, search: '', only: 'anyone' });
    const picked = { ...everyone, picked: [] };
    await same('countPickedShown', picked, { ...picked, ...lists, list: 'not-following-back', search: '' });
    const rows = await dispatch('listNotFollowingBack', everyone);
    expect(rows.ok && (rows.value as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
  });
});
