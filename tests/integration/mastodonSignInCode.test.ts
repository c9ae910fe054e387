// Signing in with Mastodon where Twoway cannot listen for the browser's answer (the instance shows a code to paste),
// and a code that comes twice; the browser's part is played by HTTP requests (tests/support/mastodonSignIn.ts).
import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMastodonSignIn } from '../../src/main/services/networks/mastodon/signIn.ts';
import {
  approve,
  closeSignInWorlds,
  press,
  reach,
  reaches,
  signInWorld,
  whenClosed,
  type SignInWorld,
} from '../support/mastodonSignIn.ts';
import { settled } from '../support/settled.ts';

afterEach(closeSignInWorlds);

describe('signing in where nothing can listen, and codes that come twice', () => {
  async function direct(w: SignInWorld, options: { loopbackPort?: number } = {}) {
    let counter = 0;
    const opened: string[] = [];
    const signIn = createMastodonSignIn({
      accounts: w.services.accounts,
      syncing: w.services.syncing,
      clock: w.clock,
      scheduler: w.timers.scheduler,
      events: w.services.events,
      secretStorage: async () => 'memory',
      openInBrowser: async (url) => void opened.push(url),
      // Known bytes, so the test knows the verifier: the one Twoway sends is base64url of 32 bytes of 7, 8, …
      randomBytes: (size) => new Uint8Array(size).fill(7 + counter++),
      ...options,
    });
    whenClosed(() => signIn.close());
    return { signIn, opened, verifier: Buffer.from(new Uint8Array(32).fill(7)).toString('base64url') };
  }

  it('falls back to a pasted code when the loopback cannot listen', async () => {
    const w = await signInWorld();
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    whenClosed(() => new Promise((resolve) => busy.close(resolve)));
    const { signIn, opened } = await direct(w, { loopbackPort: (busy.address() as net.AddressInfo).port });

    const view = await signIn.start({ instanceUrl: w.url });
    expect(view).toMatchObject({ step: 'waiting', via: 'code', openedInBrowser: true });
    expect(opened).toEqual([view.authorizeUrl]);
    expect([...w.state.oauth.apps.values()][0]!.redirectUris).toEqual(['urn:ietf:wg:oauth:2.0:oob']);
    const shown = await (await press(view.authorizeUrl)).text();
    const code = /class="oauth-code" readonly value="([^"]+)"/.exec(shown)![1]!;

    await expect(signIn.finishWithCode(view.id, 'not-the-code')).rejects.toMatchObject({
      code: 'invalid-input',
      fields: { code: expect.stringMatching(/did not accept this code .* copy it again/) },
    });
    expect(signIn.current()).toMatchObject({ step: 'waiting', via: 'code' });
    expect(await signIn.finishWithCode(view.id, code)).toMatchObject({ step: 'done' });
    await settled(w.services);
    expect(w.services.accounts.balances()[0]).toMatchObject({ canWrite: true });
  });

  it('trades a code once: the same code and verifier again are refused by the instance', async () => {
    const w = await signInWorld();
    const { signIn, verifier } = await direct(w);
    const view = await signIn.start({ instanceUrl: w.url });
    expect(new URL(view.authorizeUrl).searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(verifier).digest('base64url'),
    );
    const done = reaches(w, 'done', 'failed');
    const { location } = await approve(view.authorizeUrl);
    expect(await done).toMatchObject({ step: 'done' });
    const app = [...w.state.oauth.apps.values()][0]!;
    const replay = await fetch(`${w.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: new URL(location).searchParams.get('code')!,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: app.redirectUris[0]!,
        code_verifier: verifier,
      }),
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({
      error: 'invalid_grant',
      error_description: expect.stringContaining('The provided authorization grant is invalid'),
    });
    expect(await reach(location)).toMatch(/ECONNREFUSED/);
    expect(w.state.oauth.tokenApps.size).toBe(1);
    expect(w.services.accounts.list()).toHaveLength(1);
  });
});
