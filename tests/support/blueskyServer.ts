// The Bluesky reference server (PLC + PDS + AppView from @atproto/dev-env) for one test file: started and seeded
// before its tests, stopped after them; the tests skip, saying why, where the machine does not run it, and fail
// loudly where it is not installed (`bash tests/bluesky-server/setup.sh` installs it).
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { DAY } from '../../src/shared/calendar.ts';
import type { AccountBalance } from '../../src/shared/types.ts';
import {
  BLUESKY_SERVER_MISSING,
  BLUESKY_SERVER_SKIPPED,
  blueskyServerAvailable,
  blueskyServerSkipped,
  startBlueskyServer,
  type BlueskyServer,
} from '../bluesky-server/client.ts';
import { startFaultProxy, type FaultProxy } from './faultProxy.ts';
import { servicesAt, type ServicesOptions } from './services.ts';
import { settled } from './settled.ts';

/** Stands for what a beforeAll hook starts, so a file can name it at the top; read it in hooks and tests. */
function startedLater<T extends object>(what: string) {
  let value: T | undefined;
  const stand = new Proxy({} as T, {
    get(_, key) {
      if (!value) throw new Error(`${what} has not started yet: read it in a hook or a test.`);
      const property: unknown = Reflect.get(value, key, value);
      return typeof property === 'function' ? property.bind(value) : property;
    },
  });
  return {
    stand,
    start: (started: T) => (value = started),
    started: () => value,
  };
}

/** Starts the server for this file's tests (or the describe block's it is called in), then `seed`s it. */
export function blueskyServerForTests(seed: () => Promise<void> = async () => {}, timeoutMs = 240_000): BlueskyServer {
  const server = startedLater<BlueskyServer>('The Bluesky server');
  beforeAll(async () => {
    if (blueskyServerSkipped) return;
    if (!blueskyServerAvailable()) throw new Error(BLUESKY_SERVER_MISSING);
    server.start(await startBlueskyServer());
    await seed();
  }, timeoutMs);
  beforeEach((context) => context.skip(blueskyServerSkipped, BLUESKY_SERVER_SKIPPED));
  afterAll(async () => server.started()?.stop());
  return server.stand;
}

/** Fault proxies in front of the server's AppView, PDS and PLC, emptied of faults after each test. */
export function faultProxiesInFront(server: BlueskyServer) {
  const appview = startedLater<FaultProxy>('The AppView proxy');
  const pds = startedLater<FaultProxy>('The PDS proxy');
  const plc = startedLater<FaultProxy>('The PLC proxy');
  const all = () => [appview, pds, plc].flatMap((proxy) => proxy.started() ?? []);
  beforeAll(async () => {
    if (blueskyServerSkipped) return;
    appview.start(await startFaultProxy(server.urls.appview, { now: Date.now }));
    const pdsProxy = pds.start(await startFaultProxy(server.urls.pds, { now: Date.now }));
    // The DID documents name the PDS: through this proxy they name the PDS's proxy instead.
    const pdsAddress = new RegExp(`https?://(127\\.0\\.0\\.1|localhost):${new URL(server.urls.pds).port}`, 'g');
    const rewrite = (text: string) => text.replace(pdsAddress, pdsProxy.url);
    plc.start(await startFaultProxy(server.urls.plc, { now: Date.now, rewrite }));
  });
  afterEach(() => {
    for (const proxy of all()) proxy.faults.clear();
  });
  afterAll(async () => {
    await Promise.all(all().map((proxy) => proxy.close()));
  });
  return { appview: appview.stand, pds: pds.stand, plc: plc.stand };
}

/** Where Twoway finds the server's parts, as the add-account form sends them. */
export const blueskyAddresses = (server: BlueskyServer) => ({
  appviewUrl: server.urls.appview,
  plcUrl: server.urls.plc,
  handleResolverUrl: server.urls.pds,
});

export interface BlueskySignIn {
  handle: string;
  /** Without one the account is read-only. */
  appPassword?: string;
  /** When the app's clock starts; by default now. */
  at?: number;
  /** Other addresses than the server's own, such as a proxy's. */
  addresses?: Partial<ReturnType<typeof blueskyAddresses>>;
  services?: ServicesOptions;
}

/** A Twoway with the account added through the API as the add-account form adds it, and its first sync done. */
export async function addBlueskyAccount(
  server: BlueskyServer,
  { handle, appPassword, at = Date.now(), addresses, services }: BlueskySignIn,
) {
  const s = servicesAt(at, { warp: true, ...services });
  const reply = await s.dispatch('addAccount', {
    network: 'bluesky',
    handle,
    ...(appPassword ? { appPassword } : {}),
    ...blueskyAddresses(server),
    ...addresses,
  });
  expect(reply).toMatchObject({ ok: true });
  await settled(s.services);
  return { ...s, id: (reply as { ok: true; value: AccountBalance }).value.account.id };
}

/**
 * consultant.test with 150 followers (two pages of the AppView's 100) and 20 followed, on a server behind fault
 * proxies, for tests of what goes wrong on the wire; `gainFollower` gives the next sync a change to read every page
 * for, and answers the newcomer's handle.
 */
export function followersBehindFaultProxies(now: number) {
  const iso = (ms: number) => new Date(ms).toISOString();
  let me: { did: string };
  let newFollowers = 0;
  const server = blueskyServerForTests(async () => {
    me = await server.createAccount('consultant.test', 'consultant-pass');
    await server.seedFollowers(me.did, 150, { prefix: 'fan', createdAt: iso(now - 20 * DAY) });
    await server.seedFollowing(me.did, 20, { prefix: 'idol', createdAt: iso(now - 10 * DAY) });
    await server.processAll();
  });
  async function gainFollower(): Promise<string> {
    const handle = `new${String(++newFollowers).padStart(3, '0')}.test`;
    await server.createAccount(handle, 'new-pass');
    await server.follow(handle, me.did, iso(Date.now()));
    await server.processAll();
    return handle;
  }
  return { server, ...faultProxiesInFront(server), gainFollower };
}
