// The local Mastodon server's OAuth endpoints refuse what Mastodon (Doorkeeper) refuses, in its shapes, so the
// sign-in tests meet a server as strict as a real instance.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startMastodonServer } from '../servers/mastodon.ts';

type Server = Awaited<ReturnType<typeof startMastodonServer>>;
let server: Server;
let clock = Date.UTC(2026, 10, 25, 14);
afterEach(() => server.close());

const redirect = 'http://127.0.0.1:5555/callback';
const verifier = 'v'.repeat(43);
const challenge = createHash('sha256').update(verifier).digest('base64url');

async function setUp() {
  server = await startMastodonServer({ now: () => clock });
  const me = server.state.addAccount({ username: 'me' });
  server.state.oauth.signedInAs = me.id;
  const reply = await post('/api/v1/apps', {
    client_name: 'Twoway',
    redirect_uris: redirect,
    scopes: 'read write:follows',
  });
  const app = (await reply.json()) as { client_id: string; client_secret: string };
  return { me, app };
}

const post = (path: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

function authorizeQuery(clientId: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirect,
    scope: 'read write:follows',
    state: 's1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
}

async function code(clientId: string) {
  const answer = await post('/oauth/authorize', {
    ...Object.fromEntries(authorizeQuery(clientId)),
    decision: 'approve',
  });
  return new URL(answer.headers.get('location')!).searchParams.get('code')!;
}

describe('the local server registers apps and asks for approval as Mastodon does', () => {
  it('refuses an app without a name or with a redirect that is not an address', async () => {
    await setUp();
    const nameless = await post('/api/v1/apps', { client_name: '', redirect_uris: redirect });
    expect(nameless.status).toBe(422);
    expect(await nameless.json()).toEqual({ error: "Validation failed: Application name can't be blank" });
    const relative = await post('/api/v1/apps', { client_name: 'X', redirect_uris: '/callback' });
    expect(await relative.json()).toEqual({ error: 'Validation failed: Redirect URI must be an absolute URI.' });
  });

  it('shows no approval page for an unknown client or another redirect, and sends a bad scope back', async () => {
    const { app } = await setUp();
    expect((await fetch(`${server.url}/oauth/authorize?${authorizeQuery('nobody')}`)).status).toBe(401);
    const elsewhere = authorizeQuery(app.client_id, { redirect_uri: 'http://127.0.0.1:6666/callback' });
    expect((await fetch(`${server.url}/oauth/authorize?${elsewhere}`)).status).toBe(400);
    const wider = await fetch(
      `${server.url}/oauth/authorize?${authorizeQuery(app.client_id, { scope: 'read write' })}`,
      {
        redirect: 'manual',
      },
    );
    expect(wider.status).toBe(302);
    const back = new URL(wider.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(redirect);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: 'invalid_scope', state: 's1' });
    const page = await fetch(`${server.url}/oauth/authorize?${authorizeQuery(app.client_id)}`);
    expect(await page.text()).toContain('<button name="decision" value="approve">Authorize</button>');
  });
});

describe('the local server trades codes for tokens as Mastodon does', () => {
  it('checks the client, the redirect, the verifier and the code’s age; a token it issues reads the API', async () => {
    const { me, app } = await setUp();
    const trade = (form: Record<string, string>) =>
      post('/oauth/token', {
        grant_type: 'authorization_code',
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: redirect,
        code_verifier: verifier,
        ...form,
      });
    const first = await code(app.client_id);
    expect((await trade({ code: first, client_secret: 'wrong' })).status).toBe(401);
    expect(await (await trade({ code: first, redirect_uri: 'http://127.0.0.1:6666/callback' })).json()).toMatchObject({
      error: 'invalid_grant',
    });
    expect(await (await trade({ code: first, code_verifier: '' })).json()).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: code_verifier.',
    });
    const issued = await trade({ code: first });
    expect(issued.status).toBe(200);
    const token = (await issued.json()) as { access_token: string; token_type: string; scope: string };
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'read write:follows' });
    const mine = await fetch(`${server.url}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(await mine.json()).toMatchObject({ id: me.id });

    const late = await code(app.client_id);
    clock += 10 * 60_000 + 1;
    expect((await trade({ code: late })).status).toBe(400);
  });

  it('revokes only its own app’s tokens, and takes a token it does not know as revoked already', async () => {
    const { me, app } = await setUp();
    server.state.addToken('pasted-token-1', me.id);
    const revoke = (token: string, secret = app.client_secret) =>
      post('/oauth/revoke', { client_id: app.client_id, client_secret: secret, token });
    expect(await (await revoke('never-issued')).json()).toEqual({});
    server.state.oauth.tokenApps.set('pasted-token-1', 'another-app');
    const foreign = await revoke('pasted-token-1');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'You are not authorized to revoke this token',
    });
    expect(server.state.tokens.get('pasted-token-1')!.revoked).toBe(false);
    expect((await revoke('never-issued', 'wrong')).status).toBe(403);
  });
});
