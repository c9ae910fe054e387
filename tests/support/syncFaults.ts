// The faults every network's sync must survive, against a local server written from the network's API: one that
// ends the sync keeps the lists and says why, and the next sync recovers; one that passes is ridden out within it.
import { expect, it } from 'vitest';
import type { Services } from '../../src/main/services/app.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import type { Fault, FaultQueue } from '../servers/faults.ts';

/** An account synced once, all well, on a server where `quiet` people do not follow the user yet. */
export interface SyncedAccount {
  services: Services;
  id: string;
  me: { id: string };
  quiet: { id: string }[];
  balance(): AccountBalance;
}

export interface SyncFaults<W extends SyncedAccount> {
  synced(): Promise<W>;
  /** The server `synced` started. */
  server(): { state: { follow(from: string, to: string): void }; faults: FaultQueue };
  /** How many followers the account has once one of the quiet people follows it. */
  followersAfterOneMore: number;
  /** A fault, and what the account says after it. */
  failures: [string, (w: W) => Fault, RegExp][];
  /** Faults a retry gets past. */
  riddenOut: [string, (w: W) => Fault][];
}

export function syncFaultCases<W extends SyncedAccount>({
  synced,
  server,
  followersAfterOneMore,
  failures,
  riddenOut,
}: SyncFaults<W>) {
  it.each(failures)('after %s: lists intact, the reason shown, the next sync recovers', async (_, fault, message) => {
    const w = await synced();
    const before = w.services.accounts.data(w.id);
    w.services.settings.update({ syncEveryHours: 0 });
    server().state.follow(w.quiet[5]!.id, w.me.id); // a real change, so the sync reads every page
    server().faults.push(fault(w));

    expect(await w.services.syncing.sync(w.id)).toBeNull();
    expect(w.balance().problem).toMatch(message);
    expect(w.services.accounts.list()).toHaveLength(1);
    expect(w.services.accounts.data(w.id)).toEqual(before);

    server().faults.clear();
    expect(await w.services.syncing.sync(w.id)).not.toBeNull();
    expect(w.balance().problem).toBeNull();
    expect(w.services.accounts.data(w.id).followers).toHaveLength(followersAfterOneMore);
  });

  it.each(riddenOut)('rides out %s within the same sync', async (_, fault) => {
    const w = await synced();
    server().state.follow(w.quiet[5]!.id, w.me.id);
    server().faults.push(fault(w));
    expect(await w.services.syncing.sync(w.id)).not.toBeNull();
    expect(w.balance().problem).toBeNull();
    expect(w.services.accounts.data(w.id).followers).toHaveLength(followersAfterOneMore);
    expect(server().faults.pending).toEqual([]);
  });
}
