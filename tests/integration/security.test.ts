// Secrets stay secret: a token and an app password go in through the real add-account path, are used for
// syncs and writes, and then appear nowhere in plaintext — not in the data folder, not in anything printed, not
// in any reply or event the renderer receives.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountBalance } from '../../src/shared/types.ts';
import { manualClock } from '../../src/main/core/clock.ts';
import { safeStorageVault, type SecretCipher } from '../../src/main/electron/safeStorageVault.ts';
import { secretKeys } from '../../src/main/services/secrets.ts';
import { startMastodonServer } from '../servers/mastodon.ts';
import { blueskyAddresses, blueskyServerForTests } from '../support/blueskyServer.ts';
import { servicesAt } from '../support/services.ts';
import { settled } from '../support/settled.ts';
import { tempDir } from '../support/tempDir.ts';

/** The desktop app encrypts with the OS keychain (Electron safeStorage); here AES-GCM with a key in memory. */
function keychainCipher(): SecretCipher {
  const key = randomBytes(32);
  return {
    async encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const text = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      return { text, reEncrypt: false };
    },
  };
}

/** Everything printed while a test runs: console calls and raw writes to stdout and stderr. */
let printed: string[] = [];
beforeEach(() => {
  printed = [];
  const keep = (...args: unknown[]) =>
    void printed.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterEach(() => vi.restoreAllMocks());

/** A Twoway whose secrets go to an encrypted secrets.json in its data folder, as in the desktop app. */
function app() {
  const dataDir = tempDir();
  const vault = safeStorageVault({
    dataDir,
    cipher: keychainCipher(),
    clock: manualClock(Date.now()),
    warn: (m) => printed.push(m),
  });
  const s = servicesAt(Date.now(), { dataDir, warp: true, vault });
  const seen: string[] = [];
  s.services.events.listen((event, payload) => seen.push(`${event} ${JSON.stringify(payload)}`));
  const dispatch = async (method: string, input: unknown) => {
    const reply = await s.dispatch(method, input);
    seen.push(`${method} ${JSON.stringify(reply)}`);
    return reply;
  };
  return { ...s, dispatch, vault, seen };
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Where a secret could leak: each file of the data folder, what was printed, what the renderer was sent. */
function placesIn(twoway: ReturnType<typeof app>): [string, string][] {
  return [
    ...filesUnder(twoway.dataDir).map((file): [string, string] => [file, fs.readFileSync(file, 'latin1')]),
    ['printed output', printed.join('\n')],
    ['replies and events', twoway.seen.join('\n')],
  ];
}

function expectNowhere(secret: string, places: [string, string][]) {
  const spellings = [
    secret,
    Buffer.from(secret).toString('base64'),
    encodeURIComponent(secret),
    JSON.stringify(secret),
  ];
  for (const [place, text] of places) {
    for (const spelling of spellings) expect(text.includes(spelling), `${place} holds the secret`).toBe(false);
  }
}

describe('a Mastodon access token', { timeout: 20_000 }, () => {
  type Server = Awaited<ReturnType<typeof startMastodonServer>>;
  let server: Server | undefined;
  afterEach(async () => server?.close());

  it('is kept encrypted and appears nowhere in plaintext after adding, syncing, unfollowing and a refusal', async () => {
    const token = 'mastodon-Tok3n-9f8e7d6c5b4a39281706';
    const twoway = app();
    server = await startMastodonServer();
    const me = server.state.addAccount({ username: 'me' });
    const quiet = server.state.addAccount({ username: 'quiet' });
    server.state.follow(me.id, quiet.id);
    server.state.follow(server.state.addAccount({ username: 'fan' }).id, me.id);
    server.state.addToken(token, me.id);

    const wrong = await twoway.dispatch('addAccount', {
      network: 'mastodon',
      instanceUrl: server.url,
      handle: '@me',
      token: `${token}-old`,
    });
    expect(wrong).toMatchObject({ ok: false, error: { fields: { token: expect.any(String) } } });
    const added = await twoway.dispatch('addAccount', {
      network: 'mastodon',
      instanceUrl: server.url,
      handle: '@me',
      token,
    });
    const id = (added as { ok: true; value: AccountBalance }).value.account.id;
    await settled(twoway.services);
    await twoway.dispatch('enqueue', { accountId: id, action: 'unfollow', personIds: [quiet.id] });
    await settled(twoway.services);
    expect(server.state.isFollowing(me.id, quiet.id)).toBe(false);

    // It was kept (so the scan had something to find), under the account's key, in the data folder's secrets.json.
    expect(await twoway.vault.get(secretKeys(id).token)).toBe(token);
    expect(fs.readFileSync(path.join(twoway.dataDir, 'secrets.json'), 'utf8')).toContain(secretKeys(id).token);
    expectNowhere(token, placesIn(twoway));
    expectNowhere(`${token}-old`, placesIn(twoway));
  });
});

describe('a Bluesky app password and the session it opens', { timeout: 30_000 }, () => {
  const bluesky = blueskyServerForTests(undefined, 120_000);

  it('are kept encrypted and appear nowhere in plaintext after adding, syncing and following back', async () => {
    const appPassword = 'bsky-App-Pass-7q2w-9e4r';
    const me = await bluesky.createAccount('guarded.test', appPassword);
    const fan = await bluesky.createAccount('fan.test', 'fan-pass');
    await bluesky.follow('fan.test', me.did);
    await bluesky.processAll();
    const twoway = app();
    const added = await twoway.dispatch('addAccount', {
      network: 'bluesky',
      handle: 'guarded.test',
      appPassword,
      ...blueskyAddresses(bluesky),
    });
    const id = (added as { ok: true; value: AccountBalance }).value.account.id;
    await settled(twoway.services);
    await twoway.dispatch('enqueue', { accountId: id, action: 'follow', personIds: [fan.did] });
    await settled(twoway.services);
    expect(twoway.services.queue.view().items[0]).toMatchObject({ state: 'done' });

    const session = JSON.parse((await twoway.vault.get(secretKeys(id).session))!) as {
      accessJwt: string;
      refreshJwt: string;
    };
    expect(await twoway.vault.get(secretKeys(id).password)).toBe(appPassword);
    const places = placesIn(twoway);
    for (const secret of [appPassword, session.accessJwt, session.refreshJwt]) expectNowhere(secret, places);
  });
});
