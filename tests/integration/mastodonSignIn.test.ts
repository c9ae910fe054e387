// "Sign in with Mastodon" against the local server's OAuth endpoints, the browser's part played by HTTP requests as
// a browser makes them (tests/support/mastodonSignIn.ts), so every other part is real: the app registration, the
// loopback listener, the state, PKCE, the token exchange, the vault, the sync, the timeout and the revocation.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MastodonSignIn } from '../../src/shared/mastodonSignIn.ts';
import { secretKeys } from '../../src/main/services/secrets.ts';
import {
  approve,
  closeSignInWorlds,
  press,
  reach,
  reaches,
  signInStart,
  signInWorld,
  startSignIn,
  whileTimersRun,
} from '../support/mastodonSignIn.ts';
import { settled } from '../support/settled.ts';

afterEach(closeSignInWorlds);

describe('signing in with Mastodon through the browser', () => {
  it('registers Twoway, opens the approval page, catches the code on 127.0.0.1 and adds the account synced', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    expect(view).toMatchObject({
      step: 'waiting',
      via: 'browser',
      openedInBrowser: false,
      until: signInStart + 5 * 60_000,
    });

    const app = [...w.state.oauth.apps.values()][0]!;
    expect(app).toMatchObject({ name: 'Twoway', scopes: ['read', 'write:follows'] });
    expect(app.website).toMatch(/^https:\/\//);
    const authorize = new URL(view.authorizeUrl);
    const query = Object.fromEntries(authorize.searchParams);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${w.url}/oauth/authorize`);
    expect(query).toMatchObject({
      response_type: 'code',
      client_id: app.clientId,
      scope: 'read write:follows',
      code_challenge_method: 'S256',
    });
    expect(app.redirectUris).toEqual([query.redirect_uri]);
    expect(query.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(query.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.state!.length).toBeGreaterThanOrEqual(32);

    const done = reaches(w, 'done', 'failed');
    const back = await approve(view.authorizeUrl);
    expect(back.status).toBe(200);
    expect(back.text).toContain('Return to Twoway');
    expect(await done).toMatchObject({ step: 'done', handle: `@consultant@${new URL(w.url).host}` });
    await settled(w.services);

    const [balance] = w.services.accounts.balances();
    expect(balance!.account.handle).toBe(`@consultant@${new URL(w.url).host}`);
    expect(balance!.canWrite).toBe(true);
    expect(balance!.history.at(-1)).toMatchObject({ followers: 3, following: 0 });
    // The token the instance issued is the one in the vault, beside the app that revokes it; it reads the API.
    const [issued] = [...w.state.oauth.tokenApps.keys()];
    const keys = secretKeys(balance!.account.id);
    expect(await w.vault.get(keys.token)).toBe(issued);
    expect(JSON.parse((await w.vault.get(keys.app))!)).toEqual({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
    });
    const checked = w.state.requests.filter((r) => r.path.endsWith('/verify_credentials'));
    expect(checked.map((r) => r.token)).toEqual([issued]);
    expect(w.state.requests.filter((r) => r.path.endsWith('/followers')).map((r) => r.token)).toEqual([issued]);
    // The listener is gone once the code is in.
    expect(await reach(back.location)).toMatch(/ECONNREFUSED/);
  });

  it('refuses an answer with another state, or on another path, and goes on waiting for the real one', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    const callback = new URL(new URL(view.authorizeUrl).searchParams.get('redirect_uri')!);
    const stranger = await fetch(`${callback.href}?code=forged-code&state=not-this-sign-in`);
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('not the sign-in Twoway is waiting for');
    expect((await fetch(`${callback.href}?code=forged-code`)).status).toBe(400);
    expect((await fetch(`${callback.origin}/elsewhere?code=forged-code&state=x`)).status).toBe(404);
    expect(await w.dispatch('getMastodonSignIn', undefined)).toMatchObject({ ok: true, value: { step: 'waiting' } });
    expect(w.state.oauth.grants.size).toBe(0);

    const done = reaches(w, 'done', 'failed');
    await approve(view.authorizeUrl);
    expect(await done).toMatchObject({ step: 'done' });
  });

  it('keeps a code useless without the verifier: an intercepted code is refused, a swapped challenge fails the sign-in', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    const app = [...w.state.oauth.apps.values()][0]!;
    const redirect = (await press(view.authorizeUrl)).headers.get('location')!;
    const code = new URL(redirect).searchParams.get('code')!;
    const stolen = await fetch(`${w.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: app.redirectUris[0]!,
        code_verifier: 'a'.repeat(43),
      }),
    });
    expect(stolen.status).toBe(400);
    expect(await stolen.json()).toMatchObject({ error: 'invalid_grant' });
    // Twoway's own verifier still trades the same code.
    const done = reaches(w, 'done', 'failed');
    await fetch(redirect);
    expect(await done).toMatchObject({ step: 'done' });

    // A page that swaps the challenge for its own gets a code Twoway's verifier cannot trade.
    const again = await startSignIn(w);
    const swapped = new URL(again.authorizeUrl);
    swapped.searchParams.set('code_challenge', createHash('sha256').update('b'.repeat(43)).digest('base64url'));
    const failed = reaches(w, 'done', 'failed');
    await approve(swapped.href);
    const end = await failed;
    expect(end).toMatchObject({ step: 'failed' });
    expect(end.step === 'failed' && end.message).toMatch(
      /did not accept the sign-in \(The provided authorization grant is invalid/,
    );
  });

  it('says when the user denies Twoway, and adds nothing', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    const failed = reaches(w, 'failed', 'done');
    const back = await approve(view.authorizeUrl, 'deny');
    expect(back.text).toContain('Twoway was not approved');
    expect(await failed).toMatchObject({ message: `You did not approve Twoway on ${new URL(w.url).host}.` });
    expect(w.services.accounts.list()).toEqual([]);
  });

  it('stops waiting after 5 minutes: the listener closes and a late approval reaches nothing', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    const failed = reaches(w, 'failed', 'done');
    w.timers.advance(5 * 60_000 - 1);
    expect(await w.dispatch('getMastodonSignIn', undefined)).toMatchObject({ ok: true, value: { step: 'waiting' } });
    w.timers.advance(1);
    expect(await failed).toMatchObject({ step: 'failed', message: 'Sign-in timed out after 5 minutes; try again.' });
    const late = (await press(view.authorizeUrl)).headers.get('location')!;
    expect(await reach(late)).toMatch(/ECONNREFUSED/);
    expect(w.services.accounts.list()).toEqual([]);
  });

  it('shows the token and the app’s secret to nobody: not in replies, events, the data folder or the pages', async () => {
    const w = await signInWorld();
    const seen: string[] = [];
    w.services.events.listen((event, payload) => seen.push(JSON.stringify({ event, payload })));
    const view = await startSignIn(w);
    seen.push(JSON.stringify(view));
    const done = reaches(w, 'done', 'failed');
    const back = await approve(view.authorizeUrl);
    seen.push(back.text, JSON.stringify(await done));
    await settled(w.services);
    seen.push(JSON.stringify(await w.dispatch('listBalances', undefined)));
    seen.push(JSON.stringify(await w.dispatch('getMastodonSignIn', undefined)));
    for (const file of fs.readdirSync(w.dataDir, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) seen.push(fs.readFileSync(path.join(file.parentPath, file.name), 'utf8'));
    }
    const [token] = [...w.state.oauth.tokenApps.keys()];
    const { clientSecret } = [...w.state.oauth.apps.values()][0]!;
    expect(seen.length).toBeGreaterThan(5);
    for (const text of seen) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(clientSecret);
    }
  });

  it('listens on 127.0.0.1 only, and answers only requests for 127.0.0.1', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    const port = Number(new URL(new URL(view.authorizeUrl).searchParams.get('redirect_uri')!).port);
    const connects = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host, port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
    expect(await connects('127.0.0.1')).toBe('connected');
    expect(await connects('::1')).not.toBe('connected');
    const elsewhere = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const address of elsewhere) expect(await connects(address)).not.toBe('connected');

    const rebound = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/callback', headers: { host: `evil.example:${port}` } }, (response) => {
          response.resume();
          resolve(response.statusCode!);
        })
        .on('error', reject);
    });
    expect(rebound).toBe(421);
  });

  it('revokes the token when the account is removed; an instance out of reach keeps it until removed here only', async () => {
    const w = await signInWorld();
    const view = await startSignIn(w);
    const done = reaches(w, 'done', 'failed');
    await approve(view.authorizeUrl);
    const { accountId } = (await done) as Extract<MastodonSignIn, { step: 'done' }>;
    await settled(w.services);
    const [token] = [...w.state.oauth.tokenApps.keys()];
    expect(await w.dispatch('removeAccount', { accountId })).toMatchObject({ ok: true });
    expect(w.state.oauth.revoked).toEqual([token]);
    expect(w.state.tokens.get(token!)!.revoked).toBe(true);
    expect(await w.vault.get(secretKeys(accountId).token)).toBeNull();
    expect(await w.vault.get(secretKeys(accountId).app)).toBeNull();
    const api = await fetch(`${w.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(401);

    const next = await startSignIn(w);
    const added = reaches(w, 'done', 'failed');
    await approve(next.authorizeUrl);
    await added;
    await settled(w.services);
    await w.server.close();
    const offline = await whileTimersRun(w, w.dispatch('removeAccount', { accountId }));
    expect(offline).toMatchObject({
      ok: false,
      error: { code: 'unavailable', fields: { revoke: expect.any(String) } },
    });
    expect(!offline.ok && offline.error.message).toMatch(/could not end its access on 127\.0\.0\.1:\d+ .*still here/);
    expect(w.services.accounts.list().map((a) => a.id)).toEqual([accountId]);
    expect(await w.dispatch('removeAccount', { accountId, revoke: false })).toMatchObject({ ok: true });
    expect(w.services.accounts.list()).toEqual([]);
  });
});
