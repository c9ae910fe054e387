// Mastodon's OAuth endpoints as documented (docs.joinmastodon.org methods/apps and methods/oauth): register
// Twoway as an app, trade an authorization code for a token, revoke a token. Every reply is read through a schema.
import { z } from 'zod';
import { WEBSITE } from '../../../core/desktop/appIdentity.ts';
import { signInScopes } from '../../../core/networks/mastodon/authorization.ts';
import { readReply } from '../replies.ts';
import { NetworkFailure, type ResilientFetch } from '../resilientFetch.ts';

/** Twoway as registered on one instance: what a token is traded and revoked with. */
export interface MastodonApp {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const credentialApplication = z.object({
  client_id: z.string().min(1).max(512),
  client_secret: z.string().min(1).max(512),
});
const tokenReply = z.object({
  access_token: z.string().regex(/^[\x21-\x7e]{8,512}$/, 'a token of printable characters'),
  token_type: z.string().regex(/^bearer$/i, 'a bearer token'),
  scope: z.string().max(1000).default(''),
});
/** Doorkeeper's errors ({"error":"invalid_grant","error_description":"…"}) and the API's ({"error":"…"}). */
const errorReply = z.object({ error: z.string(), error_description: z.string().optional() });

/** The instance said no (HTTP 4xx with an OAuth error): `error` is the code, the message its description. */
export class OAuthRefusal extends Error {
  readonly error: string;
  readonly status: number;

  constructor(error: string, message: string, status: number) {
    super(message);
    this.error = error;
    this.status = status;
  }
}

async function post(instanceUrl: string, path: string, form: Record<string, string>, fetch: ResilientFetch) {
  const response = await fetch(`${instanceUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new NetworkFailure(
      'bad-response',
      `${new URL(instanceUrl).host} answered ${path} with something that is not JSON (HTTP ${response.status}).`,
    );
  }
  if (response.ok) return body;
  const refusal = errorReply.safeParse(body);
  const error = refusal.success ? refusal.data.error.slice(0, 100) : `HTTP ${response.status}`;
  const description = refusal.success ? (refusal.data.error_description ?? refusal.data.error) : error;
  throw new OAuthRefusal(error, description.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 300), response.status);
}

/** POST /api/v1/apps: Twoway as a confidential client of this instance, with the one redirect of this sign-in. */
export async function registerApp(
  instanceUrl: string,
  redirectUri: string,
  fetch: ResilientFetch,
): Promise<MastodonApp> {
  const body = await post(
    instanceUrl,
    '/api/v1/apps',
    { client_name: 'Twoway', redirect_uris: redirectUri, scopes: signInScopes, website: WEBSITE },
    fetch,
  );
  const app = readReply(credentialApplication, body, 'Mastodon sent an app registration');
  return { clientId: app.client_id, clientSecret: app.client_secret, redirectUri };
}

/** POST /oauth/token with the code and the PKCE verifier: the access token and the scopes it grants. */
export async function tradeCode(
  instanceUrl: string,
  app: MastodonApp,
  code: string,
  verifier: string,
  fetch: ResilientFetch,
): Promise<{ token: string; scope: string }> {
  const body = await post(
    instanceUrl,
    '/oauth/token',
    {
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: app.redirectUri,
      code_verifier: verifier,
    },
    fetch,
  );
  const reply = readReply(tokenReply, body, 'Mastodon sent a token');
  return { token: reply.access_token, scope: reply.scope };
}

/** POST /oauth/revoke: the token stops working. Idempotent on Mastodon: a token revoked already answers 200. */
export async function revokeToken(
  instanceUrl: string,
  app: Pick<MastodonApp, 'clientId' | 'clientSecret'>,
  token: string,
  fetch: ResilientFetch,
): Promise<void> {
  await post(instanceUrl, '/oauth/revoke', { client_id: app.clientId, client_secret: app.clientSecret, token }, fetch);
}
