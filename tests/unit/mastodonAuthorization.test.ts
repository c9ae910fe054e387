import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  codeChallenge,
  missingScopes,
  newAuthorization,
  readCallback,
} from '../../src/main/core/networks/mastodon/authorization.ts';

describe('PKCE and state for a Mastodon sign-in', () => {
  it('makes the S256 challenge of RFC 7636 appendix B', () => {
    expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a fresh verifier of 43 unreserved characters, its challenge and a state each time', () => {
    const one = newAuthorization(randomBytes);
    const two = newAuthorization(randomBytes);
    expect(one.verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(one.challenge).toBe(codeChallenge(one.verifier));
    expect(one.state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(two.verifier).not.toBe(one.verifier);
    expect(two.state).not.toBe(one.state);
  });

  it('asks the instance for a code with the challenge, the state and only the scopes Twoway needs', () => {
    const url = new URL(
      authorizeUrl('https://mastodon.example', {
        clientId: 'client id',
        redirectUri: 'http://127.0.0.1:4321/callback',
        state: 'st',
        challenge: 'ch',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://mastodon.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client id',
      redirect_uri: 'http://127.0.0.1:4321/callback',
      scope: 'read write:follows',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });
});

describe('which answer reaches the loopback listener', () => {
  const read = (target: string) => readCallback(target, 'the-state', 'mastodon.example');

  it('takes the code only on /callback with this sign-in’s state', () => {
    expect(read('/callback?code=abc123&state=the-state')).toEqual({ kind: 'code', code: 'abc123' });
    expect(read('/favicon.ico')).toEqual({ kind: 'elsewhere' });
    expect(read('/callback/?code=abc123&state=the-state')).toEqual({ kind: 'elsewhere' });
    expect(read('/callback?code=abc123')).toEqual({ kind: 'stranger' });
    expect(read('/callback?code=abc123&state=other')).toEqual({ kind: 'stranger' });
    expect(read('/callback?code=abc123&state=the-state&state=other')).toEqual({ kind: 'stranger' });
    expect(read('/callback?state=the-state')).toEqual({ kind: 'stranger' });
    expect(read('/callback?code=a%20b&state=the-state')).toEqual({ kind: 'stranger' });
  });

  it('tells a denial and an instance’s error in words, without the characters a page could hide', () => {
    expect(read('/callback?error=access_denied&state=the-state')).toEqual({
      kind: 'declined',
      message: 'You did not approve Twoway on mastodon.example.',
    });
    expect(read('/callback?error=invalid_scope&error_description=Bad%E2%80%AE%20scope&state=the-state')).toEqual({
      kind: 'declined',
      message: 'mastodon.example refused the sign-in: Bad scope',
    });
    expect(read('/callback?error=access_denied&state=other')).toEqual({ kind: 'stranger' });
  });
});

describe('the scopes a token grants', () => {
  it('names what is missing of read and write:follows, taking write and follow for write:follows', () => {
    expect(missingScopes('read write:follows')).toEqual([]);
    expect(missingScopes('read write')).toEqual([]);
    expect(missingScopes('read follow')).toEqual([]);
    expect(missingScopes('read')).toEqual(['write:follows']);
    expect(missingScopes('write:follows')).toEqual(['read']);
    expect(missingScopes('read:accounts write:follows')).toEqual(['read']);
  });
});
