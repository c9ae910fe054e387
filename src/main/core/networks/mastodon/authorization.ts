// Signing in to a Mastodon instance with OAuth (authorization code with PKCE), decided without I/O: the
// verifier and its challenge, the address of the instance's approval page, which request to the loopback
// listener is the answer Twoway waits for, and whether the token grants what Twoway needs.
import { createHash } from 'node:crypto';

/** Reading the lists, and following or unfollowing: nothing more. */
export const signInScopes = 'read write:follows';
/** The one path the loopback listener answers on. */
export const callbackPath = '/callback';
/** The redirect that makes the instance show the code for the user to paste (no listener needed). */
export const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';
export const signInMinutes = 5;
export const signInTimedOut = `Sign-in timed out after ${signInMinutes} minutes; try again.`;

export type RandomBytes = (size: number) => Uint8Array;

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** RFC 7636 S256: base64url of the SHA-256 of the verifier, without padding. */
export const codeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** A fresh verifier (43 characters from 32 random bytes, within the 43–128 RFC 7636 allows), its challenge and a state. */
export function newAuthorization(randomBytes: RandomBytes) {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: codeChallenge(verifier), state: base64url(randomBytes(24)) };
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
}

/** The instance's approval page for this sign-in. */
export function authorizeUrl(instanceUrl: string, request: AuthorizeRequest): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: signInScopes,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  });
  return `${instanceUrl}/oauth/authorize?${query}`;
}

/** What an authorization code may look like: printable, no spaces, of a sane length. */
export const plainCode = /^[\x21-\x7e]{1,512}$/;

export type Callback =
  /** Not the callback path: the listener answers 404 and goes on waiting. */
  | { kind: 'elsewhere' }
  /** The path, but not this sign-in's state: refused, and the sign-in goes on waiting for the real answer. */
  | { kind: 'stranger' }
  | { kind: 'declined'; message: string }
  | { kind: 'code'; code: string };

/** Which answer a request to the loopback listener is (its path and query as sent). */
export function readCallback(target: string, state: string, instance: string): Callback {
  let url: URL;
  try {
    url = new URL(target, 'http://127.0.0.1');
  } catch {
    return { kind: 'elsewhere' };
  }
  if (url.pathname !== callbackPath) return { kind: 'elsewhere' };
  const query = url.searchParams;
  if (query.getAll('state').length !== 1 || query.get('state') !== state) return { kind: 'stranger' };
  const error = query.get('error');
  if (error !== null) {
    if (error === 'access_denied') return { kind: 'declined', message: `You did not approve Twoway on ${instance}.` };
    const detail = (query.get('error_description') ?? error).replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 300);
    return { kind: 'declined', message: `${instance} refused the sign-in: ${detail}` };
  }
  const code = query.get('code');
  if (code === null || !plainCode.test(code)) return { kind: 'stranger' };
  return { kind: 'code', code };
}

/** The scopes Twoway asked for that a token's granted scopes (space-separated) do not cover. */
export function missingScopes(granted: string): string[] {
  const scopes = new Set(granted.split(/\s+/).filter(Boolean));
  const missing: string[] = [];
  if (!scopes.has('read')) missing.push('read');
  // write covers write:follows, and so does the older follow scope.
  if (!scopes.has('write:follows') && !scopes.has('write') && !scopes.has('follow')) missing.push('write:follows');
  return missing;
}
