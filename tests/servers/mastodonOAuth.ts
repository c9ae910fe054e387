/**
 * Mastodon's OAuth endpoints for the local test server, written from docs.joinmastodon.org (methods/apps,
 * methods/oauth, spec/oauth) and Doorkeeper, which Mastodon uses: app registration, the approval page (a form
 * with Authorize and Deny, signed in as the account the test names), the code-for-token exchange with PKCE S256
 * and client authentication, and revocation. Tokens it issues are the server's own and work on the API.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseBody, type TestReply, type TestRequest } from './faults.ts';

export const OUT_OF_BAND = 'urn:ietf:wg:oauth:2.0:oob';
/** Mastodon's authorization codes last 10 minutes (config/initializers/doorkeeper.rb). */
const CODE_LIFETIME_MS = 10 * 60_000;
const KNOWN_SCOPES =
  /^(read|write|follow|push|profile|(admin:)?(read|write)(:[a-z_]+)*|read:(accounts|blocks|bookmarks|favourites|filters|follows|lists|mutes|notifications|search|statuses)|write:(accounts|blocks|bookmarks|conversations|favourites|filters|follows|lists|media|mutes|notifications|reports|statuses))$/;

export interface OAuthApp {
  id: string;
  name: string;
  website: string | null;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  scopes: string[];
}

export interface OAuthGrant {
  code: string;
  clientId: string;
  accountId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  createdAt: number;
  used: boolean;
}

/** The server's OAuth side: apps, codes, who issued which token, and what was revoked. */
export class MastodonOAuthState {
  readonly apps = new Map<string, OAuthApp>();
  readonly grants = new Map<string, OAuthGrant>();
  /** Which app each token issued here belongs to. */
  readonly tokenApps = new Map<string, string>();
  /** Tokens revoked through POST /oauth/revoke, in order. */
  readonly revoked: string[] = [];
  /** Who the approval page is signed in as (the test's browser session); null shows a login wall. */
  signedInAs: string | null = null;
  #nextAppId = 563_419;

  registerApp(input: Omit<OAuthApp, 'id' | 'clientId' | 'clientSecret'>): OAuthApp {
    const app: OAuthApp = {
      ...input,
      id: String(this.#nextAppId++),
      clientId: randomBytes(32).toString('base64url'),
      clientSecret: randomBytes(32).toString('base64url'),
    };
    this.apps.set(app.clientId, app);
    return app;
  }
}

/** The tokens the server keeps for the API: how the OAuth side issues, checks and revokes them. */
export interface TokenStore {
  addToken(token: string, accountId: string | null, scopes: string[]): void;
  revokeToken(token: string): void;
  hasAccount(id: string): boolean;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const html = (status: number, body: string): TestReply => ({
  status,
  raw: `<!doctype html><html lang="en"><meta charset="utf-8"><title>Test Mastodon</title><body>${body}</body></html>`,
  contentType: 'text/html; charset=utf-8',
});
const oauthError = (status: number, error: string, description: string): TestReply => ({
  status,
  json: { error, error_description: description },
});
const DESCRIPTIONS = {
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  access_denied: 'The resource owner or authorization server denied the request.',
  invalid_redirect_uri: 'The requested redirect uri is malformed or doesn’t match client redirect URI.',
  unauthorized_client: 'You are not authorized to revoke this token',
};

/** A redirect URI Doorkeeper accepts at registration: absolute, without a fragment, or the out-of-band one. */
function validRedirect(uri: string): boolean {
  if (uri === OUT_OF_BAND) return true;
  return URL.canParse(uri) && !uri.includes('#') && new URL(uri).protocol !== 'javascript:';
}

const scopeList = (text: unknown, fallback: string) =>
  (typeof text === 'string' && text.trim() ? text : fallback).split(/[\s+]+/).filter(Boolean);

export function oauthRoutes(oauth: MastodonOAuthState, tokens: TokenStore, now: () => number) {
  const registerApp = (request: TestRequest): TestReply => {
    const body = parseBody(request);
    const name = typeof body.client_name === 'string' ? body.client_name.trim() : '';
    if (!name) return { status: 422, json: { error: "Validation failed: Application name can't be blank" } };
    const raw = body.redirect_uris ?? body['redirect_uris[]'];
    const uris = (Array.isArray(raw) ? raw : String(raw ?? '').split(/\s+/)).map(String).filter(Boolean);
    if (uris.length === 0) return { status: 422, json: { error: "Validation failed: Redirect URI can't be blank" } };
    if (!uris.every(validRedirect)) {
      return { status: 422, json: { error: 'Validation failed: Redirect URI must be an absolute URI.' } };
    }
    const scopes = scopeList(body.scopes, 'read');
    if (!scopes.every((scope) => KNOWN_SCOPES.test(scope))) {
      return { status: 422, json: { error: 'Validation failed: Scopes must be a valid list of scopes' } };
    }
    const website = typeof body.website === 'string' && body.website ? body.website : null;
    const app = oauth.registerApp({ name, website, redirectUris: uris, scopes });
    return {
      status: 200,
      json: {
        id: app.id,
        name: app.name,
        website: app.website,
        scopes: app.scopes,
        redirect_uri: app.redirectUris.join('\n'),
        redirect_uris: app.redirectUris,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        client_secret_expires_at: 0,
      },
    };
  };

  /** Checks an authorization request as Doorkeeper does: client and redirect first (never redirected to). */
  const checkAuthorization = (params: URLSearchParams | Map<string, string>) => {
    const get = (key: string) => params.get(key) ?? null;
    const app = oauth.apps.get(get('client_id') ?? '');
    if (!app) return { reply: html(401, `<h1>Error</h1><p>${DESCRIPTIONS.invalid_client}</p>`) };
    const redirectUri = get('redirect_uri') ?? '';
    if (!app.redirectUris.includes(redirectUri)) {
      return { reply: html(400, `<h1>Error</h1><p>${escape(DESCRIPTIONS.invalid_redirect_uri)}</p>`) };
    }
    const state = get('state');
    const back = (query: Record<string, string>): TestReply => {
      const search = new URLSearchParams({ ...query, ...(state === null ? {} : { state }) });
      if (redirectUri === OUT_OF_BAND) return html(400, `<h1>Error</h1><p>${escape(search.toString())}</p>`);
      const location = new URL(redirectUri);
      for (const [key, value] of search) location.searchParams.set(key, value);
      return { status: 302, headers: { location: location.href } };
    };
    if (get('response_type') !== 'code') {
      return {
        reply: back({
          error: 'unsupported_response_type',
          error_description: 'The authorization server does not support this response type.',
        }),
      };
    }
    const scopes = scopeList(get('scope'), 'read');
    if (!scopes.every((scope) => app.scopes.includes(scope))) {
      return { reply: back({ error: 'invalid_scope', error_description: DESCRIPTIONS.invalid_scope }) };
    }
    const challenge = get('code_challenge');
    if (challenge !== null && get('code_challenge_method') !== 'S256') {
      return {
        reply: back({ error: 'invalid_request', error_description: 'The code challenge method must be S256.' }),
      };
    }
    return { app, redirectUri, scopes, challenge, state, back };
  };

  const approvalPage = (request: TestRequest): TestReply => {
    const checked = checkAuthorization(request.query);
    if ('reply' in checked) return checked.reply!;
    if (oauth.signedInAs === null) return html(401, '<h1>Log in</h1><p>Nobody is signed in to this server.</p>');
    const hidden = [...request.query.entries()]
      .map(([key, value]) => `<input type="hidden" name="${escape(key)}" value="${escape(value)}">`)
      .join('');
    return html(
      200,
      `<h1>Authorization required</h1><p><strong>${escape(checked.app.name)}</strong> would like permission to access your account: ${escape(checked.scopes.join(' '))}.</p>` +
        `<form method="post" action="/oauth/authorize">${hidden}<button name="decision" value="approve">Authorize</button> <button name="decision" value="deny">Deny</button></form>`,
    );
  };

  const decide = (request: TestRequest): TestReply => {
    const body = new Map(Object.entries(parseBody(request)).map(([key, value]) => [key, String(value)]));
    const checked = checkAuthorization(body);
    if ('reply' in checked) return checked.reply!;
    if (oauth.signedInAs === null) return html(401, '<h1>Log in</h1>');
    if (body.get('decision') !== 'approve') {
      return checked.back({ error: 'access_denied', error_description: DESCRIPTIONS.access_denied });
    }
    const code = randomBytes(32).toString('base64url');
    oauth.grants.set(code, {
      code,
      clientId: checked.app.clientId,
      accountId: oauth.signedInAs,
      redirectUri: checked.redirectUri,
      scopes: checked.scopes,
      codeChallenge: checked.challenge,
      createdAt: now(),
      used: false,
    });
    if (checked.redirectUri === OUT_OF_BAND) {
      return html(
        200,
        `<h1>Authorization code</h1><p>Copy this code and paste it into the application.</p><input class="oauth-code" readonly value="${code}">`,
      );
    }
    return checked.back({ code });
  };

  /** The client from the form, or from HTTP Basic as Doorkeeper also takes it. */
  const clientOf = (request: TestRequest, body: Record<string, unknown>) => {
    let id = typeof body.client_id === 'string' ? body.client_id : '';
    let secret = typeof body.client_secret === 'string' ? body.client_secret : '';
    const basic = /^Basic\s+(.+)$/i.exec(String(request.headers.authorization ?? ''));
    if (basic) [id = '', secret = ''] = Buffer.from(basic[1]!, 'base64').toString().split(':');
    const app = oauth.apps.get(id);
    return app && app.clientSecret === secret ? app : null;
  };

  const token = (request: TestRequest): TestReply => {
    const body = parseBody(request);
    if (body.grant_type !== 'authorization_code') {
      return oauthError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
      );
    }
    const app = clientOf(request, body);
    if (!app) return oauthError(401, 'invalid_client', DESCRIPTIONS.invalid_client);
    const grant = oauth.grants.get(String(body.code ?? ''));
    if (
      !grant ||
      grant.used ||
      grant.clientId !== app.clientId ||
      now() - grant.createdAt > CODE_LIFETIME_MS ||
      grant.redirectUri !== body.redirect_uri ||
      !tokens.hasAccount(grant.accountId)
    ) {
      return oauthError(400, 'invalid_grant', DESCRIPTIONS.invalid_grant);
    }
    if (grant.codeChallenge !== null) {
      const verifier = typeof body.code_verifier === 'string' ? body.code_verifier : '';
      if (!verifier) return oauthError(400, 'invalid_request', 'Missing required parameter: code_verifier.');
      if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
        return oauthError(400, 'invalid_grant', DESCRIPTIONS.invalid_grant);
      }
    }
    grant.used = true;
    const accessToken = randomBytes(32).toString('base64url');
    tokens.addToken(accessToken, grant.accountId, grant.scopes);
    oauth.tokenApps.set(accessToken, app.clientId);
    return {
      status: 200,
      json: {
        access_token: accessToken,
        token_type: 'Bearer',
        scope: grant.scopes.join(' '),
        created_at: Math.floor(now() / 1000),
      },
    };
  };

  const revoke = (request: TestRequest): TestReply => {
    const body = parseBody(request);
    const app = clientOf(request, body);
    const given = typeof body.token === 'string' ? body.token : '';
    if (!app || !given) return oauthError(403, 'unauthorized_client', DESCRIPTIONS.unauthorized_client);
    const owner = oauth.tokenApps.get(given);
    // RFC 7009: a token the server does not know is no error.
    if (owner === undefined) return { status: 200, json: {} };
    if (owner !== app.clientId) return oauthError(403, 'unauthorized_client', DESCRIPTIONS.unauthorized_client);
    tokens.revokeToken(given);
    if (!oauth.revoked.includes(given)) oauth.revoked.push(given);
    return { status: 200, json: {} };
  };

  /** The reply for an OAuth route, or null for any other request. */
  return (request: TestRequest): TestReply | null => {
    const { method, path } = request;
    if (method === 'POST' && path === '/api/v1/apps') return registerApp(request);
    if (method === 'GET' && path === '/oauth/authorize') return approvalPage(request);
    if (method === 'POST' && path === '/oauth/authorize') return decide(request);
    if (method === 'POST' && path === '/oauth/token') return token(request);
    if (method === 'POST' && path === '/oauth/revoke') return revoke(request);
    return null;
  };
}
