// A kept Bluesky account whose server address breaks the address rules (a damaged or edited accounts file) never
// receives the app password: the sign-in stops before any request.
import { describe, expect, it } from 'vitest';
import { blueskySignIn } from '../../src/main/services/networks/bluesky/session.ts';
import type { ResilientFetch } from '../../src/main/services/networks/resilientFetch.ts';

describe('signing in to a kept Bluesky account', () => {
  it.each([
    ['a private network', 'https://192.168.1.20', 'This address is on a private network'],
    ['plain http off this computer', 'http://pds.example', 'Use the https:// address'],
    ['another scheme', 'file:///etc/passwd', 'Twoway only connects over https://'],
  ])('refuses a server on %s, sending nothing', async (_, pdsUrl, problem) => {
    const sent: string[] = [];
    const fetch = Object.assign(
      async (input: string | URL | Request) => {
        sent.push(String(input));
        return new Response('{}');
      },
      { requests: () => sent.length },
    ) as ResilientFetch;
    const vault = {
      appPassword: async () => 'app-password-1',
      session: async () => null,
      saveSession: async () => undefined,
    };
    const signIn = blueskySignIn({ did: 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', pdsUrl }, fetch, vault);
    await expect(signIn()).rejects.toThrow(`Twoway does not sign in at ${pdsUrl}: ${problem}`);
    expect(sent).toEqual([]);
  });
});
